// One canonical corpus line (JSONL) as read_corpus reads it: parse, from_json, validate. A line either becomes a
// Work or an InvalidArgument, and a Work that validates survives a write and a read unchanged.
#include <string>

#include <nlohmann/json.hpp>

#include "fuzz_target.h"
#include "paperdex/corpus/work.h"
#include "paperdex/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string line(reinterpret_cast<const char*>(data), size);
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) return 0;
    paperdex::Work w;
    try {
        w = j.get<paperdex::Work>();
    } catch (const paperdex::InvalidArgument&) {
        return 0;
    }
    if (!paperdex::validate(w).empty()) return 0;
    const std::string written = nlohmann::json(w).dump();
    const auto back = nlohmann::json::parse(written).get<paperdex::Work>();
    if (nlohmann::json(back).dump() != written) __builtin_trap();  // a valid work must round-trip
    return 0;
}
