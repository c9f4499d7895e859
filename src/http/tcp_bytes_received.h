#pragma once
// Private to the HTTP layer: how many bytes a TCP socket has received in all (Linux TCP_INFO,
// tcpi_bytes_received, RFC 4898's tcpEStatsAppHCThruOctetsReceived). In its own file because <linux/tcp.h>,
// which declares it, clashes with the C library's <netinet/tcp.h> that httplib.h includes.
#include <cstdint>
#include <optional>

namespace paperdex::http {

/// Bytes received on `fd` since the connection opened; nullopt if `fd` is not a TCP socket (or the kernel is
/// older than 4.1). Never throws.
std::optional<std::uint64_t> tcp_bytes_received(int fd) noexcept;

}  // namespace paperdex::http
