#include "read/xml_repair.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>

#include <libxml/HTMLparser.h>

#include "text/text.hpp"

namespace newsfacet::detail::xml {
namespace {

constexpr std::size_t longest_reference = 40;  // "&thetasym;" and numeric ones are far shorter

bool name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'; }
bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

// Control characters XML 1.0 does not allow anywhere, even as references.
bool forbidden_control(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

// Where mending may be needed.
bool is_special(unsigned char c) { return c == '<' || c == '&' || forbidden_control(c); }

bool allowed_code_point(std::uint32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

bool is_predefined(std::string_view name) {
    return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos";
}

// The value of the digits of a numeric reference ("#146", "#x92"), or nothing for malformed
// ones; values above Unicode's range come out as one past it.
std::optional<std::uint32_t> numeric_value(std::string_view ref) {
    const bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
    const auto digits = ref.substr(hex ? 2 : 1);
    if (digits.empty()) return std::nullopt;
    std::uint32_t value = 0;
    for (char c : digits) {
        std::uint32_t d = 0;
        if (c >= '0' && c <= '9') d = static_cast<std::uint32_t>(c - '0');
        else if (hex && c >= 'a' && c <= 'f') d = static_cast<std::uint32_t>(c - 'a' + 10);
        else if (hex && c >= 'A' && c <= 'F') d = static_cast<std::uint32_t>(c - 'A' + 10);
        else return std::nullopt;
        value = value * (hex ? 16 : 10) + d;
        if (value > 0x10FFFF) value = 0x110000;
    }
    return value;
}

// Appends the mended form of the reference `ref` (between "&" and ";", both excluded).
void mend_reference(std::string_view ref, bool declared_entities, std::string& out) {
    if (ref.size() > 1 && ref[0] == '#') {
        const auto value = numeric_value(ref);
        if (!value) {
            out.append("&amp;").append(ref).push_back(';');
        } else if (*value >= 0x80 && *value <= 0x9F) {
            // Text pasted from Windows: its byte, not the C1 control.
            out += text::windows1252_to_utf8(std::string(1, static_cast<char>(*value)));
        } else if (allowed_code_point(*value)) {
            out.append("&").append(ref).push_back(';');
        }
        return;
    }
    const std::string name(ref);
    if (is_predefined(name) || (declared_entities && !htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str())))) {
        out.append("&").append(name).push_back(';');
    } else if (const auto* entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()))) {
        out.append("&#").append(std::to_string(entity->value)).push_back(';');
    } else {
        out.append("&amp;").append(name).push_back(';');
    }
}

// Mends the "&" at `at` of `in`; returns where the text after it starts.
std::size_t mend_ampersand(std::string_view in, std::size_t at, bool declared_entities, std::string& out) {
    std::size_t end = at + 1;
    if (end < in.size() && in[end] == '#') {
        ++end;
        while (end < in.size() && end - at < longest_reference && std::isalnum(static_cast<unsigned char>(in[end]))) ++end;
    } else if (end < in.size() && name_start(in[end])) {
        while (end < in.size() && end - at < longest_reference && name_char(in[end])) ++end;
    }
    if (end == at + 1 || end >= in.size() || in[end] != ';') {
        out += "&amp;";
        return at + 1;
    }
    mend_reference(in.substr(at + 1, end - at - 1), declared_entities, out);
    return end + 1;
}

// Where a part that is copied as it is ends (just after its closing delimiter; the end of
// the text when it is not closed), or npos when `in` at `at` starts none.
std::size_t verbatim_end(std::string_view in, std::size_t at) {
    const auto rest = in.substr(at);
    auto closed = [&](std::string_view open, std::string_view close) {
        const auto end = in.find(close, at + open.size());
        return end == std::string_view::npos ? in.size() : end + close.size();
    };
    if (rest.rfind("<![CDATA[", 0) == 0) return closed("<![CDATA[", "]]>");
    if (rest.rfind("<!--", 0) == 0) return closed("<!--", "-->");
    if (rest.rfind("<?", 0) == 0) return closed("<?", "?>");
    if (rest.rfind("<!DOCTYPE", 0) == 0) {
        const auto bracket = in.find_first_of("[>", at);
        if (bracket == std::string_view::npos || in[bracket] == '>') return closed("<!DOCTYPE", ">");
        const auto subset_end = in.find("]", bracket);
        if (subset_end == std::string_view::npos) return in.size();
        const auto gt = in.find('>', subset_end);
        return gt == std::string_view::npos ? in.size() : gt + 1;
    }
    return std::string_view::npos;
}

void append_without_controls(std::string_view part, std::string& out) {
    for (char c : part) {
        if (!forbidden_control(static_cast<unsigned char>(c))) out += c;
    }
}

// RSS's HTML fields, which hold escaped HTML by the specification and raw HTML in many feeds
// (unclosed <p> and <br>, which end the XML's well-formedness there).
constexpr std::array<std::string_view, 2> html_fields = {"description", "content:encoded"};

// Wraps the content of an RSS HTML field that holds raw markup in a CDATA section.
class MarkupWrapper {
public:
    explicit MarkupWrapper(std::string_view in) : m_in(in) {}

    // If `at` starts an HTML field whose content holds a "<" outside CDATA, appends the
    // field with its content in CDATA and returns where the text after it starts; npos
    // otherwise.
    std::size_t wrap(std::size_t at, std::string& out) {
        for (std::size_t f = 0; f < html_fields.size(); ++f) {
            const auto name = html_fields[f];
            if (m_in.compare(at + 1, name.size(), name) != 0) continue;
            const auto after_name = at + 1 + name.size();
            if (after_name >= m_in.size() || std::string_view(" \t\r\n>").find(m_in[after_name]) == std::string_view::npos) {
                continue;
            }
            const auto tag_end = m_in.find('>', after_name);
            if (tag_end == std::string_view::npos || m_in[tag_end - 1] == '/') return std::string_view::npos;
            const auto close = next_close(f, tag_end + 1);
            if (close == std::string_view::npos) return std::string_view::npos;
            const auto inner = m_in.substr(tag_end + 1, close - tag_end - 1);
            if (!raw_markup(inner)) return std::string_view::npos;
            append_without_controls(m_in.substr(at, tag_end + 1 - at), out);
            out.append("<![CDATA[");
            append_as_cdata(inner, out);
            out.append("]]>");
            return close;  // the close tag is copied as it is
        }
        return std::string_view::npos;
    }

private:
    // The first "</name>" at or after `from`, found once however many fields ask.
    std::size_t next_close(std::size_t field, std::size_t from) {
        auto& [searched_from, found] = m_closes[field];
        if (searched_from != std::string_view::npos && searched_from <= from && (found == std::string_view::npos || found >= from)) {
            return found;
        }
        searched_from = from;
        found = m_in.find("</" + std::string(html_fields[field]) + ">", from);
        return found;
    }

    // True if `inner` holds a "<" outside its CDATA sections.
    static bool raw_markup(std::string_view inner) {
        for (std::size_t i = 0; i < inner.size(); ++i) {
            if (inner[i] != '<') continue;
            if (inner.compare(i, 9, "<![CDATA[") != 0) return true;
            const auto end = inner.find("]]>", i + 9);
            if (end == std::string_view::npos) return true;
            i = end + 2;
        }
        return false;
    }

    // `inner` as the text of one CDATA section: its own CDATA sections unwrapped, "]]>"
    // split, forbidden control characters dropped.
    static void append_as_cdata(std::string_view inner, std::string& out) {
        std::string text;
        for (std::size_t i = 0; i < inner.size();) {
            if (inner.compare(i, 9, "<![CDATA[") == 0) {
                const auto end = std::min(inner.find("]]>", i + 9), inner.size());
                text.append(inner.substr(i + 9, end - i - 9));
                i = std::min(end + 3, inner.size());
            } else {
                text += inner[i++];
            }
        }
        for (auto pos = text.find("]]>"); pos != std::string::npos; pos = text.find("]]>", pos + 15)) {
            text.replace(pos, 3, "]]]]><![CDATA[>");
        }
        append_without_controls(text, out);
    }

    std::string_view m_in;
    std::array<std::pair<std::size_t, std::size_t>, html_fields.size()> m_closes{
        {{std::string_view::npos, std::string_view::npos}, {std::string_view::npos, std::string_view::npos}}};
};

// True if the document has a DOCTYPE with an internal subset (which may declare entities).
bool has_internal_subset(std::string_view in) {
    const auto doctype = in.find("<!DOCTYPE");
    if (doctype == std::string_view::npos) return false;
    const auto bracket = in.find_first_of("[>", doctype);
    return bracket != std::string_view::npos && in[bracket] == '[';
}

}  // namespace

std::string repair(std::string_view in) {
    const bool declared_entities = has_internal_subset(in);
    MarkupWrapper wrapper(in);
    std::string out;
    out.reserve(in.size() + in.size() / 64);
    std::size_t i = 0;
    while (i < in.size()) {
        std::size_t special = i;
        while (special < in.size() && !is_special(static_cast<unsigned char>(in[special]))) ++special;
        if (special == in.size()) {
            out.append(in.substr(i));
            break;
        }
        out.append(in.substr(i, special - i));
        i = special;
        if (in[i] == '&') {
            i = mend_ampersand(in, i, declared_entities, out);
        } else if (in[i] != '<') {
            ++i;  // a forbidden control character
        } else if (const auto end = verbatim_end(in, i); end != std::string_view::npos) {
            append_without_controls(in.substr(i, end - i), out);
            i = end;
        } else if (const auto after = wrapper.wrap(i, out); after != std::string_view::npos) {
            i = after;
        } else {
            out += '<';
            ++i;
        }
    }
    return out;
}

}  // namespace newsfacet::detail::xml
