#include "tag/article_tagger.hpp"

#include <algorithm>
#include <cctype>

// Finding places: gazetteer matches, which candidate a name means, and when a name is not a
// place at all.

namespace newsfacet::detail {

std::vector<detail::PhraseMatch> ArticleTagger::scan(const Analysed& field, bool dateline) const {
    std::vector<detail::PhraseMatch> out;
    detail::PhraseMatch m;
    for (std::size_t i = 0; i < field.tokens.size(); ++i) {
        if (!field.upper[i] || !m_gaz.match_at(field.text, field.tokens, field.folded, i, dateline, m)) continue;
        out.push_back(m);
        i = m.last - 1;
    }
    return out;
}

std::set<std::string> ArticleTagger::countries_named(const std::vector<detail::PhraseMatch>& matches) const {
    std::set<std::string> out;
    for (const auto& m : matches) {
        const auto& p = m_gaz.place(m.candidates.front().place);
        // Only unambiguous evidence: a country, or a region/city whose name is not shared.
        if (!p.ambiguous && (detail::is_country(p) || m.candidates.size() == 1)) {
            out.insert(detail::is_country(p) ? p.value : p.country);
        }
    }
    return out;
}

std::vector<PlaceHit> ArticleTagger::find_places(const Analysed& field,
                                                 const std::vector<detail::PhraseMatch>& matches,
                                                 const std::set<std::string>& countries, bool dateline) const {
    std::vector<PlaceHit> hits;
    for (const auto& m : matches) {
        const std::size_t i = m.first;
        const detail::Candidate* chosen = nullptr;
        for (const auto& c : m.candidates) {
            if (detail::is_country(m_gaz.place(c.place))) {
                chosen = &c;
                break;
            }
        }
        // An ambiguous country name ("Georgia") is the place of that name in a country the
        // article names ("Atlanta, Georgia") when there is one.
        if (chosen && m_gaz.place(chosen->place).ambiguous) {
            for (const auto& c : m.candidates) {
                const auto& p = m_gaz.place(c.place);
                if (!detail::is_country(p) && countries.count(p.country) && !countries.count(m_gaz.place(chosen->place).value)) {
                    chosen = &c;
                    break;
                }
            }
        }
        if (!chosen) {
            // Places within countries: prefer one in a country the article names, else the
            // first (cities before regions, the biggest first).
            for (const auto& c : m.candidates) {
                if (countries.count(m_gaz.place(c.place).country)) {
                    chosen = &c;
                    break;
                }
            }
            if (!chosen) chosen = &m.candidates.front();
        }
        const auto& place = m_gaz.place(chosen->place);
        // "Dnipro River", "Kyiv Street": part of another name.
        if (m.last < field.tokens.size() && detail::is_feature_word(field.folded[m.last]) &&
            text::starts_upper(field.word(m.last)) && field.gap_before(m.last) == " ") {
            continue;
        }
        if (part_of_other_name(field, m.first, m.last, place)) {
            continue;
        }
        bool locative = i > 0 && detail::is_locative_word(field.folded[i - 1]);
        // ...also down a list: "in cities such as Kharkiv", "in Kharkiv and Lviv".
        if (!locative && i > 0) {
            const auto& prev = field.folded[i - 1];
            if (prev == "as" || prev == "including" || prev == "and" || prev == "or" || prev == "like") {
                for (std::size_t k = i - 1; k > 0 && k + 6 > i; --k) {
                    if (field.gap_before(k).find_first_of(".!?;\n") != std::string_view::npos) break;
                    if (detail::is_locative_word(field.folded[k - 1])) {
                        locative = true;
                        break;
                    }
                }
            }
        }
        // A name that is also a common word counts only where context says place: after a
        // locative word, in a dateline, or as a city of a country the article names.
        auto before = field.gap_before(i);
        bool sentence_start = i == 0 || before.find_first_of(".!?\n") != std::string_view::npos;
        if (place.ambiguous && !locative && !dateline &&
            (sentence_start || !(!detail::is_country(place) && countries.count(place.country)))) {
            continue;
        }
        bool passing = i > 0 && (field.folded[i - 1] == "from" || field.folded[i - 1] == "to" ||
                                 field.folded[i - 1] == "toward" || field.folded[i - 1] == "towards");
        hits.push_back({m.first, m.last, chosen->place, chosen->demonym, locative, passing});
    }
    return hits;
}

// A place name inside another name: a team or company ("New York Yankees", "Partizan
// Beograd"), a person ("Paul Jackson"), or a score line ("Milwaukee 6 Boston 3").
bool ArticleTagger::part_of_other_name(const Analysed& field, std::size_t first, std::size_t last,
                                       const Place& place) const {
    if (detail::is_country(place)) return false;
    const auto n = field.tokens.size();
    auto name_like = [&](std::size_t k) {
        auto w = field.word(k);
        return text::starts_upper(w) && !text::all_upper(w) && !detail::is_non_name_word(field.folded[k]) &&
               !detail::is_role_word(field.folded[k]) && !detail::is_rank_word(field.folded[k]) &&
               !detail::is_feature_word(field.folded[k]);
    };
    if (last < n && field.gap_before(last) == " ") {
        auto next = field.word(last);
        // "Milwaukee 6 Seattle 3" is a score line; "LONDON 1996-08-30" a dateline.
        if (!next.empty() && std::isdigit(static_cast<unsigned char>(next.front()))) {
            auto after = field.text.substr(field.tokens[last].start, 10);
            bool iso_date = after.size() == 10 && after[4] == '-' && after[7] == '-';
            if (!iso_date) return true;
        }
        if (name_like(last) && !text::all_upper(field.word(last - 1))) {
            // ...unless the next word starts another place ("Kharkiv Oblast" is a region).
            detail::PhraseMatch m;
            if (!m_gaz.match_at(field.text, field.tokens, field.folded, last, false, m)) return true;
        }
    }
    if (first > 0 && field.gap_before(first) == " " && name_like(first - 1)) {
        auto gap = field.gap_before(first - 1);
        bool sentence_start = first - 1 == 0 || gap.find_first_of(".!?\n") != std::string_view::npos;
        detail::PhraseMatch m;
        if (!sentence_start && !m_gaz.match_at(field.text, field.tokens, field.folded, first - 1, false, m)) return true;
    }
    return false;
}

std::string ArticleTagger::country_of(const PlaceHit& hit) const {
    const auto& p = m_gaz.place(hit.place);
    return detail::is_country(p) ? p.value : p.country;
}

const PlaceHit* ArticleTagger::place_ending_at(std::size_t token) const {
    for (const auto& h : m_places) {
        if (h.last == token) return &h;
    }
    return nullptr;
}

const PlaceHit* ArticleTagger::place_starting_at(std::size_t token) const {
    for (const auto& h : m_places) {
        if (h.first == token) return &h;
    }
    return nullptr;
}

}  // namespace newsfacet::detail
