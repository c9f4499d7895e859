#pragma once
/// Errors thrown by the paperdex library. Library code throws; only the CLI and the HTTP
/// layer turn these into exit codes or responses (HTTP: InvalidArgument→400, NotFound→404,
/// CorpusError→400, IndexError→500, Unavailable→503; see src/http/errors.cpp).
#include <cstddef>
#include <stdexcept>
#include <string>

namespace paperdex {

/// Base of every paperdex error; `what()` is a complete, user-facing message.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A caller-supplied value is out of range or malformed. `parameter()` names it
/// (an HTTP parameter, a CLI option or a JSON field), so a 400 can point at it.
class InvalidArgument : public Error {
public:
    InvalidArgument(std::string parameter, const std::string& message)
        : Error(message), parameter_(std::move(parameter)) {}
    const std::string& parameter() const noexcept { return parameter_; }
private:
    std::string parameter_;
};

/// The thing asked for (a work id, an author key, an index directory) does not exist.
class NotFound : public Error {
public:
    using Error::Error;
};

/// A corpus or source file could not be read at `file:line`. `what()` is
/// "file:line: reason"; line is 1-based, 0 when the error concerns the whole file.
class CorpusError : public Error {
public:
    CorpusError(std::string file, std::size_t line, std::string reason)
        : Error(file + (line ? ":" + std::to_string(line) : std::string()) + ": " + reason),
          file_(std::move(file)), line_(line), reason_(std::move(reason)) {}
    const std::string& file() const noexcept { return file_; }
    std::size_t line() const noexcept { return line_; }
    const std::string& reason() const noexcept { return reason_; }
private:
    std::string file_;
    std::size_t line_;
    std::string reason_;
};

/// The index is missing, corrupt or could not be written (wraps Xapian errors with context).
class IndexError : public Error {
public:
    using Error::Error;
};

/// A reader's view of the index went stale: a rebuild replaced the revision it was reading (Xapian's
/// DatabaseModifiedError). Reopening the database (Searcher::reopen) and asking again succeeds.
class IndexModified : public IndexError {
public:
    using IndexError::IndexError;
};

/// Nothing is wrong with the request, but it cannot be answered now: the server is saturated (every slot for index
/// requests stayed busy past the request deadline). Asking again later may succeed.
class Unavailable : public Error {
public:
    using Error::Error;
};

/// A works shard served by xapian-tcpsrv (remote_shards.h) did not answer within its timeouts: down, unreachable
/// or slow. `shard()` is its "tcp://HOST:PORT". The next request reconnects, so asking again once it is back
/// succeeds.
class ShardUnavailable : public Unavailable {
public:
    ShardUnavailable(std::string shard, const std::string& message) : Unavailable(message), shard_(std::move(shard)) {}
    const std::string& shard() const noexcept { return shard_; }
private:
    std::string shard_;
};

}  // namespace paperdex
