#include "read/charset.hpp"

#include <iconv.h>

#include <array>
#include <cerrno>

#include "text/text.hpp"

namespace newsfacet::detail {
namespace {

constexpr std::size_t declaration_window = 1024;
constexpr std::string_view replacement = "\xEF\xBF\xBD";

bool is_charset_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
}

// The charset name starting at `pos` of lower-cased `head` (quotes and spaces skipped).
std::string charset_at(std::string_view head, std::size_t pos) {
    while (pos < head.size() && (head[pos] == ' ' || head[pos] == '"' || head[pos] == '\'' || head[pos] == '=')) ++pos;
    std::size_t end = pos;
    while (end < head.size() && is_charset_char(head[end])) ++end;
    return std::string(head.substr(pos, end - pos));
}

// WHATWG's reading of the labels that matter: Latin-1 and ASCII are Windows-1252.
std::string canonical_label(std::string label) {
    if (label == "iso-8859-1" || label == "latin1" || label == "iso8859-1" || label == "l1" || label == "us-ascii" ||
        label == "ascii" || label == "cp1252" || label == "x-cp1252" || label == "iso_8859-1") {
        return "windows-1252";
    }
    if (label == "utf8" || label == "unicode-1-1-utf-8") return "utf-8";
    return label;
}

// An iconv conversion to UTF-8, closed on scope exit.
class Iconv {
public:
    explicit Iconv(const std::string& from) : m_cd(iconv_open("UTF-8", from.c_str())) {}
    ~Iconv() {
        if (valid()) iconv_close(m_cd);
    }
    Iconv(const Iconv&) = delete;
    Iconv& operator=(const Iconv&) = delete;
    [[nodiscard]] bool valid() const { return m_cd != reinterpret_cast<iconv_t>(-1); }
    [[nodiscard]] iconv_t get() const { return m_cd; }

private:
    iconv_t m_cd;
};

// `bytes` converted from `charset` by iconv, bytes it cannot read replaced; false if iconv
// does not know the charset.
bool convert(std::string_view bytes, const std::string& charset, std::string& out) {
    Iconv conversion(charset);
    if (!conversion.valid()) return false;
    iconv_t cd = conversion.get();
    out.clear();
    out.reserve(bytes.size() + bytes.size() / 2);
    std::array<char, 8192> buf{};
    // iconv's interface takes non-const input.
    std::string input(bytes);
    char* in = input.data();
    std::size_t in_left = input.size();
    while (in_left > 0) {
        char* o = buf.data();
        std::size_t o_left = buf.size();
        const std::size_t r = iconv(cd, &in, &in_left, &o, &o_left);
        out.append(buf.data(), buf.size() - o_left);
        if (r != static_cast<std::size_t>(-1)) continue;
        if (errno == E2BIG) continue;
        // An invalid or truncated sequence: one replacement character, then go on.
        out.append(replacement);
        ++in;
        --in_left;
        iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
    return true;
}

}  // namespace

std::string declared_charset(std::string_view bytes) {
    const std::string head = text::ascii_lower(bytes.substr(0, declaration_window));
    for (std::size_t pos = head.find("charset"); pos != std::string::npos; pos = head.find("charset", pos + 7)) {
        std::size_t after = pos + 7;
        while (after < head.size() && head[after] == ' ') ++after;
        if (after < head.size() && head[after] == '=') return canonical_label(charset_at(head, after));
    }
    // An XHTML page's XML declaration.
    if (head.rfind("<?xml", 0) == 0) {
        const auto enc = head.find("encoding");
        const auto end = head.find("?>");
        if (enc != std::string::npos && enc < end) return canonical_label(charset_at(head, enc + 8));
    }
    return {};
}

DecodedPage decode_page(std::string_view bytes, std::string_view transport_charset) {
    DecodedPage page;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    else if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
        page.charset = bytes[0] == '\xFF' ? "utf-16le" : "utf-16be";
        if (convert(bytes.substr(2), page.charset, page.text)) return page;
    }
    std::string charset = canonical_label(text::ascii_lower(transport_charset));
    const std::string declared = declared_charset(bytes);
    const bool valid_utf8 = text::first_invalid_utf8(bytes) == std::string_view::npos;
    if (charset.empty() && valid_utf8) {
        page.charset = "utf-8";
        page.text = std::string(bytes);
        return page;
    }
    if (charset.empty()) charset = declared;
    if (charset == "utf-8" && !valid_utf8) {
        page.warning = "declares utf-8 but is not valid UTF-8; read as Windows-1252";
        charset.clear();
    }
    if (charset.empty() || charset == "windows-1252") {
        page.charset = "windows-1252";
        page.text = text::windows1252_to_utf8(bytes);
        // Windows-1252 named by the transport (an HTTP header) is no guess.
        if (declared.empty() && transport_charset.empty() && page.warning.empty()) {
            page.warning = "not valid UTF-8 and no charset declared; read as Windows-1252";
        }
        return page;
    }
    if (charset == "utf-8") {
        page.charset = charset;
        page.text = std::string(bytes);
        return page;
    }
    if (convert(bytes, charset, page.text)) {
        page.charset = charset;
        return page;
    }
    page.charset = "windows-1252";
    page.text = text::windows1252_to_utf8(bytes);
    page.warning = "unknown charset '" + charset + "'; read as Windows-1252";
    return page;
}

}  // namespace newsfacet::detail
