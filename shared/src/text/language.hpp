#pragma once
// Language tags as sources write them, normalised to BCP 47's conventional case.

#include <string>
#include <string_view>

namespace newsfacet::text {

/// `declared` as a BCP 47 tag in its conventional case: the language lower-case, a
/// two-letter region upper-case, a four-letter script title-case ("EN_us" -> "en-US",
/// "zh-hant-tw" -> "zh-Hant-TW"). Only the first of a list is kept ("en-US, en" -> "en-US").
/// "" for what is not a tag: a language that is not 2-3 letters (a name such as "English"),
/// subtags that are not 1-8 letters or digits. Never throws.
[[nodiscard]] std::string language_tag(std::string_view declared);

}  // namespace newsfacet::text
