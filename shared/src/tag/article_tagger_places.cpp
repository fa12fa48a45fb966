#include "tag/article_tagger.hpp"

#include <algorithm>
#include <cctype>

// Finding places: gazetteer matches, which candidate a name means, and when a name is not a
// place at all.

namespace newsfacet::detail {

namespace {

// A word in capitals opening a sentence (or following a date: "March 29, 2009 PATASKALA --")
// and followed by a comma or a dash: a dateline ("CHARLESTON, W.Va. -", "DANIELSVILLE -
// Madison County"). The dash says dateline even of a name that is also a word or a person
// ("COLUMBUS -- A text message"); a comma after a word in capitals may be any sentence's in
// text written in capitals ("STILL, PRICES ROSE").
enum class DatelineForm { none, comma, dash };

DatelineForm dateline_form(const Analysed& field, std::size_t first, std::size_t last) {
    for (std::size_t k = first; k < last; ++k) {
        if (!text::all_upper(field.word(k)) || field.word(k).size() < 2) return DatelineForm::none;
    }
    auto before = field.gap_before(first);
    const bool after_date = first > 0 && before == " " &&
                            std::all_of(field.word(first - 1).begin(), field.word(first - 1).end(),
                                        [](char c) { return c >= '0' && c <= '9'; });
    if (first > 0 && !after_date && before.find_first_of(".!?\n") == std::string_view::npos) {
        return DatelineForm::none;
    }
    auto after = field.gap_after(last - 1);
    // ", " also as tokenised text writes it (" , ").
    if (after.starts_with(",") || after.starts_with(" ,")) return DatelineForm::comma;
    const bool dash = after.starts_with(" -") || after.starts_with(" \xE2\x80\x94") || after.starts_with(" \xE2\x80\x93");
    return dash ? DatelineForm::dash : DatelineForm::none;
}

// Whether the name ending before token `last` is followed by a local noun ("Berea police").
bool before_local_noun(const Analysed& field, std::size_t last) {
    return last < field.tokens.size() && field.gap_before(last) == " " && detail::is_local_noun(field.folded[last]);
}

// "Laurel County", "Caddo Parish": tokens [first, last).
struct CountySpan {
    std::size_t first;
    std::size_t last;
    bool parish;
};

// Words before a place that say place sense: prepositions of place, and "downtown" ("in
// downtown Pineville").
bool is_place_preposition(std::string_view folded) {
    return folded == "in" || folded == "near" || folded == "outside" || folded == "inside" || folded == "into" ||
           folded == "across" || folded == "throughout" || folded == "downtown";
}

// "Sen. Ray Miller, D-Columbus", "Westrom, R-Elbow Lake": a legislator's party and home town.
bool after_party(const Analysed& field, std::size_t first) {
    if (first == 0 || field.gap_before(first) != "-" || !field.upper[first - 1]) return false;
    const auto& party = field.folded[first - 1];
    return party == "d" || party == "r" || party == "i";
}

// County, Parish, and the township of the United States and Canada ("Readington Township",
// "Tewksbury Twp.").
bool is_county_word(const std::string& f) {
    // Most words are none: test the length before comparing.
    switch (f.size()) {
        case 3: return f == "twp";
        case 6: return f == "county" || f == "parish";
        case 8: return f == "township";
        default: return false;
    }
}

// Whether token `i` is a county word after a name ("Laurel County").
bool names_county(const Analysed& field, std::size_t i) {
    return i > 0 && i < field.tokens.size() && field.upper[i] && field.gap_before(i) == " " &&
           is_county_word(field.folded[i]);
}

// Countries whose subdivisions are called counties or parishes in English, besides the
// United States: an article naming one of them may be about its counties.
bool has_counties(std::string_view country) {
    static constexpr std::string_view countries[] = {
        "Andorra", "Antigua and Barbuda", "Barbados", "Bermuda", "Canada", "China", "Croatia", "Dominica",
        "Estonia", "Grenada", "Guernsey", "Hungary", "Ireland", "Jamaica", "Jersey", "Kenya", "Liberia",
        "Lithuania", "Norway", "Romania", "Saint Kitts and Nevis", "Saint Lucia",
        "Saint Vincent and the Grenadines", "Sweden", "Taiwan", "Trinidad and Tobago", "United Kingdom"};
    return std::find(std::begin(countries), std::end(countries), country) != std::end(countries);
}

// The number after a name that makes it part of another name: a score ("Milwaukee 6 Seattle
// 3", "Leeds 2 ( Smith 34th )": a small number of its own, then another name, a bracket or the
// line's end) or a year ("in August 2002", "Sochi 2014"). Not "Sergiyev Posad 70 km", "NEW
// YORK 5,710.53", "Bremen 1,453 up 13.1", "LONDON 1996-08-30".
bool score_or_year_after(const Analysed& field, std::size_t k) {
    const auto w = field.word(k);
    if (w.empty() || w.size() > 4 ||
        !std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        return false;
    }
    const auto after = field.gap_after(k);
    if (w.size() == 4) return !after.starts_with("-");  // a year, not "1996-08-30" or "1558-1603"
    if (k + 1 == field.tokens.size() || after.find('\n') != std::string_view::npos) return true;
    if (after == " ") return field.upper[k + 1];
    return after == " (" || after == " ( " || after == "-" || after == " - ";
}

// A capital of a quarter of a million people or more ("London", "Paris", "Athens"; not
// Douglas, Isle of Man): the best known place of its name, the size from which the gazetteer
// stops calling a place small (`minor`).
bool world_capital(const Place& p) {
    constexpr std::uint64_t major_city = 250000;
    return p.capital && p.population >= major_city;
}

bool is_said_word(std::string_view folded) {
    return folded == "said" || folded == "says" || folded == "told" || folded == "added";
}

}  // namespace

bool ArticleTagger::dashed_dateline(const Analysed& field, std::size_t first, std::size_t last) const {
    // A dateline opens a story: in the body's lead, before a sentence.
    if (&field == &m_body && m_body.tokens[first].start >= m_lead_end) return false;
    if (last >= field.tokens.size() || !field.upper[last] || field.caps[last]) return false;
    const auto next = field.word(last);
    if (next.size() > 1 && text::all_upper(next)) return false;
    return dateline_form(field, first, last) == DatelineForm::dash;
}

bool starts_iso_date(std::string_view text) {
    auto digits = [&](std::size_t from, std::size_t n) {
        for (std::size_t k = from; k < from + n; ++k) {
            if (!std::isdigit(static_cast<unsigned char>(text[k]))) return false;
        }
        return true;
    };
    return text.size() >= 10 && digits(0, 4) && text[4] == '-' && digits(5, 2) && text[7] == '-' && digits(8, 2);
}

bool dateline_like(const Analysed& field, std::size_t first, std::size_t last) {
    if (dateline_form(field, first, last) != DatelineForm::none) return true;
    // ...or, opening a line or sentence, followed by a date ("BALTIMORE 1996-08-22") or alone
    // on its line ("NEW YORK\nResults of ...").
    for (std::size_t k = first; k < last; ++k) {
        if (!text::all_upper(field.word(k)) || field.word(k).size() < 2) return false;
    }
    const auto before = field.gap_before(first);
    if (first > 0 && before.find_first_of(".!?\n") == std::string_view::npos) return false;
    const auto after = field.gap_after(last - 1);
    const bool line_start = first == 0 || before.find('\n') != std::string_view::npos;
    const bool line_end = after.find_first_not_of(" \t\r\n") == std::string_view::npos &&
                          (last == field.tokens.size() || after.find('\n') != std::string_view::npos);
    if (line_start && line_end) return true;
    return after == " " && last < field.tokens.size() && starts_iso_date(field.text.substr(field.tokens[last].start));
}

bool dateline_qualifier(const Analysed& field, std::size_t first) {
    if (first == 0 || !is_comma_gap(field.gap_before(first))) return false;
    std::size_t start = first - 1;
    while (start > 0 && field.gap_before(start) == " " && text::all_upper(field.word(start - 1))) --start;
    return dateline_like(field, start, first);
}

bool ArticleTagger::in_country_list(const Analysed& field, const std::vector<detail::PhraseMatch>& matches,
                                    std::size_t j) const {
    // "Angola, Chad and Congo", "Armenia, Georgia, Iraq": a name among other countries is one.
    auto is_list_gap = [](std::string_view gap) { return is_comma_gap(gap) || gap == " and " || gap == ", and "; };
    auto plain_country = [&](const detail::PhraseMatch& n) {
        const auto& c = n.candidates.front();
        return !c.demonym && detail::is_country(place_at(c.place)) && !place_at(c.place).ambiguous;
    };
    const auto& m = matches[j];
    if (j > 0 && matches[j - 1].last == m.first &&
        is_list_gap(field.gap_before(m.first)) && plain_country(matches[j - 1])) {
        return true;
    }
    return j + 1 < matches.size() && matches[j + 1].first == m.last && is_list_gap(field.gap_before(m.last)) &&
           plain_country(matches[j + 1]);
}

bool ArticleTagger::qualifier_slot(const Analysed& field, std::size_t i) {
    if (i == 0 || !field.upper[i - 1]) return false;
    auto gap = field.gap_before(i);
    if (is_comma_gap(gap)) return true;
    // "D-S.C.", "R-Ind.": a member of Congress's party and state.
    const auto& prev = field.folded[i - 1];
    return gap == "-" && (prev == "d" || prev == "r" || prev == "i");
}

std::vector<detail::PhraseMatch> ArticleTagger::scan(const Analysed& field, bool dateline) const {
    std::vector<detail::PhraseMatch> out;
    detail::PhraseMatch m;
    for (std::size_t i = 0; i < field.tokens.size(); ++i) {
        if (!field.upper[i] ||
            !m_gaz.match_at(field.text, field.tokens, field.folded, i, dateline || qualifier_slot(field, i), m)) {
            continue;
        }
        out.push_back(m);
        i = m.last - 1;
    }
    return out;
}

void ArticleTagger::note_context(const Analysed& field, const std::vector<detail::PhraseMatch>& matches) {
    for (const auto& m : matches) {
        const auto& p = place_at(m.candidates.front().place);
        // Only unambiguous evidence: a country, or a region/city whose name is not shared
        // with another that is not small.
        std::size_t major = 0;
        for (const auto& c : m.candidates) major += !place_at(c.place).minor;
        // "Guernsey County", "Lebanon County": the county's name, not the country.
        if (names_county(field, m.last)) continue;
        if (!p.ambiguous && !p.minor && (detail::is_country(p) || major == 1)) {
            m_context.countries[detail::is_country(p) ? p.value : p.country].insert(text::name_key(field.folded, m.first, m.last));
            if (detail::is_country(p) && !m.candidates.front().demonym) m_context.nations.insert(p.value);
        }
        // "Paul Jackson": Jackson is a person in this article.
        if (after_given_name(field, m.first)) m_context.person_names.insert(text::name_key(field.folded, m.first, m.last));
        for (const auto& c : m.candidates) {
            const auto& r = place_at(c.place);
            if (r.kind != PlaceKind::region || c.demonym) continue;
            m_context.weak_regions.insert(r.value);
            if ((!r.ambiguous || r.abbrev) && m.candidates.size() == 1) m_context.regions.insert(r.value);
        }
    }
}

bool ArticleTagger::named_apart(const std::string& country, const std::string& key) const {
    auto it = m_context.countries.find(country);
    return it != m_context.countries.end() && (it->second.size() > 1 || !it->second.count(key));
}

const Place* ArticleTagger::qualifier_of(const Analysed& field, const std::vector<detail::PhraseMatch>& matches,
                                         std::size_t j) const {
    if (j + 1 >= matches.size()) return nullptr;
    const auto& next = matches[j + 1];
    if (next.first != matches[j].last || !is_comma_gap(field.gap_before(next.first))) return nullptr;
    for (const auto& c : next.candidates) {
        const auto& q = place_at(c.place);
        if (!c.demonym && (q.kind == PlaceKind::region || detail::is_country(q))) return &q;
    }
    return nullptr;
}

void ArticleTagger::note_qualified(const Analysed& field, const std::vector<detail::PhraseMatch>& matches,
                                   bool dateline) {
    for (std::size_t j = 0; j < matches.size(); ++j) {
        const auto& m = matches[j];
        // Only a dateline or a qualified name is read here (choose is not cheap).
        if (!dateline && !qualifier_of(field, matches, j) && !dateline_like(field, m.first, m.last)) continue;
        bool qualified = false;
        const auto& c = choose(field, matches, j, qualified);
        const auto& p = place_at(c.place);
        if (detail::is_country(p) || c.demonym) continue;
        if (qualified || (!p.ambiguous && (dateline || dateline_like(field, m.first, m.last))) ||
            dashed_dateline(field, m.first, m.last)) {
            m_context.resolved.emplace(text::name_key(field.folded, m.first, m.last), c.place);
            if (!p.region.empty()) m_context.weak_regions.insert(p.region);
            if (!p.country.empty()) {
                m_context.countries[p.country].insert(text::name_key(field.folded, m.first, m.last));
                m_context.local_countries.insert(p.country);
            }
        }
    }
}

const detail::Candidate& ArticleTagger::choose(const Analysed& field, const std::vector<detail::PhraseMatch>& matches,
                                               std::size_t j, bool& qualified) const {
    const auto& m = matches[j];
    const auto& cands = m.candidates;
    auto first_where = [&](auto&& pred) -> const detail::Candidate* {
        for (const auto& c : cands) {
            if (pred(place_at(c.place))) return &c;
        }
        return nullptr;
    };
    qualified = false;
    // "Alexandria, La.", "Paris, Texas", "Alexandria, Egypt".
    if (const Place* q = qualifier_of(field, matches, j)) {
        const auto* in_q = first_where([&](const Place& p) {
            return !detail::is_country(p) && (q->kind == PlaceKind::region ? p.region == q->value || (p.region.empty() && p.country == q->country)
                                                                          : p.country == q->value || country_then(p.country) == q->value);
        });
        if (in_q) {
            qualified = true;
            return *in_q;
        }
    }
    // An ambiguous country name ("Georgia") is the place of that name in a country the
    // article names ("Atlanta, Georgia") when there is one.
    if (const auto* country = first_where([](const Place& p) { return detail::is_country(p); })) {
        const auto& cp = place_at(country->place);
        if (!cp.ambiguous || m_context.countries.count(cp.value)) return *country;
        const auto* elsewhere = first_where([&](const Place& p) {
            return !detail::is_country(p) && !p.minor && m_context.countries.count(p.country);
        });
        return elsewhere ? *elsewhere : *country;
    }
    if (cands.size() == 1) return cands.front();
    const auto key = text::name_key(field.folded, m.first, m.last);
    // A name read once keeps its reading in the article.
    if (auto it = m_context.resolved.find(key); it != m_context.resolved.end()) {
        if (const auto* same = first_where([&](const Place& p) { return &p == &place_at(it->second); })) return *same;
    }
    // Places in a region the article names, then in a country it names, then the biggest.
    // A small place is read before a big one of its name only where the big one's country
    // is not named and the small one's region, or its country by local evidence (its
    // regions, counties, datelines), is: "Paris" or "Athens" in Texas news, "Alexandria" in
    // Louisiana news; not "Atlanta" in US news naming Texas, not "London" next to "American".
    // A world capital yields only to a namesake in a region the article names ("London" in
    // a Washington-datelined story is not London, Ohio).
    const auto& biggest = place_at(cands.front().place);
    auto may_override = [&](const detail::Candidate* c) {
        return c && (!place_at(c->place).minor || biggest.minor || !named_apart(biggest.country, key));
    };
    // Wire style qualifies a dateline's town unless it is the best known of its name ("LONDON,
    // Ontario", "PARIS, Texas"): a wire dateline whose biggest namesake is a capital names that
    // capital, whatever places the story names ("LONDON, March 12 - Hydro Quebec is issuing a
    // Canadian dollar bond", "LONDON, March 19 - Racal ... of Irvine, California").
    if (world_capital(biggest) && wire_dateline(field, m)) return cands.front();
    const auto* in_region = first_where([&](const Place& p) { return !p.region.empty() && m_context.regions.count(p.region); });
    if (may_override(in_region)) return *in_region;
    in_region = first_where([&](const Place& p) { return !p.region.empty() && m_context.weak_regions.count(p.region); });
    if (may_override(in_region)) return *in_region;
    const auto* in_country = first_where([&](const Place& p) {
        return m_context.countries.count(p.country) && (biggest.minor || !p.minor);
    });
    if (in_country) return *in_country;
    in_country = first_where([&](const Place& p) { return m_context.local_countries.count(p.country) > 0; });
    if (!world_capital(biggest) && may_override(in_country)) return *in_country;
    return cands.front();
}

bool ArticleTagger::wire_dateline(const Analysed& field, const detail::PhraseMatch& m) const {
    if (m.first != 0) return false;
    if (&field == &m_dateline) return true;
    return &field == &m_body && m_body.tokens[m.last - 1].end <= body_dateline_end();
}

bool ArticleTagger::minor_supported(const Analysed& field, const detail::PhraseMatch& m, const Place& place,
                                    bool qualified, bool locative, bool dateline) const {
    const auto key = text::name_key(field.folded, m.first, m.last);
    if (qualified) return true;
    // A dateline's place ("CHARLESTON, W.Va. -"), unless a common word ("March 2").
    if (!place.ambiguous && (dateline || dateline_like(field, m.first, m.last))) return true;
    if (dashed_dateline(field, m.first, m.last)) return true;
    if (m_context.person_names.count(key)) return false;
    // "ICO", "AMEX": capitals in running text are an acronym, not a small place.
    if (text::all_upper(field.word(m.first))) return false;
    if (m.first > 0) {
        // "Kyiv's Artem plant": a part of the place before it, not a town elsewhere.
        if (is_possessive_gap(field.gap_before(m.first)) && field.upper[m.first - 1]) return false;
    }
    if (m.last < field.tokens.size() && is_said_word(field.folded[m.last])) return false;
    if (auto it = m_context.resolved.find(key); it != m_context.resolved.end() && &place_at(it->second) == &place) {
        return true;
    }
    // A town this big is meant often enough to stand alone unless its name is a word.
    constexpr std::uint64_t known_town = 50000;
    if (!place.ambiguous && place.population >= known_town) return true;
    // Its region named, or its country (by local evidence for a town that is not small).
    constexpr std::uint64_t town = 10000;
    // A town abroad by its country alone, unless "the" names a river or feature there ("the
    // Elbe estuary" in German news; "the Gainesville police" is a US town by its state).
    const bool after_the = m.first > 0 && field.word(m.first - 1) == "the";
    const bool in_context = (place.region.empty() ? m_context.countries.count(place.country) > 0 && !after_the
                                                  : m_context.weak_regions.count(place.region) > 0) ||
                            (place.population >= town && m_context.local_countries.count(place.country) > 0);
    // Only a preposition of place says place for a small place: not "Duke of Norfolk", "at
    // Christmas", "over Easter".
    const bool place_sense = (locative && is_place_preposition(field.folded[m.first - 1])) ||
                             before_local_noun(field, m.last) || after_party(field, m.first);
    // A common word ("Hope", "Commerce") needs both a place sense and the context.
    if (place.ambiguous) return place_sense && in_context;
    return in_context || place_sense;
}

std::vector<PlaceHit> ArticleTagger::find_places(const Analysed& field,
                                                 const std::vector<detail::PhraseMatch>& matches, bool dateline) {
    std::vector<PlaceHit> hits;
    for (std::size_t j = 0; j < matches.size(); ++j) {
        const auto& m = matches[j];
        const std::size_t i = m.first;
        bool qualified = false;
        const detail::Candidate* chosen = &choose(field, matches, j, qualified);
        const auto& place = place_at(chosen->place);
        // "Dnipro River", "Kyiv Street": part of another name.
        if (m.last < field.tokens.size() && detail::is_feature_word(field.folded[m.last]) &&
            text::starts_upper(field.word(m.last)) && field.gap_before(m.last) == " ") {
            continue;
        }
        if (part_of_other_name(field, m.first, m.last, place)) {
            // Kept aside: in a sports report "Leeds 2 Wimbledon 0" says Leeds is a team.
            if (&field == &m_body) m_names_in_names.body.push_back({m.first, m.last, chosen->place, false, false, false});
            if (&field == &m_title) m_names_in_names.title.push_back({m.first, m.last, chosen->place, false, false, false});
            continue;
        }
        bool locative = i > 0 && (detail::is_locative_word(field.folded[i - 1]) || field.folded[i - 1] == "downtown" ||
                                  after_party(field, i));
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
        if (place.minor && !minor_supported(field, m, place, qualified, locative, dateline)) continue;
        // A name that is also a common word counts only where context says place: after a
        // locative word, in a dateline, or as a city of a country the article names.
        auto before = field.gap_before(i);
        bool sentence_start = i == 0 || before.find_first_of(".!?\n") != std::string_view::npos;
        // The adjective of an ambiguous country ("Georgian") names it.
        const bool country_adjective = chosen->demonym && detail::is_country(place) && !sentence_start;
        if (place.ambiguous && !place.minor && !locative && !dateline && !qualified && !country_adjective &&
            !before_local_noun(field, m.last) && !dashed_dateline(field, m.first, m.last) &&
            !(detail::is_country(place) && in_country_list(field, matches, j)) &&
            (sentence_start || !(!detail::is_country(place) && m_context.countries.count(place.country)))) {
            continue;
        }
        bool passing = i > 0 && (field.folded[i - 1] == "from" || field.folded[i - 1] == "to" ||
                                 field.folded[i - 1] == "toward" || field.folded[i - 1] == "towards");
        // "Berea police", "a Cottonport man": the scene, as after a locative word.
        locative = locative || before_local_noun(field, m.last);
        hits.push_back({m.first, m.last, chosen->place, chosen->demonym, locative, passing});
    }
    add_counties(field, hits);
    add_features(field, matches, hits);
    return hits;
}

namespace {

std::vector<CountySpan> find_counties(const Analysed& field, const detail::Gazetteer& gaz) {
    std::vector<CountySpan> out;
    for (std::size_t k = 1; k < field.tokens.size(); ++k) {
        // Most words are none: the capital first.
        if (!field.upper[k] || !is_county_word(field.folded[k])) continue;
        const auto& f = field.folded[k];
        // One to three name words before it: "Laurel County", "Santa Clara County".
        std::size_t first = k;
        while (first > 0 && k - first < 3 && field.gap_before(first) == " " && field.upper[first - 1] &&
               !detail::is_non_name_word(field.folded[first - 1]) && !detail::is_role_word(field.folded[first - 1]) &&
               !is_possessive_gap(field.gap_after(first - 1))) {
            --first;
        }
        // "ENGLISH COUNTY CHAMPIONSHIP": a heading in capitals is no county.
        if (first == k || text::all_upper(field.word(first))) continue;
        // "the English County Championship": a people's adjective names no county.
        if (k - first == 1) {
            const auto named = gaz.lookup(field.word(first));
            if (!named.empty() && named.front().demonym) continue;
        }
        out.push_back({first, k + 1, f == "parish"});
    }
    return out;
}

}  // namespace

std::string ArticleTagger::county_country() const {
    std::string named;
    for (const auto& nation : m_context.nations) {
        if (nation == "United States" || !has_counties(nation)) continue;
        if (!named.empty()) return {};
        named = nation;
    }
    return named.empty() ? std::string("United States") : named;
}

void ArticleTagger::note_counties(const Analysed& field) {
    const auto counties = find_counties(field, m_gaz);
    const auto country = counties.empty() ? std::string() : county_country();
    if (country.empty()) return;
    m_context.local_countries.insert(country);
    // Parishes are Louisiana's counties.
    if (country == "United States" &&
        std::any_of(counties.begin(), counties.end(), [](const CountySpan& c) { return c.parish; })) {
        m_context.weak_regions.insert("Louisiana");
    }
}

void ArticleTagger::add_local_place(const Analysed& field, std::vector<PlaceHit>& hits, std::size_t first,
                                    std::size_t last, std::string country) {
    std::erase_if(hits, [&](const PlaceHit& h) { return h.first < last && first < h.last; });
    Place place;
    place.kind = PlaceKind::region;
    place.value = std::string(
        field.text.substr(field.tokens[first].start, field.tokens[last - 1].end - field.tokens[first].start));
    place.country = std::move(country);
    place.minor = true;
    auto index = static_cast<std::uint32_t>(m_gaz.size() + m_local_places.size());
    m_local_places.push_back(std::move(place));
    bool locative = first > 0 && detail::is_locative_word(field.folded[first - 1]);
    auto pos = std::find_if(hits.begin(), hits.end(), [&](const PlaceHit& h) { return h.first >= last; });
    hits.insert(pos, PlaceHit{first, last, index, false, locative, false});
}

void ArticleTagger::add_counties(const Analysed& field, std::vector<PlaceHit>& hits) {
    for (const auto& span : find_counties(field, m_gaz)) {
        add_local_place(field, hits, span.first, span.last, county_country());
    }
}

void ArticleTagger::add_features(const Analysed& field, const std::vector<detail::PhraseMatch>& matches,
                                 std::vector<PlaceHit>& hits) {
    for (std::size_t k = 1; k < field.tokens.size(); ++k) {
        // A capitalised word after a capitalised one first: few words are (then the list).
        // Rivers are left out: corpora disagree on whether a river is a toponym.
        if (!field.upper[k] || !field.upper[k - 1] || field.caps[k] || field.gap_before(k) != " " ||
            !detail::is_feature_word(field.folded[k]) || field.folded[k] == "river") {
            continue;
        }
        // The name ends with the feature word: not "Wall Street Journal", "Gulf War".
        if (k + 1 < field.tokens.size() && field.gap_after(k) == " " && field.upper[k + 1]) continue;
        // A gazetteer name that ends with the feature word ("Rhode Island", "Red Sea") is known.
        const auto covering = std::find_if(matches.begin(), matches.end(), [&](const detail::PhraseMatch& m) {
            return m.first < k && k < m.last;
        });
        if (covering != matches.end()) continue;
        // One to three name words before it, a place's name counting as one ("Trent Bridge",
        // "Birmingham Public Park", "New York Bay"). It says no country: "San Fernando Valley"
        // is not in San Fernando, Trinidad.
        std::size_t first = k;
        for (int words = 0; words < 3 && first > 0 && field.gap_before(first) == " "; ++words) {
            const auto place = std::find_if(matches.begin(), matches.end(), [&](const detail::PhraseMatch& m) {
                return m.last == first;
            });
            if (place != matches.end()) {
                first = place->first;
                continue;
            }
            const std::size_t w = first - 1;
            if (!field.upper[w] || field.caps[w] || detail::is_non_name_word(field.folded[w]) ||
                detail::is_feature_word(field.folded[w])) {
                break;
            }
            first = w;
        }
        // "Sung-Hee Park" is a person.
        if (first == k || (first > 0 && field.gap_before(first) == "-")) continue;
        add_local_place(field, hits, first, k + 1, "");
    }
}

bool ArticleTagger::starts_major_place(const Analysed& field, std::size_t i) const {
    // Every capitalised word starts some small place: those do not count.
    detail::PhraseMatch m;
    return m_gaz.match_at(field.text, field.tokens, field.folded, i, false, m) &&
           !place_at(m.candidates.front().place).minor;
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
    // "Douglas & Lomason", "McDonald & Co": a firm.
    if ((last < n && field.gap_before(last) == " & ") || (first > 0 && field.gap_before(first) == " & ")) return true;
    if (last < n && is_name_gap(field, last)) {
        if (field.gap_before(last) == " " && score_or_year_after(field, last)) return true;
        // "Berea Police Department" is the place's police, and names the place.
        if (name_like(last) && !text::all_upper(field.word(last - 1)) && !detail::is_local_noun(field.folded[last])) {
            // ...unless the next word starts another place ("Kharkiv Oblast" is a region).
            if (!starts_major_place(field, last)) return true;
        }
    }
    return after_given_name(field, first);
}

bool ArticleTagger::after_given_name(const Analysed& field, std::size_t first) const {
    if (first == 0 || !is_name_gap(field, first)) return false;
    const auto& prev = field.folded[first - 1];
    auto w = field.word(first - 1);
    if (!text::starts_upper(w) || text::all_upper(w) || detail::is_non_name_word(prev) || detail::is_role_word(prev) ||
        detail::is_rank_word(prev) || detail::is_feature_word(prev)) {
        return false;
    }
    auto gap = field.gap_before(first - 1);
    // "4. Lee Westwood": a list's number ends no sentence.
    const bool numbered = gap == ". " && first >= 2 && std::isdigit(static_cast<unsigned char>(field.word(first - 2).back()));
    bool sentence_start = first - 1 == 0 || (gap.find_first_of(".!?\n") != std::string_view::npos && !numbered);
    return !sentence_start && !starts_major_place(field, first - 1);
}

std::string ArticleTagger::country_of(const PlaceHit& hit) const {
    const auto& p = place_at(hit.place);
    return country_then(detail::is_country(p) ? p.value : p.country);
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
