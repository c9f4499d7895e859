// smart: SMART tagged text (.I .T .W .B .A .K .N .X .C), as in the CACM collection. See importers.h.
#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>

#include "importers/importer_internal.h"
#include "paperdex/corpus/text.h"

namespace paperdex::importers {
namespace {

struct Record {
    std::size_t line = 0;  // of ".I"
    std::string number;
    std::map<char, std::vector<std::string>> fields;  // tag letter -> lines
};

std::string joined(const Record& r, char tag) {
    auto it = r.fields.find(tag);
    if (it == r.fields.end()) return {};
    std::string out;
    for (const auto& l : it->second) out += (out.empty() ? "" : " ") + l;
    return text::squeeze(out);
}

// "Perlis, A. J." -> "A. J. Perlis"; "Thacher Jr., H. C." -> "H. C. Thacher Jr."; "Samelson,K." -> "K. Samelson".
std::string display_name(const std::string& smart_name) {
    auto comma = smart_name.find(',');
    if (comma == std::string::npos) return text::squeeze(smart_name);
    std::string last = text::squeeze(smart_name.substr(0, comma));
    std::string first = text::squeeze(smart_name.substr(comma + 1));
    if (first.empty()) return last;
    if (last.empty()) return first;
    return first + " " + last;
}

void finish(ImportResult& out, const Record& r, const std::string& file, const std::string& collection,
            const std::string& venue) {
    Work w;
    w.id = collection + ":" + r.number;
    w.title = joined(r, 'T');
    w.abstract = joined(r, 'W');
    static const std::regex year_re(R"(\b(1[89]\d\d|20\d\d)\b)");
    std::string b = joined(r, 'B');
    std::smatch m;
    if (std::regex_search(b, m, year_re)) w.year = std::stoi(m[1].str());
    if (auto it = r.fields.find('A'); it != r.fields.end())
        for (const auto& l : it->second)
            if (auto name = display_name(l); !name.empty()) w.authors.push_back({name, ""});
    std::string keywords = joined(r, 'K');
    for (std::size_t start = 0; start < keywords.size();) {
        auto end = keywords.find(',', start);
        if (end == std::string::npos) end = keywords.size();
        std::string k = text::squeeze(std::string_view(keywords).substr(start, end - start));
        if (!k.empty() && std::find(w.topics.begin(), w.topics.end(), k) == w.topics.end()) w.topics.push_back(k);
        start = end + 1;
    }
    w.venue = venue;
    w.type = "article";
    w.source = "smart";
    // A record may lack a title (.I 3193 has an empty .T but an abstract); validate() decides.
    internal::accept(out, std::move(w), file, r.line);
}

}  // namespace

ImportResult import_smart(const std::vector<std::string>& paths, const ImportOptions& opt) {
    ImportResult out;
    static const std::regex id_re(R"(\.I\s+(\d+)\s*)");
    static const std::regex tag_re(R"(\.([A-Z])\s*)");
    for (const auto& file : internal::input_files(paths, {}, out)) {
        std::string collection = opt.collection;
        if (collection.empty()) {
            collection = std::filesystem::path(file).filename().string();
            collection = collection.substr(0, collection.find('.'));
        }
        std::string venue = collection;
        for (auto& c : venue)
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        std::optional<Record> rec;
        char tag = 0;
        bool stray_reported = false;  // text before the first .I: report once, not once a line
        internal::for_each_line(file, out, [&](std::string& line, std::size_t no) {
            std::smatch m;
            if (line.rfind(".I", 0) == 0) {
                if (rec) finish(out, *rec, file, collection, venue);
                rec.reset();
                tag = 0;
                if (!std::regex_match(line, m, id_re)) {
                    internal::reject(out, file, no, "expected \".I <number>\", got \"" + line + "\"");
                    stray_reported = true;  // the record's other lines are part of this error
                    return;
                }
                rec = Record{no, m[1].str(), {}};
                return;
            }
            if (!rec) {
                if (!stray_reported) internal::reject(out, file, no, "text outside a record (no .I line before it)");
                stray_reported = true;
                return;
            }
            if (std::regex_match(line, m, tag_re)) {
                tag = m[1].str()[0];
                rec->fields[tag];
                return;
            }
            if (tag == 0) {
                internal::reject(out, file, no, "text before the first field tag of .I " + rec->number);
                rec.reset();
                stray_reported = true;  // the record's other lines are part of this error
                return;
            }
            rec->fields[tag].push_back(line);
        });
        if (rec) finish(out, *rec, file, collection, venue);
    }
    return out;
}

}  // namespace paperdex::importers
