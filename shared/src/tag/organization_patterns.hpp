#pragma once
// Organisations found by their form rather than by name: "the Foreign Ministry", "Ministry of
// Defence", "the Labour Party", "Lear Corp.", "the Russian army", "the Turkish central bank",
// "Kosovo Liberation Army".

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/text.hpp"

namespace newsfacet::detail {

/// An organisation pattern's match: the mention's tokens [first, last) and what they name.
struct PatternMatch {
    std::size_t first = 0;
    std::size_t last = 0;
    /// Display name: "Foreign Ministry", "Labour Party", "Lear Corp", "Army".
    std::string name;
    std::string kind;  ///< As KnownOrganization::kind.
    /// A country's generic body ("foreign ministry", "army", "central bank"): the name says which
    /// body only with the country, named before it ("Russian", "Russia's") or after ("of Russia").
    std::string generic;
    /// The generic body needs the country to count at all ("the army": whose?). False for a
    /// capitalised ministry, a body of its own even when the text does not say whose.
    bool needs_country = false;
    /// Named by a common noun ("the Dutch central bank", "the Israeli army"), not a name: it
    /// says which body the article is about, but is no name mention.
    bool nominal = false;
};

/// The head words of the patterns ("ministry", "party", "corp", "army", "bank", ...): a word
/// that is none of them starts no match_organization_pattern().
[[nodiscard]] std::vector<std::string_view> pattern_heads();

/// Finds an organisation pattern whose head word is token `i` ("Ministry", "Party", "Corp",
/// "army", "bank", ...), reading the words around it; returns false when there is none.
/// `upper` flags tokens starting with a capital. Cost: a few comparisons for most tokens.
[[nodiscard]] bool match_organization_pattern(std::string_view text, const std::vector<text::Token>& tokens,
                                              const std::vector<std::string>& folded,
                                              const std::vector<std::uint8_t>& upper, std::size_t i,
                                              PatternMatch& out);

/// True for a folded noun that ends the name of a body ("department", "council", "party"): a
/// listed name right before one is part of another name ("Labour Department").
[[nodiscard]] bool is_organization_noun(std::string_view folded) noexcept;

/// The generic body's display name with its country: "Foreign Ministry (Russia)".
[[nodiscard]] std::string qualified_name(std::string_view name, std::string_view country);

}  // namespace newsfacet::detail
