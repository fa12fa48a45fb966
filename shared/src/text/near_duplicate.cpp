#include "text/near_duplicate.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <vector>

#include "text/hash.hpp"
#include "text/text.hpp"

namespace newsfacet::detail {
namespace {

// The finaliser of splitmix64 (Steele, Lea and Flood, 2014): a fixed bijection on 64 bits
// that spreads every input bit over the output, so XOR with a seed acts as an independent
// permutation for each min-hash.
constexpr std::uint64_t mix(std::uint64_t z) noexcept {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// One seed per min-hash: multiples of the 64-bit golden ratio.
constexpr std::array<std::uint64_t, near_duplicate_minhashes> seeds = {
    0x9e3779b97f4a7c15ULL, 0x3c6ef372fe94f82aULL, 0xdaa66d2c7ddf743fULL};
static_assert(seeds.back() != 0, "one seed per min-hash");

// FNV-1a of the case-folded word. ASCII words (nearly all of English news) are lower-cased on
// the fly without allocating; others go through text::fold, which also strips accents.
std::uint64_t word_hash(std::string_view word) {
    std::uint64_t h = fnv_offset;
    for (char c : word) {
        auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) return fnv1a(text::fold(word));
        if (u >= 'A' && u <= 'Z') u = static_cast<unsigned char>(u - 'A' + 'a');
        h ^= u;
        h *= fnv_prime;
    }
    return h;
}

// The top 56 bits of v as 14 hex digits: with the kind letter, a key is 15 bytes, which
// std::string keeps without allocating. Xapian reads and compares every match's key when
// collapsing, so this matters (about 10% of a search's instructions).
void append_hex56(std::string& out, std::uint64_t v) {
    static constexpr char digits[] = "0123456789abcdef";
    for (int shift = 60; shift >= 8; shift -= 4) out.push_back(digits[(v >> shift) & 0xF]);
}

}  // namespace

std::optional<std::uint64_t> near_duplicate_number(std::string_view key) noexcept {
    if (key.size() != 15 || (key[0] != 'x' && key[0] != 'm')) return std::nullopt;
    std::uint64_t n = key[0] == 'm' ? std::uint64_t{1} << 56 : 0;
    for (int i = 1; i < 15; ++i) {
        const char c = key[static_cast<std::size_t>(i)];
        std::uint64_t digit = 0;
        if (c >= '0' && c <= '9') {
            digit = static_cast<std::uint64_t>(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            digit = static_cast<std::uint64_t>(c - 'a' + 10);
        } else {
            return std::nullopt;
        }
        n |= digit << (4 * (14 - i));
    }
    return n;
}

std::size_t dateline_length(std::string_view body) {
    constexpr std::size_t max_bytes = 100;
    constexpr std::size_t max_words = 12;
    std::size_t start = 0;
    while (start < body.size() && (body[start] == ' ' || body[start] == '\t' || body[start] == '\n' || body[start] == '\r')) {
        ++start;
    }
    auto head = body.substr(start, max_bytes);
    head = head.substr(0, head.find('\n'));
    // The earliest spaced dash closes the dateline.
    static constexpr std::array<std::string_view, 4> dashes = {" - ", " -- ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};
    std::size_t end = std::string_view::npos;
    std::size_t dash_size = 0;
    for (auto dash : dashes) {
        auto pos = head.find(dash);
        if (pos < end) {
            end = pos;
            dash_size = dash.size();
        }
    }
    if (end == std::string_view::npos) return 0;
    const auto prefix = head.substr(0, end);
    const auto tokens = text::words(prefix);
    if (tokens.empty() || tokens.size() > max_words) return 0;
    if (prefix[0] != '(') {
        // An all-caps word of two or more letters: "LONDON", "ST. LOUIS", not "A" or "The".
        const auto first = prefix.substr(tokens[0].start, tokens[0].end - tokens[0].start);
        if (tokens[0].start != 0 || first.size() < 2 || !text::all_upper(first)) return 0;
    }
    return start + end + dash_size;
}

std::string near_duplicate_key(std::string_view body) {
    body.remove_prefix(dateline_length(body));
    const auto tokens = text::words(body);
    if (tokens.empty()) return {};

    std::vector<std::uint64_t> words;
    words.reserve(tokens.size());
    // The figures of the first words, as a multiset: a sum of mixed hashes does not depend on order.
    std::uint64_t figures = 0;
    for (const auto& t : tokens) {
        auto word = body.substr(t.start, t.end - t.start);
        words.push_back(word_hash(word));
        if (words.size() <= near_duplicate_figure_words && word[0] >= '0' && word[0] <= '9') {
            figures += mix(words.back());
        }
    }

    // The hash of a word sequence: chained, so order matters.
    auto sequence_hash = [&](std::size_t first, std::size_t count) {
        std::uint64_t h = 0;
        for (std::size_t i = first; i < first + count; ++i) h = mix(h ^ words[i]);
        return h;
    };

    std::string key;
    if (words.size() < near_duplicate_min_words) {
        key.push_back('x');
        append_hex56(key, sequence_hash(0, words.size()));
        return key;
    }
    std::array<std::uint64_t, near_duplicate_minhashes> minima;
    minima.fill(std::numeric_limits<std::uint64_t>::max());
    for (std::size_t i = 0; i + near_duplicate_shingle_words <= words.size(); ++i) {
        const std::uint64_t shingle = sequence_hash(i, near_duplicate_shingle_words);
        for (std::size_t k = 0; k < near_duplicate_minhashes; ++k) {
            minima[k] = std::min(minima[k], mix(shingle ^ seeds[k]));
        }
    }
    // One hash of the min-hashes and the figures: equal parts give equal keys; different
    // parts the same key with probability 2^-56.
    std::uint64_t folded = 0;
    for (auto m : minima) folded = mix(folded ^ m);
    folded = mix(folded ^ figures);
    key.push_back('m');
    append_hex56(key, folded);
    return key;
}

}  // namespace newsfacet::detail
