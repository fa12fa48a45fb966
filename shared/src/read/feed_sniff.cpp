#include "read/feed_sniff.hpp"

#include <array>
#include <optional>

namespace newsfacet::detail {
namespace {

constexpr std::array<std::string_view, 2> atom_namespaces = {"http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"};
constexpr std::array<std::string_view, 2> rss_rdf_namespaces = {"http://purl.org/rss/1.0/",
                                                                 "http://my.netscape.com/rdf/simple/0.9/"};

std::string_view skip_space(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    return first == std::string_view::npos ? std::string_view() : s.substr(first);
}

// `s` after what ends with `close` (searched from `from`), or nothing when it does not end.
std::optional<std::string_view> after(std::string_view s, std::size_t from, std::string_view close) {
    const auto end = s.find(close, from);
    if (end == std::string_view::npos) return std::nullopt;
    return s.substr(end + close.size());
}

// `s` after a DOCTYPE at its start, internal subset included.
std::optional<std::string_view> after_doctype(std::string_view s) {
    const auto bracket = s.find_first_of("[>");
    if (bracket == std::string_view::npos) return std::nullopt;
    if (s[bracket] == '>') return s.substr(bracket + 1);
    const auto subset_end = s.find(']', bracket);
    if (subset_end == std::string_view::npos) return std::nullopt;
    return after(s, subset_end, ">");
}

// `s` at its root element's "<", past what may come before it; nothing when the prefix ends
// first; "" when something else starts there (not XML).
std::optional<std::string_view> root_start(std::string_view s) {
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    while (true) {
        s = skip_space(s);
        if (s.empty()) return std::nullopt;
        if (s[0] != '<') return std::string_view();
        std::optional<std::string_view> rest;
        if (s.rfind("<?", 0) == 0) rest = after(s, 2, "?>");
        else if (s.rfind("<!--", 0) == 0) rest = after(s, 4, "-->");
        else if (s.rfind("<!DOCTYPE", 0) == 0) rest = after_doctype(s);
        else return s;
        if (!rest) return std::nullopt;
        s = *rest;
    }
}

template <std::size_t N>
bool declares_any(std::string_view tag, const std::array<std::string_view, N>& namespaces) {
    for (auto ns : namespaces) {
        if (tag.find(ns) != std::string_view::npos) return true;
    }
    return false;
}

}  // namespace

FeedSniff sniff_feed(std::string_view prefix) {
    const auto start = root_start(prefix);
    if (!start) return FeedSniff::unknown;
    if (start->empty()) return FeedSniff::other;
    const auto name_end = start->find_first_of(" \t\r\n/>", 1);
    if (name_end == std::string_view::npos) return FeedSniff::unknown;
    const auto name = start->substr(1, name_end - 1);
    const auto tag_end = start->find('>', name_end);
    const auto tag = start->substr(0, tag_end);
    // Without the whole start tag a namespace may still come.
    const auto undecided = tag_end == std::string_view::npos ? FeedSniff::unknown : FeedSniff::other;
    if (name == "rss") return FeedSniff::feed;
    const auto local = name.substr(name.find(':') == std::string_view::npos ? 0 : name.find(':') + 1);
    if (local == "feed") return declares_any(tag, atom_namespaces) ? FeedSniff::feed : undecided;
    if (local == "RDF") return declares_any(tag, rss_rdf_namespaces) ? FeedSniff::feed : undecided;
    return FeedSniff::other;
}

}  // namespace newsfacet::detail
