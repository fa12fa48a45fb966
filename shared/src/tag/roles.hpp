#pragma once
// The vocabulary of offices ("Foreign Minister", "ambassador") and of capitalised words that
// are never part of a person's name ("Ministry", "Monday"), used to find officials.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/text.hpp"

namespace newsfacet::detail {

/// An office found in a token sequence: tokens [first, last) and its display form.
struct RoleMatch {
    std::size_t first = 0;
    std::size_t last = 0;
    std::string role;  ///< Title case: "Foreign Minister", "Ambassador".
};

/// Finds the longest office title starting at token `i` (modifiers + head noun, e.g.
/// "deputy foreign minister", "central bank governor", "secretary-general").
[[nodiscard]] bool match_role(std::string_view text, const std::vector<text::Token>& tokens,
                              const std::vector<std::string>& folded, std::size_t i,
                              RoleMatch& out);

/// True for a folded word that is an office head or modifier ("minister", "foreign").
[[nodiscard]] bool is_role_word(std::string_view folded) noexcept;

/// True for a folded capitalised word that is never part of a person's name: function words,
/// weekdays, months, organisation nouns ("ministry", "department", "council"), competitions
/// ("league", "cup": "Premier League" is no premier).
[[nodiscard]] bool is_non_name_word(std::string_view folded) noexcept;

/// True for a folded word of a closed class that is no name even in text in capitals: verbs
/// that follow a subject ("said", "told", "was", "will"), pronouns, adverbs, units of wire
/// copy ("mln", "pct"). With is_non_name_word, what bounds a name where capitals say nothing.
[[nodiscard]] bool is_closed_class_word(std::string_view folded) noexcept;

/// True for a folded word that, after a name, ends the subject of a sentence: a reporting or
/// auxiliary verb ("said", "told", "was", "would"), or "who".
[[nodiscard]] bool is_subject_end_word(std::string_view folded) noexcept;

/// True for lower-case particles inside names ("bin", "al", "van", "de").
[[nodiscard]] bool is_name_particle(std::string_view word) noexcept;

/// True for a folded military rank or honorific that may stand between an office and a
/// name ("Lieutenant", "Colonel", "Dr"); it belongs to neither.
[[nodiscard]] bool is_rank_word(std::string_view folded) noexcept;

/// True for a folded word naming a non-government body ("union", "club"): an office held
/// there ("union president") is not a public office.
[[nodiscard]] bool is_private_body_word(std::string_view folded) noexcept;

/// True for a folded noun that ends the name of a body or a building ("Bank", "Committee",
/// "Station"): a name right before it is the body's ("Deutsche Bank"), no person's.
[[nodiscard]] bool is_body_noun(std::string_view folded) noexcept;

/// True for a folded word that, after a place name, makes it part of another name
/// ("Dnipro River", "Kyiv Street").
[[nodiscard]] bool is_feature_word(std::string_view folded) noexcept;

/// True for a folded word that puts the next place name in a locative sense ("in", "near").
[[nodiscard]] bool is_locative_word(std::string_view folded) noexcept;

/// True for a folded noun that, after a place name, says the place is where people live or
/// are policed and governed ("Berea police", "a Cottonport man", "the Pineville area",
/// "Groton Town Council"): local news's way of naming its scene.
[[nodiscard]] bool is_local_noun(std::string_view folded) noexcept;

/// True for a folded word naming armed forces or their weapons ("troops", "missiles",
/// "warships"): a country or demonym right before it names a party to the fighting.
[[nodiscard]] bool is_military_word(std::string_view folded) noexcept;

/// True for a folded word naming a currency ("dollar", "francs", "yen", "currency"): a country
/// or demonym right before it names the money ("the Canadian dollar"), not the country.
[[nodiscard]] bool is_currency_word(std::string_view folded) noexcept;

/// True for a folded word naming an agreement or a group of its parties ("accord", "pact",
/// "treaty", "club", "round"): a place right before it names that ("the Paris accord", "the
/// Paris Club"), not a place of the story.
[[nodiscard]] bool is_agreement_word(std::string_view folded) noexcept;

}  // namespace newsfacet::detail
