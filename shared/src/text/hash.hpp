#pragma once
// 64-bit FNV-1a (offset basis and prime from the FNV specification), for hashes the index
// stores: std::hash is not used, it differs between standard libraries and releases.

#include <cstdint>
#include <string>
#include <string_view>

namespace newsfacet::detail {

inline constexpr std::uint64_t fnv_offset = 0xcbf29ce484222325ULL;
inline constexpr std::uint64_t fnv_prime = 0x100000001b3ULL;

/// Continues an FNV-1a hash `h` over `bytes`. Cost: one multiply per byte.
[[nodiscard]] constexpr std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = fnv_offset) noexcept {
    for (char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= fnv_prime;
    }
    return h;
}

/// `v` as 16 lower-case hex digits.
[[nodiscard]] inline std::string hex64(std::uint64_t v) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (std::size_t i = 0; i < 16; ++i) out[15 - i] = digits[(v >> (4 * i)) & 0xF];
    return out;
}

}  // namespace newsfacet::detail
