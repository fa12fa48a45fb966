// normalize_url: URLs as article ids, so that one story read from a feed, its saved page and a
// re-crawl is one article.
#include <newsfacet/reader.hpp>

#include <algorithm>
#include <array>

#include "text/text.hpp"

namespace newsfacet {
namespace {

// Query parameters that say where a reader came from, not which page it is: analytics
// campaigns (utm_*), click ids of ad and social networks, mail campaigns.
constexpr std::array<std::string_view, 14> tracking_parameters = {
    "_ga", "_gl", "dclid", "fbclid", "gbraid", "gclid", "igshid", "mc_cid", "mc_eid", "msclkid", "ocid",
    "wbraid", "yclid", "twclid"};

bool is_tracking(std::string_view parameter) {
    const auto name = text::ascii_lower(parameter.substr(0, parameter.find('=')));
    if (name.rfind("utm_", 0) == 0) return true;
    return std::find(tracking_parameters.begin(), tracking_parameters.end(), name) != tracking_parameters.end();
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The length of the scheme before "://", or 0 if `url` does not start with one.
std::size_t scheme_length(std::string_view url) {
    const auto colon = url.find("://");
    if (colon == 0 || colon == std::string_view::npos) return 0;
    const bool valid = std::all_of(url.begin(), url.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
        return is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.';
    });
    return valid && is_alpha(url[0]) ? colon : 0;
}

// "User@Host.Example:443" -> "User@host.example" for https.
std::string normalize_authority(std::string_view authority, std::string_view scheme) {
    const auto at = authority.rfind('@');
    std::string out(at == std::string_view::npos ? std::string_view() : authority.substr(0, at + 1));
    std::string host = text::ascii_lower(at == std::string_view::npos ? authority : authority.substr(at + 1));
    const auto colon = host.rfind(':');
    // An IPv6 literal ("[::1]") holds colons of its own.
    if (colon != std::string::npos && host.find(']', colon) == std::string::npos) {
        const auto port = std::string_view(host).substr(colon + 1);
        if (port.empty() || (scheme == "http" && port == "80") || (scheme == "https" && port == "443")) {
            host.erase(colon);
        }
    }
    if (!host.empty() && host.back() == '.') host.pop_back();
    return out.append(host);
}

// "a=1&utm_source=x&b=2" -> "a=1&b=2".
std::string without_tracking(std::string_view query) {
    std::string kept;
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto parameter = query.substr(0, amp);
        if (!parameter.empty() && !is_tracking(parameter)) {
            if (!kept.empty()) kept += '&';
            kept += parameter;
        }
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    }
    return kept;
}

}  // namespace

std::string normalize_url(std::string_view url) {
    url = text::trim_space(url);
    const auto scheme_end = scheme_length(url);
    if (scheme_end == 0) return std::string(url);
    const std::string scheme = text::ascii_lower(url.substr(0, scheme_end));
    auto rest = url.substr(scheme_end + 3);
    rest = rest.substr(0, rest.find('#'));
    const auto authority_end = std::min(rest.find_first_of("/?"), rest.size());
    const std::string authority = normalize_authority(rest.substr(0, authority_end), scheme);
    if (authority.empty()) return std::string(url);
    rest.remove_prefix(authority_end);
    const auto question = rest.find('?');
    std::string path(rest.substr(0, question));
    if (path.empty()) path.push_back('/');
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on chained operator+.
    std::string out;
    out.reserve(url.size());
    out.append(scheme).append("://").append(authority).append(path);
    if (question != std::string_view::npos) {
        const auto query = without_tracking(rest.substr(question + 1));
        if (!query.empty()) out.append("?").append(query);
    }
    return out;
}

}  // namespace newsfacet
