#pragma once
// What an error message may quote of a JSON value that came from outside (a corpus line, an HTTP body, a queries
// file). `dump()` recurses into the value, so a value nested 80,000 deep overflows the stack, and it copies the
// whole value into the message; an excerpt does neither.
#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>  // json::exception is not declared in json_fwd.hpp

namespace paperdex {

/// A short description of `v` for a message: a string quoted and cut at a UTF-8 boundary to `max_bytes` (then
/// "…"), a number, true, false or null as JSON, an array or object of scalars as JSON when that fits in
/// `max_bytes` ([1]), any other array or object by its kind and size ("an array of 3 items", "an object of 2
/// fields"). Bounded in time and size, never recurses, never throws for invalid UTF-8.
std::string json_excerpt(const nlohmann::json& v, std::size_t max_bytes = 40);

/// "invalid JSON: REASON" for a nlohmann exception: its "[json.exception...] parse error at line 1, column N: "
/// prefix dropped (the caller names file and line), and the token it quotes ("last read: '...'", which can be a
/// whole megabyte-long string) cut to `max_bytes` at a UTF-8 boundary.
std::string json_error_reason(const nlohmann::json::exception& e, std::size_t max_bytes = 40);

}  // namespace paperdex
