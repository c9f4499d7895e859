// The POST /api/similar body: any bytes are either a text with options or an InvalidArgument (a 400).
#include <string>

#include "fuzz_target.h"
#include "http/similar_body.h"
#include "paperdex/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    paperdex::SimilarOptions opt;
    paperdex::http::Paging page;
    try {
        paperdex::http::parse_similar_body(std::string(reinterpret_cast<const char*>(data), size), opt, page);
    } catch (const paperdex::InvalidArgument&) {
    }
    return 0;
}
