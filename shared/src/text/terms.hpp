#pragma once
// The free-text terms of an index, as Xapian's TermGenerator writes them (store/document.cpp)
// and its QueryParser reads them (search/query.cpp): a word as it is, lower-cased; "Z" + the
// stem of a word that starts with a letter; and for the headline's words also "S" + word and
// "ZS" + stem. Every other term starts with a capital prefix (store/schema.hpp). Here, below
// the storage layout, because the analysis (thesaurus.cpp) builds these terms too.

#include <optional>
#include <string>
#include <string_view>

namespace newsfacet::detail {

inline constexpr std::string_view prefix_stem = "Z";   // Z<stem>, ZS<stem of a title word>
inline constexpr std::string_view prefix_title = "S";  // S<title word>

/// True for a term without a prefix: a word or a number of the text (prefixes are capitals).
[[nodiscard]] constexpr bool is_unprefixed(std::string_view term) noexcept {
    return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

/// True for an unprefixed term that starts with a letter (a non-ASCII byte counts as one): a
/// word, which is stemmed, unlike a number ("13").
[[nodiscard]] constexpr bool is_word_term(std::string_view term) noexcept {
    return !term.empty() && ((term[0] >= 'a' && term[0] <= 'z') || static_cast<unsigned char>(term[0]) >= 0x80);
}

/// True for "Z" + the stem of a body or title word; false for a title stem ("ZS" + stem).
[[nodiscard]] constexpr bool is_stem_term(std::string_view term) noexcept {
    return term.starts_with(prefix_stem) && is_unprefixed(term.substr(prefix_stem.size()));
}

/// The stem term of `stem`: "Z" + stem.
[[nodiscard]] inline std::string stem_term(std::string_view stem) {
    return std::string(prefix_stem).append(stem);
}

/// The stem of a stem term (is_stem_term(term) must hold): "Zembassi" gives "embassi".
[[nodiscard]] constexpr std::string_view stem_of(std::string_view stem_term) noexcept {
    return stem_term.substr(prefix_stem.size());
}

/// The headline form of a word or stem term: "S" + word, "ZS" + stem.
[[nodiscard]] inline std::string title_term(std::string_view term) {
    if (is_stem_term(term)) return std::string(prefix_stem).append(prefix_title).append(stem_of(term));
    return std::string(prefix_title).append(term);
}

/// What a free-text term stands for: a word (or number), or a stem when `stemmed`.
struct TextTerm {
    std::string_view text;
    bool stemmed = false;
};

/// Reads any free-text term, headline forms included: "Zembassi" and "ZSembassi" give the
/// stem "embassi", "embassy" and "Sembassy" the word "embassy". nullopt for other terms (ids,
/// filters). The result views `term`.
[[nodiscard]] constexpr std::optional<TextTerm> read_text_term(std::string_view term) noexcept {
    TextTerm out;
    if (term.starts_with(prefix_stem)) {
        out.stemmed = true;
        term.remove_prefix(prefix_stem.size());
    }
    if (term.starts_with(prefix_title) && is_unprefixed(term.substr(prefix_title.size()))) {
        term.remove_prefix(prefix_title.size());
    }
    if (!is_unprefixed(term)) return std::nullopt;
    out.text = term;
    return out;
}

}  // namespace newsfacet::detail
