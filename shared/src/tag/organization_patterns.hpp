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

/// True for a folded word that may be a pattern's head ("ministry", "party", "corp", "army",
/// "bank", ...): worth a match_organization_pattern(). Inline, as it is asked of every word: a
/// switch on the first letter keeps it cheap for the many words that are none.
[[nodiscard]] inline bool is_pattern_head(std::string_view w) noexcept {
    using namespace std::string_view_literals;
    if (w.size() < 2) return false;
    switch (w.front()) {
        case 'a': return w == "army"sv || w == "ag"sv;
        case 'b': return w == "bank"sv || w == "bhd"sv;
        case 'c': return w == "co"sv || w == "corp"sv || w == "corporation"sv;
        case 'f': return w == "front"sv || w == "force"sv || w == "forces"sv;
        case 'g': return w == "gmbh"sv;
        case 'i': return w == "inc"sv || w == "incorporated"sv;
        case 'l': return w == "llc"sv || w == "ltd"sv;
        case 'm': return w == "ministry"sv || w == "movement"sv || w == "military"sv;
        case 'n': return w == "navy"sv || w == "nv"sv;
        case 'o': return w == "office"sv;
        case 'p': return w == "party"sv || w == "plc"sv;
        case 's': return w == "sa"sv || w == "spa"sv;
        default: return false;
    }
}

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
