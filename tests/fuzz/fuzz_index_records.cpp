// What the server reads back from an index that may be damaged: author records and facet dictionaries. A
// corrupted value must be an IndexError ("rebuild the index"), never a crash or an out-of-range read.
#include <string>
#include <string_view>

#include "fuzz_target.h"
#include "index/author_record.h"
#include "index/facet_dictionary.h"
#include "paperdex/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    try {
        if (data[0] & 1) {
            paperdex::author_db::decode_record(bytes);
        } else {
            const paperdex::FacetDictionary dict{std::string(bytes)};
            for (std::uint32_t i = 0; i <= dict.size(); ++i) dict.value(i);  // one past the end: IndexError
            paperdex::for_each_packed_ordinal(bytes, [&](std::uint32_t o) {
                if (o < dict.size()) dict.value(o);
            });
        }
    } catch (const paperdex::IndexError&) {
    }
    return 0;
}
