#pragma once
// Sport in an article. A club or team named after a place ("Newcastle beat Bolton 2-1",
// "Barcelona coach Frank Rijkaard", "Bellamy (Newcastle)") is neither a location nor a
// country; the words around the name say which it is, once the article reads as sport.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/text.hpp"

namespace newsfacet::detail {

/// One field's words, as the tagger holds them: the text, its tokens, their folded forms.
struct FieldWords {
    std::string_view text;
    const std::vector<text::Token>& tokens;
    const std::vector<std::string>& folded;
};

/// Cues that an article is a sports report: sports words ("striker", "league", "FC"), score
/// lines ("2-1"). Counts occurrences, stopping at `enough`. Cost: one pass over the tokens.
[[nodiscard]] int count_sports_cues(const FieldWords& field, int enough);

/// The number of cues from which an article (title and body together) reads as sport.
inline constexpr int sports_article_cues = 3;

/// True if the place name at tokens [first, last) of a sports article names a team: a club
/// word after it ("Newcastle United", "Leicester City"), "FC" before it, a score beside it
/// ("Leeds 2 Wimbledon 0"), a team list after it ("Newcastle: Given, Carr, ..."), a club in
/// brackets after a player ("Bellamy (Newcastle)"), a player or a team's words beside it
/// ("Newcastle boss", "Chelsea's Damien Duff", "beat Barcelona", "Newcastle are"). Not a
/// venue: "in Newcastle" is a place. Only meaningful in a sports article.
[[nodiscard]] bool names_team(const FieldWords& field, std::size_t first, std::size_t last);

}  // namespace newsfacet::detail
