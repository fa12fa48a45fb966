#include "tag/sports_context.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "tag/lists.hpp"
#include "tag/roles.hpp"

namespace newsfacet::detail {
namespace {

// Words that rarely appear outside sports reports (not "goal", "match", "season", "final",
// "fixtures": a business article has them too, shipping reports list fixtures).
constexpr std::array<std::string_view, 65> sports_words = {
    "afc", "athletics", "baseball", "basketball", "batsman", "bowler",
    "bundesliga", "championship", "championships", "coach", "cricket", "cup",
    "defender", "doubleheader", "fa", "fc", "fifa", "flanker",
    "football", "footballer", "goalkeeper", "goals", "golf", "hockey",
    "homer", "hotspur", "hurdles", "inning", "innings", "keeper",
    "league", "marathon", "medal", "midfielder", "nba", "nfl",
    "olympic", "olympics", "pitcher", "playoff", "playoffs", "premiership",
    "quarterback", "quarterfinal", "referee", "relay", "rovers", "rugby",
    "scored", "scrum", "seeded", "semifinal", "slam", "soccer",
    "sprinter", "squad", "stadium", "striker", "tennis", "touchdown",
    "tries", "uefa", "wanderers", "wickets", "winger"
};

// Words beside a score that make it a result ("a 2-1 win", "won 2-1"), not a range or a fraction.
constexpr std::array<std::string_view, 15> result_words = {
    "aggregate", "away", "beat", "defeat",  "draw",    "drew", "home", "lead",
    "led",       "loss", "lost", "trailed", "victory", "win",  "won"};

// A word after a place that makes it a team: a club name's second word, a team's people and
// positions, a result.
constexpr std::array<std::string_view, 52> after_team = {
    "afc", "albion", "assistant", "athletic", "beat", "beats", "boss", "captain", "centre",
    "chairman", "city", "coach", "county", "defender", "drew", "edged", "fans", "fc", "flanker",
    "fly", "forward", "full", "goalkeeper", "hammered", "hooker", "hotspur", "keeper", "lock",
    "lost", "manager", "midfielder", "players", "president", "prop", "rangers", "rovers", "scrum",
    "side", "skipper", "squad", "star", "striker", "supporters", "team", "thrashed", "town",
    "united", "v", "wanderers", "wing", "winger", "youngster"};

// A plural verb after a place's name as a subject: a city "is", "Newcastle are" is the team.
constexpr std::array<std::string_view, 7> plural_verbs = {"are",  "face", "have", "host",
                                                          "play", "say",  "were"};

// Words before a place that make it no subject ("flights from Newcastle were").
constexpr std::array<std::string_view, 11> prepositions = {"at", "by", "for", "from", "in",  "near",
                                                           "of", "on", "to",  "via",  "with"};

// A word before a place that makes it a team: a result, a transfer, a club prefix, a table.
constexpr std::array<std::string_view, 20> before_team = {
    "ac",      "afc",     "against", "beat",   "beating",  "champions", "facing",
    "fc",      "holders", "hosts",   "join",   "joined",   "joining",   "joins",
    "leaders", "rivals",  "v",       "versus", "visitors", "vs"};

static_assert(is_sorted_list(sports_words) && is_sorted_list(after_team) && is_sorted_list(before_team) &&
                  is_sorted_list(result_words) && is_sorted_list(plural_verbs) && is_sorted_list(prepositions),
              "binary_search needs sorted lists");

bool is_number(std::string_view w) {
    return !w.empty() && w.size() <= 3 && std::all_of(w.begin(), w.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
    });
}

// The field's words, with the gaps between them.
struct View {
    const FieldWords& f;
    [[nodiscard]] std::string_view word(std::size_t i) const {
        return f.text.substr(f.tokens[i].start, f.tokens[i].end - f.tokens[i].start);
    }
    [[nodiscard]] std::string_view gap_before(std::size_t i) const {
        std::size_t from = i == 0 ? 0 : f.tokens[i - 1].end;
        return f.text.substr(from, f.tokens[i].start - from);
    }
    [[nodiscard]] std::string_view gap_after(std::size_t i) const {
        std::size_t to = i + 1 < f.tokens.size() ? f.tokens[i + 1].start : f.text.size();
        return f.text.substr(f.tokens[i].end, to - f.tokens[i].end);
    }
    [[nodiscard]] std::size_t size() const { return f.tokens.size(); }
};

// A number that is a score or a count on its own, not a part of a bigger number ("3,500",
// "5,710.53").
bool lone_number(const View& v, std::size_t k) {
    if (!is_number(v.word(k))) return false;
    auto joined = [](std::string_view gap) { return gap == "," || gap == "."; };
    return !(k > 0 && joined(v.gap_before(k))) && !(k + 1 < v.size() && joined(v.gap_after(k)));
}

bool is_possessive(std::string_view gap) {
    return gap == "'s " || gap == "\xE2\x80\x99s " || gap == " 's " || gap == "' " ||
           gap == "\xE2\x80\x99 ";
}

// "Newcastle 2-1 Bolton", "a 2 - 1 win": two small numbers and a dash, beside a team's name
// or before a result word. Not a date ("1996-08-25"), a fraction ("7-1/2") or a range.
bool score_at(const View& v, std::size_t i) {
    const std::size_t j = i + 1;
    if (j >= v.size() || v.word(i).size() > 2 || v.word(j).size() > 2) return false;
    if (!is_number(v.word(i)) || !is_number(v.word(j))) return false;
    if (v.gap_after(i) != "-" && v.gap_after(i) != " - ") return false;
    if (v.gap_before(i) == "-" || v.gap_after(j) != " ") return false;
    const bool team_before = i > 0 && v.gap_before(i) == " " && text::starts_upper(v.word(i - 1));
    const bool result_before = i > 0 && contains(result_words, v.f.folded[i - 1]);
    const bool after = j + 1 < v.size();
    return team_before || result_before ||
           (after &&
            (text::starts_upper(v.word(j + 1)) || contains(result_words, v.f.folded[j + 1])));
}

// "Newcastle: Given, Carr, Boumsong": a colon, then names separated by commas.
bool team_list_after(const View& v, std::size_t last) {
    if (last >= v.size()) return false;
    auto gap = v.gap_before(last);
    if (gap != ": " && gap != " : ") return false;
    for (std::size_t k = last; k < v.size() && k < last + 3; ++k) {
        if (!text::starts_upper(v.word(k))) return false;
        auto after = v.gap_after(k);
        if (after == ", " || after == " , ") return true;
    }
    return false;
}

// "Bellamy (Newcastle)", "Bellamy ( Newcastle )": a player's club in brackets.
bool club_in_brackets(const View& v, std::size_t first, std::size_t last) {
    if (first == 0 || !text::starts_upper(v.word(first - 1))) return false;
    auto open = v.gap_before(first);
    auto close = v.gap_after(last - 1);
    return (open == " (" || open == " ( ") && !close.empty() &&
           (close[0] == ')' || close.substr(0, 2) == " )");
}

// "Chelsea's Damien Duff": a place's player, named in full. Not a place's own landmark or
// body ("Moscow's Domodedovo Airport", "Dublin's City Council").
bool player_after(const View& v, std::size_t last) {
    if (last + 1 >= v.size() || !is_possessive(v.gap_before(last))) return false;
    if (!text::starts_upper(v.word(last)) || text::all_upper(v.word(last)) ||
        v.gap_after(last) != " ")
        return false;
    std::size_t k = last;
    while (k < v.size() && k < last + 4 && (k == last || v.gap_before(k) == " ") &&
           text::starts_upper(v.word(k))) {
        const auto& f = v.f.folded[k];
        if (is_non_name_word(f) || is_body_noun(f) || is_feature_word(f) || is_role_word(f))
            return false;
        ++k;
    }
    return k >= last + 2;
}

// "Leicester City", not "Dublin City Council" nor "a Cedar County town": a town's word that a
// club name ends with, capitalised as a name's word.
bool ends_club_name(const View& v, std::size_t k) {
    const auto& f = v.f.folded[k];
    if (f != "city" && f != "town" && f != "county") return true;
    if (!text::starts_upper(v.word(k))) return false;
    return k + 1 >= v.size() || v.gap_after(k) != " " || !text::starts_upper(v.word(k + 1));
}

}  // namespace

int count_sports_cues(const FieldWords& field, int enough) {
    const View v{field};
    int cues = 0;
    for (std::size_t i = 0; i < v.size() && cues < enough; ++i) {
        const auto& w = field.folded[i];
        // Cheap first: most words are longer than any sports word or start elsewhere.
        if (w.size() > 13) continue;
        if (contains(sports_words, w) || score_at(v, i)) ++cues;
    }
    return cues;
}

bool names_team(const FieldWords& field, std::size_t first, std::size_t last) {
    const View v{field};
    if (first >= last || last > v.size()) return false;
    if (last < v.size()) {
        auto gap = v.gap_before(last);
        const auto& next = field.folded[last];
        if ((gap == " " || is_possessive(gap)) && contains(after_team, next) &&
            ends_club_name(v, last))
            return true;
        const bool subject = first == 0 || !contains(prepositions, field.folded[first - 1]);
        if (gap == " " && subject && contains(plural_verbs, next)) return true;
        if (gap == " " && lone_number(v, last)) return true;  // "Leeds 2 Wimbledon 0"
    }
    if (first > 0 && v.gap_before(first) == " ") {
        if (contains(before_team, field.folded[first - 1])) return true;
        if (lone_number(v, first - 1)) return true;  // "2-1 Bolton"
    }
    return team_list_after(v, last) || club_in_brackets(v, first, last) || player_after(v, last);
}

}  // namespace newsfacet::detail
