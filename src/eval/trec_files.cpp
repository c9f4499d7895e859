// Reading qrels, query files and TREC runs; writing runs. Formats: BEIR (jsonl + TSV), TREC, SMART/CACM.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "paperdex/corpus/text.h"
#include "paperdex/error.h"
#include "paperdex/eval/eval.h"
#include "corpus/line_reader.h"
#include "corpus/json_excerpt.h"

namespace paperdex::eval {
namespace {

std::vector<std::string> split_ws(const std::string& line) {
    std::vector<std::string> out;
    std::istringstream in(line);
    for (std::string f; in >> f;) out.push_back(std::move(f));
    return out;
}

// Parses the whole field as a number, else throws naming the place; eval.py uses float() the same way.
double number(const std::string& field, const LineReader& r, const char* what) {
    errno = 0;
    char* end = nullptr;
    double v = std::strtod(field.c_str(), &end);
    if (field.empty() || end != field.c_str() + field.size() || errno == ERANGE)
        throw CorpusError(r.path(), r.line_number(), std::string(what) + " must be a number, got \"" + field + "\"");
    return v;
}

bool is_header(const std::vector<std::string>& f) { return f[0] == "query-id" || f[0] == "qid"; }

}  // namespace

std::string query_key(std::string_view qid) {
    if (qid.empty() || !std::all_of(qid.begin(), qid.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::string(qid);
    auto first = qid.find_first_not_of('0');
    return first == std::string_view::npos ? std::string("0") : std::string(qid.substr(first));
}

const QueryJudgments* Qrels::find(std::string_view qid) const {
    const std::string key = query_key(qid);
    for (const auto& q : queries)
        if (query_key(q.id) == key) return &q;
    return nullptr;
}

std::size_t Qrels::judgments() const {
    std::size_t n = 0;
    for (const auto& q : queries) n += q.relevant.size();
    return n;
}

Qrels read_qrels(const std::string& path, QrelsFormat format) {
    // One pass to collect the rows, so that detection can look at the whole file (SMART is recognised by every
    // line ending in "0 0").
    struct Row {
        std::vector<std::string> f;
        std::size_t line;
    };
    std::vector<Row> rows;
    LineReader r(path);
    for (std::string line; r.next(line);) {
        auto f = split_ws(line);
        if (f.empty() || is_header(f)) continue;
        rows.push_back({std::move(f), r.line_number()});
    }
    if (format == QrelsFormat::detect) {
        format = QrelsFormat::beir;
        if (!rows.empty() && rows.front().f.size() >= 4) {
            bool smart = std::all_of(rows.begin(), rows.end(), [](const Row& row) {
                return row.f.size() == 4 && row.f[2] == "0" && row.f[3] == "0";
            });
            format = smart ? QrelsFormat::smart : QrelsFormat::trec;
        }
    }
    const std::size_t columns = format == QrelsFormat::beir ? 3 : 4;
    const char* layout = format == QrelsFormat::beir    ? "query-id corpus-id score"
                         : format == QrelsFormat::trec ? "qid iteration docid rel"
                                                        : "qid docid 0 0";

    Qrels out;
    std::map<std::string, std::size_t> index;  // query id as spelled → position in out.queries
    for (const auto& row : rows) {
        const auto& f = row.f;
        if (f.size() != columns)
            throw CorpusError(path, row.line, "expected " + std::to_string(columns) + " columns (" + layout +
                                                  "), got " + std::to_string(f.size()));
        std::string qid = f[0], did;
        int rel = 1;
        auto rel_of = [&](const std::string& field) {
            errno = 0;
            char* end = nullptr;
            double v = std::strtod(field.c_str(), &end);
            if (end != field.c_str() + field.size() || errno == ERANGE)
                throw CorpusError(path, row.line, "relevance must be a number, got \"" + field + "\"");
            return static_cast<int>(v);  // int(float(rel)) in eval.py: truncation toward zero
        };
        switch (format) {
            case QrelsFormat::beir: did = f[1]; rel = rel_of(f[2]); break;
            case QrelsFormat::trec: did = f[2]; rel = rel_of(f[3]); break;
            default: did = f[1]; rel = 1; break;
        }
        if (rel <= 0) continue;
        auto [it, fresh] = index.emplace(qid, out.queries.size());
        if (fresh) out.queries.push_back({qid, {}});
        out.queries[it->second].relevant[did] = rel;
    }
    return out;
}

std::vector<Query> read_queries(const std::string& path) {
    LineReader r(path);
    std::vector<Query> out;
    enum class Layout { unknown, beir, smart } layout = Layout::unknown;
    bool in_text = false;  // SMART: inside the .W section of the current query
    for (std::string line; r.next(line);) {
        if (layout == Layout::unknown) {
            auto start = line.find_first_not_of(" \t\r");
            if (start == std::string::npos) continue;
            if (line[start] == '{') layout = Layout::beir;
            else if (line.compare(start, 2, ".I") == 0) layout = Layout::smart;
            else
                throw CorpusError(path, r.line_number(),
                                  "unknown query file layout: expected BEIR JSON lines ('{') or SMART (.I), got " +
                                      text::quoted(line));
        }
        if (layout == Layout::beir) {
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            nlohmann::json j;
            try {
                j = nlohmann::json::parse(line);
            } catch (const nlohmann::json::exception& e) {
                throw CorpusError(path, r.line_number(), json_error_reason(e));
            }
            if (!j.is_object() || !j.contains("_id") || !j.contains("text"))
                throw CorpusError(path, r.line_number(), "a query needs \"_id\" and \"text\"");
            const auto& id = j["_id"];
            const auto& text = j["text"];
            if (!text.is_string()) throw CorpusError(path, r.line_number(), "\"text\" must be a string");
            if (!id.is_string() && !id.is_number_integer())
                throw CorpusError(path, r.line_number(), "\"_id\" must be a string or an integer, got " + json_excerpt(id));
            out.push_back({id.is_string() ? id.get<std::string>() : id.dump(), text.get<std::string>()});
            continue;
        }
        // SMART: a line starting with '.' and a capital letter opens a section.
        if (line.size() >= 2 && line[0] == '.' && line[1] >= 'A' && line[1] <= 'Z' &&
            (line.size() == 2 || line[2] == ' ' || line[2] == '\t' || line[2] == '\r')) {
            const char tag = line[1];
            if (tag == 'I') {
                auto f = split_ws(line.substr(2));
                if (f.size() != 1) throw CorpusError(path, r.line_number(), ".I needs exactly one query id");
                out.push_back({f[0], {}});
                in_text = false;
            } else {
                if (out.empty()) throw CorpusError(path, r.line_number(), std::string(".") + tag + " before any .I");
                in_text = tag == 'W';
            }
            continue;
        }
        if (!in_text) continue;
        auto words = split_ws(line);
        for (auto& w : words) {
            if (!out.back().text.empty()) out.back().text += ' ';
            out.back().text += w;
        }
    }
    return out;
}

Run read_run(const std::string& path) {
    struct Entry {
        double score;
        long rank;
        std::string doc;
    };
    std::map<std::string, std::vector<Entry>> by_query;
    LineReader r(path);
    for (std::string line; r.next(line);) {
        auto f = split_ws(line);
        if (f.size() < 6) continue;
        double rank = number(f[3], r, "rank");
        double score = number(f[4], r, "score");
        by_query[f[0]].push_back({score, static_cast<long>(rank), f[2]});
    }
    Run run;
    for (auto& [qid, entries] : by_query) {
        // eval.py: sort (score, -rank, doc) descending.
        std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
            if (a.score != b.score) return a.score > b.score;
            if (a.rank != b.rank) return a.rank < b.rank;
            return a.doc > b.doc;
        });
        auto& docs = run[qid];
        std::set<std::string> seen;
        for (auto& e : entries)
            if (seen.insert(e.doc).second) docs.push_back(e.doc);
    }
    return run;
}

void write_run(const std::string& path, const std::map<std::string, std::vector<ScoredDoc>>& results,
               std::string_view tag) {
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "w"), &std::fclose);
    if (!f) throw Error(path + ": cannot write run file");
    const std::string t(tag);
    for (const auto& [qid, docs] : results) {
        for (std::size_t i = 0; i < docs.size(); ++i)
            std::fprintf(f.get(), "%s Q0 %s %zu %.6f %s\n", qid.c_str(), docs[i].doc_id.c_str(), i + 1,
                         docs[i].score, t.c_str());
    }
    if (std::fflush(f.get()) != 0 || std::ferror(f.get())) throw Error(path + ": write failed");
}

}  // namespace paperdex::eval
