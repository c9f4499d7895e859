// Writing the author database of a generation (DIR/gen-N/authors) from the co-author graph.
#include "index/author_record.h"
#include "index/durable_files.h"
#include "index/xapian_error.h"
#include "paperdex/corpus/text.h"
#include "paperdex/index/author_graph.h"
#include "paperdex/index/schema.h"

namespace paperdex {

using namespace author_db;

std::size_t build_author_index(const AuthorGraph& graph, const std::string& dir) {
    return with_xapian_errors("building the author index " + dir, [&] {
        // DB_NO_SYNC: a sync at every flush below would cost an fsync per table per 1,000 authors; the whole
        // database is synced once at the end instead.
        Xapian::WritableDatabase out(dir, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
        std::size_t pending = 0;
        for (const auto& [key, r] : graph.records()) {
            Xapian::Document doc;
            doc.add_boolean_term(schema::boolean_term(kKeyPrefix, key));
            for (const auto& word : text::words(r.name)) doc.add_boolean_term(schema::boolean_term(kNameWordPrefix, word));
            // A key that is not the folded name (an id key, or a variant spelling) still finds by its words.
            if (key.rfind("id:", 0) != 0)
                for (const auto& word : text::words(key)) doc.add_boolean_term(schema::boolean_term(kNameWordPrefix, word));
            doc.add_value(kWorksSlot, Xapian::sortable_serialise(r.works_count));
            doc.add_value(kNameSlot, text::fold(r.name));
            doc.add_value(kRecordSlot, encode_record(r));
            // Keys are unique (the graph's map), so add_document: replace_document would look each key up
            // through the pending changes. Flushed every 1,000 authors, as segments are (index/rebuild.cpp).
            out.add_document(doc);
            if (++pending == 1000) {
                out.commit();
                pending = 0;
            }
        }
        out.set_metadata(kNewestDateKey, graph.newest_date());
        out.commit();
        out.close();
        durable::sync_tree(dir);
        return graph.size();
    });
}

}  // namespace paperdex
