#pragma once
// The one place where Xapian's exceptions become paperdex's. Xapian::Error does not derive from std::exception,
// so one that escaped the library would bypass every handler written for std::exception; the public API lets
// only paperdex::Error through (include/paperdex/error.h).
#include <string>
#include <type_traits>
#include <utility>

#include <xapian.h>

#include "paperdex/error.h"
#include "paperdex/index/remote_shards.h"

namespace paperdex {

/// Runs `fn()` and returns what it returns. A Xapian::DatabaseModifiedError becomes IndexModified (the caller may
/// reopen and retry); a Xapian::NetworkError from a remote shard (down, unreachable, or slower than its timeout)
/// becomes ShardUnavailable naming it, and is counted (note_remote_shard_failure); any other Xapian::Error becomes IndexError("<what> failed: <Xapian's description>").
/// paperdex errors and standard exceptions pass through unchanged.
template <class Fn>
decltype(auto) with_xapian_errors(const std::string& what, Fn&& fn) {
    try {
        return std::forward<Fn>(fn)();
    } catch (const Xapian::DatabaseModifiedError& e) {
        throw IndexModified(what + " failed: the index changed while it was read (" + e.get_description() + ")");
    } catch (const Xapian::NetworkError& e) {
        note_remote_shard_failure();
        const std::string shard = shard_of_xapian_context(e.get_context());
        if (shard.empty()) throw IndexError(what + " failed: " + e.get_description());
        throw ShardUnavailable(shard, what + " failed: shard " + shard + " did not answer (" + e.get_msg() + ")");
    } catch (const Xapian::Error& e) {
        throw IndexError(what + " failed: " + e.get_description());
    }
}

}  // namespace paperdex
