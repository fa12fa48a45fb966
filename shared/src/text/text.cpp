#include "text/text.hpp"

#include <utf8proc.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace newsfacet::text {
namespace {

// Decodes one code point at `pos`; returns its length (>= 1) and sets `cp` (-1 if invalid).
std::size_t decode_at(std::string_view text, std::size_t pos, utf8proc_int32_t& cp) noexcept {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos);
    auto n = utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (n <= 0) {
        cp = -1;
        return 1;
    }
    return static_cast<std::size_t>(n);
}

bool is_letter_or_digit(utf8proc_int32_t cp) noexcept {
    if (cp < 0) return false;
    if (cp < 0x80) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO:
        case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC:
        case UTF8PROC_CATEGORY_ND:
            return true;
        default:
            return false;
    }
}

bool is_apostrophe(utf8proc_int32_t cp) noexcept { return cp == '\'' || cp == 0x2019; }

}  // namespace

std::size_t first_invalid_utf8(std::string_view bytes) noexcept {
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        auto c = static_cast<unsigned char>(bytes[pos]);
        if (c < 0x80) {
            ++pos;
            continue;
        }
        utf8proc_int32_t cp;
        auto n = decode_at(bytes, pos, cp);
        if (cp < 0) return pos;
        pos += n;
    }
    return std::string_view::npos;
}

std::string windows1252_to_utf8(std::string_view bytes) {
    // 0x80-0x9F differ from Latin-1; 0 marks the five undefined bytes.
    static constexpr std::array<std::uint16_t, 32> high = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char ch : bytes) {
        auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out.push_back(ch);
            continue;
        }
        utf8proc_int32_t cp = c;
        if (c < 0xA0) cp = high[c - 0x80] ? high[c - 0x80] : 0xFFFD;
        std::array<utf8proc_uint8_t, 4> buf{};
        auto n = utf8proc_encode_char(cp, buf.data());
        out.append(reinterpret_cast<const char*>(buf.data()), static_cast<std::size_t>(n));
    }
    return out;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        auto pos = s.find(sep, start);
        out.push_back(s.substr(start, pos == std::string_view::npos ? pos : pos - start));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return out;
}

std::string_view trim_space(std::string_view s) noexcept {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string ascii_lower(std::string_view value) {
    std::string out(value);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string fold(std::string_view value) {
    // Fast path, one pass: plain ASCII words (most of any news text) need only lower-casing.
    {
        std::string out(value.size(), '\0');
        bool simple = !value.empty();
        for (std::size_t i = 0; i < value.size(); ++i) {
            auto u = static_cast<unsigned char>(value[i]);
            if (u >= 0x80 || u <= ' ') {
                simple = false;
                break;
            }
            out[i] = static_cast<char>(u >= 'A' && u <= 'Z' ? u - 'A' + 'a' : u);
        }
        if (simple) return out;
    }
    std::string folded;
    utf8proc_uint8_t* mapped = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(value.data()),
                          static_cast<utf8proc_ssize_t>(value.size()), &mapped,
                          static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                                         UTF8PROC_STRIPMARK | UTF8PROC_COMPAT));
    if (n >= 0 && mapped) {
        folded.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
    } else {
        folded = ascii_lower(value);
    }
    std::free(mapped);
    // Collapse whitespace and treat typographic apostrophes and hyphens as their ASCII forms.
    std::string out;
    out.reserve(folded.size());
    bool space = false;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        char c = folded[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out.push_back(' ');
            space = false;
        }
        if (folded.compare(i, 3, "\xE2\x80\x99") == 0) {  // U+2019
            out.push_back('\'');
            i += 2;
            continue;
        }
        if (folded.compare(i, 3, "\xE2\x80\x90") == 0 || folded.compare(i, 3, "\xE2\x80\x91") == 0) {
            out.push_back('-');
            i += 2;
            continue;
        }
        out.push_back(c);
    }
    return out;
}

std::string name_key(const std::vector<std::string>& folded, std::size_t first, std::size_t last) {
    std::string key;
    for (auto i = first; i < last; ++i) {
        if (i > first) key.push_back(' ');
        key += folded[i];
    }
    return key;
}

std::string name_key(std::string_view name) {
    std::vector<std::string> folded;
    for (const auto& t : words(name)) folded.push_back(fold(name.substr(t.start, t.end - t.start)));
    return name_key(folded, 0, folded.size());
}

bool is_word_char_at(std::string_view text, std::size_t pos) noexcept {
    utf8proc_int32_t cp;
    decode_at(text, pos, cp);
    return is_letter_or_digit(cp);
}

std::vector<Token> words(std::string_view text) {
    auto ascii_alnum = [](unsigned char byte) {
        return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9');
    };
    std::vector<Token> out;
    out.reserve(text.size() / 6 + 1);  // news has about one word in six bytes
    std::size_t pos = 0;
    std::size_t start = std::string_view::npos;
    while (pos < text.size()) {
        auto byte = static_cast<unsigned char>(text[pos]);
        // ASCII fast path: most news text is ASCII.
        if (byte < 0x80 && byte != '\'') {
            if (ascii_alnum(byte)) {
                if (start == std::string_view::npos) start = pos;
                // The rest of an ASCII run at once.
                while (pos + 1 < text.size() && ascii_alnum(static_cast<unsigned char>(text[pos + 1]))) ++pos;
            } else if (start != std::string_view::npos) {
                out.push_back({start, pos});
                start = std::string_view::npos;
            }
            ++pos;
            continue;
        }
        utf8proc_int32_t cp;
        std::size_t n = decode_at(text, pos, cp);
        if (is_letter_or_digit(cp)) {
            if (start == std::string_view::npos) start = pos;
            pos += n;
            continue;
        }
        if (start != std::string_view::npos && is_apostrophe(cp) && pos + n < text.size()) {
            // Keep "don't", "O'Brien" whole, but end the word before a possessive 's.
            utf8proc_int32_t next;
            std::size_t m = decode_at(text, pos + n, next);
            if (is_letter_or_digit(next)) {
                bool possessive = (next == 's' || next == 'S') &&
                                  (pos + n + m >= text.size() || !is_word_char_at(text, pos + n + m));
                if (!possessive) {
                    pos += n;
                    continue;
                }
                // The possessive "'s" is not a word of its own.
                out.push_back({start, pos});
                start = std::string_view::npos;
                pos += n + m;
                continue;
            }
        }
        if (start != std::string_view::npos) {
            out.push_back({start, pos});
            start = std::string_view::npos;
        }
        pos += n;
    }
    if (start != std::string_view::npos) out.push_back({start, text.size()});
    return out;
}

bool starts_upper(std::string_view word) noexcept {
    if (word.empty()) return false;
    if (static_cast<unsigned char>(word[0]) < 0x80) return word[0] >= 'A' && word[0] <= 'Z';
    utf8proc_int32_t cp;
    decode_at(word, 0, cp);
    if (cp < 0) return false;
    auto cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool all_upper(std::string_view word) noexcept {
    bool letters = false;
    std::size_t pos = 0;
    while (pos < word.size()) {
        // ASCII fast path: only A-Z and a-z are letters there.
        auto byte = static_cast<unsigned char>(word[pos]);
        if (byte < 0x80) {
            if (byte >= 'a' && byte <= 'z') return false;
            letters = letters || (byte >= 'A' && byte <= 'Z');
            ++pos;
            continue;
        }
        utf8proc_int32_t cp;
        pos += decode_at(word, pos, cp);
        if (cp < 0) continue;
        auto cat = utf8proc_category(cp);
        if (cat == UTF8PROC_CATEGORY_LL) return false;
        if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) letters = true;
    }
    return letters;
}

}  // namespace newsfacet::text
