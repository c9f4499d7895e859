#include "http/tcp_bytes_received.h"

#include <linux/tcp.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace paperdex::http {

std::optional<std::uint64_t> tcp_bytes_received(int fd) noexcept {
    tcp_info info{};
    socklen_t len = sizeof info;
    if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &len) != 0) return std::nullopt;
    // An older kernel fills a shorter struct; the field is then missing, not zero.
    if (len < offsetof(tcp_info, tcpi_bytes_received) + sizeof info.tcpi_bytes_received) return std::nullopt;
    return info.tcpi_bytes_received;
}

}  // namespace paperdex::http
