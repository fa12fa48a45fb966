#include "text/language.hpp"

#include <algorithm>
#include <cctype>

#include "text/text.hpp"

namespace newsfacet::text {
namespace {

bool is_alpha(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalpha(c) != 0; });
}
bool is_alnum(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalnum(c) != 0; });
}

// One subtag in BCP 47's conventional case, by its position and shape.
std::string conventional_case(std::string_view subtag, bool first) {
    std::string out = ascii_lower(subtag);
    if (first) return out;
    if (out.size() == 2 && is_alpha(out)) {
        for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (out.size() == 4 && is_alpha(out)) {
        out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    }
    return out;
}

}  // namespace

std::string language_tag(std::string_view declared) {
    declared = trim_space(declared);
    // HTTP's Content-Language and some pages list several: the first is the page's own.
    std::string dashed(trim_space(declared.substr(0, declared.find_first_of(",; "))));
    std::replace(dashed.begin(), dashed.end(), '_', '-');  // POSIX locales: en_US
    std::string tag;
    bool first = true;
    for (auto subtag : split(dashed, '-')) {
        if (subtag.empty() || subtag.size() > 8 || !is_alnum(subtag)) return {};
        if (first && (subtag.size() < 2 || subtag.size() > 3 || !is_alpha(subtag))) return {};
        if (!first) tag += '-';
        tag += conventional_case(subtag, first);
        first = false;
    }
    return tag;
}

}  // namespace newsfacet::text
