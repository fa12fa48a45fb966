#include "tag/article_tagger.hpp"

#include <algorithm>
#include <map>

#include "text/sentences.hpp"

namespace newsfacet::detail {
namespace {

// Country salience: evidence a mention adds, by where it is. A country is salient at
// salience_threshold: named in the headline or dateline, twice in the body, once in the lead
// and once more, through a salient place in it, or as an official's country.
constexpr double evidence_dateline = 3.0;  // also the headline
constexpr double evidence_lead = 1.5;
constexpr double evidence_body = 1.0;
constexpr double demonym_share = 2.0 / 3;  // "Russian" is weaker evidence than "Russia"
constexpr double evidence_salient_place = 2.0;
constexpr double evidence_official = 2.0;
constexpr double salience_threshold = 2.0;

}  // namespace

std::size_t salience_lead_end(std::string_view text) {
    const std::size_t paragraph_end = std::min(text.find("\n\n"), text.size());
    const std::size_t first = text::sentence_end(text);
    const std::size_t second = first == std::string_view::npos ? first : text::sentence_end(text, first);
    // At the second sentence's final punctuation.
    return second == std::string_view::npos ? paragraph_end : std::min(paragraph_end, second - 1);
}

bool is_possessive_gap(std::string_view gap) {
    return gap == "'s " || gap == "\xE2\x80\x99s " || gap == "' " || gap == "\xE2\x80\x99 " || gap == " 's ";
}

// ", " — also as tokenised text writes it (" , ").
bool is_comma_gap(std::string_view gap) { return gap == ", " || gap == " , "; }


Tagging ArticleTagger::run() {
    // Countries named anywhere help pick between same-named cities.
    const auto body_matches = scan(m_body, false);
    const auto title_matches = scan(m_title, false);
    const auto dateline_matches = scan(m_dateline, true);
    auto named = countries_named(body_matches);
    for (const auto& c : countries_named(title_matches)) named.insert(c);
    for (const auto& c : countries_named(dateline_matches)) named.insert(c);

    m_places = find_places(m_body, body_matches, named, false);
    // "Paris, Texas": a city followed by a region or country it is not in is another place of
    // that name; the qualifier stays.
    for (std::size_t k = 0; k + 1 < m_places.size(); ++k) {
        const auto& city = m_places[k];
        const auto& next = m_places[k + 1];
        if (m_gaz.place(city.place).kind != PlaceKind::city || next.first != city.last || next.demonym) continue;
        if (!is_comma_gap(m_body.gap_before(next.first))) continue;
        if (country_of(city) != country_of(next)) m_places[k].place = next.place, m_places[k].last = city.first;
    }
    std::erase_if(m_places, [](const PlaceHit& h) { return h.last <= h.first; });
    auto title_places = find_places(m_title, title_matches, named, false);
    auto dateline_places = find_places(m_dateline, dateline_matches, named, true);
    // A dateline's qualifier ("LIVERPOOL, N.Y.", "RAVENNA, Italy") says which country its city
    // is in: a same-named city elsewhere is not it.
    std::set<std::string> qualifiers;
    for (const auto& h : dateline_places) {
        if (h.first > 0) qualifiers.insert(country_of(h));
    }
    if (!qualifiers.empty()) {
        std::erase_if(dateline_places, [&](const PlaceHit& h) {
            return m_gaz.place(h.place).kind == PlaceKind::city && !qualifiers.count(country_of(h));
        });
    }
    find_officials();
    use_known_officials();

    // Merge officials naming the same person: keep the fullest name, fill role and country.
    std::vector<OfficialHit> people;
    auto surname = [&](const OfficialHit& o) { return o.last > o.first ? m_body.folded[o.last - 1] : o.key; };
    for (const auto& o : m_officials) {
        auto it = std::find_if(people.begin(), people.end(),
                               [&](const OfficialHit& p) { return surname(p) == surname(o); });
        if (it == people.end()) {
            people.push_back(o);
            continue;
        }
        if (o.last - o.first > it->last - it->first) it->name = o.name;
        if (it->country.empty()) it->country = o.country;
        if (it->role.empty()) it->role = o.role;
    }
    // Known officials named by surname only ("Lyng said", "YEUTTER SEEKS ..."): about them when
    // named in the headline, in the lead, or twice.
    {
        std::map<const detail::KnownOfficial*, std::pair<int, std::size_t>> seen;  // count, first token
        std::set<const detail::KnownOfficial*> in_title;
        // A surname the article gives to someone else ("striker Luis Ortega") is theirs.
        std::set<std::string> others;
        for (std::size_t t = 1; m_year != 0 && t < m_body.tokens.size(); ++t) {
            if (m_body.upper[t] && m_body.upper[t - 1] && m_body.gap_before(t) == " " &&
                !detail::is_non_name_word(m_body.folded[t - 1]) && !detail::is_role_word(m_body.folded[t - 1])) {
                auto found = m_known.find(m_body.folded[t], m_year, false);
                if (!found.empty() && text::fold(found.front()->name).rfind(m_body.folded[t - 1] + " ", 0) != 0) {
                    others.insert(m_body.folded[t]);
                }
            }
        }
        for (std::size_t t = 0; t < m_body.tokens.size(); ++t) {
            if (!m_body.upper[t] || others.count(m_body.folded[t])) continue;
            const auto* k = known_alias(m_body, t);
            if (!k) continue;
            bool taken = std::any_of(m_officials.begin(), m_officials.end(),
                                     [&](const OfficialHit& o) { return t >= o.first && t < o.last; });
            if (!taken) {
                auto& entry = seen.try_emplace(k, 0, t).first->second;
                ++entry.first;
            }
        }
        for (std::size_t t = 0; t < m_title.tokens.size(); ++t) {
            if (others.count(m_title.folded[t])) continue;
            if (const auto* k = known_alias(m_title, t)) in_title.insert(k);
        }
        auto add_known = [&](const detail::KnownOfficial* k, std::size_t first, std::size_t last, std::string key) {
            bool known = std::any_of(people.begin(), people.end(), [&](const OfficialHit& p) { return p.name == k->name; });
            if (!known) people.push_back({first, last, k->name, k->role, k->country, std::move(key)});
        };
        for (const auto& [k, info] : seen) {
            bool lead = m_body.tokens[info.second].start < salience_lead_end(m_body.text);
            if (info.first >= 2 || lead || in_title.count(k)) add_known(k, info.second, info.second + 1, {});
        }
        for (const auto* k : in_title) {
            if (!seen.count(k)) {
                std::string key;
                for (std::size_t t = 0; t < m_title.tokens.size(); ++t) {
                    if (known_alias(m_title, t) == k) key = m_title.folded[t];
                }
                add_known(k, 0, 0, key);
            }
        }
    }

    Tagging out;
    // Place mentions inside an official's name ("Georgia" in a name) are not places.
    auto in_name = [&](std::size_t tok) {
        return std::any_of(m_officials.begin(), m_officials.end(),
                           [&](const OfficialHit& o) { return tok >= o.first && tok < o.last; });
    };
    // Evidence that the article is about a country: where and how it is named. A country
    // with enough evidence is salient (see salience_threshold).
    std::map<std::string, double> country_evidence;
    std::map<std::string, int> passing_cities;
    std::set<std::string> salient_countries;
    std::set<std::string> salient_locations;

    const std::size_t lead_end = salience_lead_end(m_body.text);
    // A wire dateline at the start of the body: "ODESA, March 4 (Meridian) -".
    std::size_t body_dateline_end = 0;
    if (!m_body.tokens.empty() && text::all_upper(m_body.word(0)) && m_body.word(0).size() > 1) {
        auto comma = m_body.text.find(',');
        if (comma != std::string_view::npos && comma < 60) body_dateline_end = comma;
    }

    for (const auto& h : m_places) {
        if (in_name(h.first)) continue;
        const auto& p = m_gaz.place(h.place);
        Mention m;
        m.facet = detail::is_country(p) ? Facet::country : Facet::location;
        m.value = p.value;
        m.start = m_body.tokens[h.first].start;
        m.end = m_body.tokens[h.last - 1].end;
        // A dotted abbreviation keeps its final period: "U.S.", not "U.S".
        if (m.end < m_body.text.size() && m_body.text[m.end] == '.' &&
            m_body.text.substr(m.start, m.end - m.start).find('.') != std::string_view::npos) {
            ++m.end;
        }
        m.text = std::string(m_body.text.substr(m.start, m.end - m.start));
        m.demonym = h.demonym;
        out.mentions.push_back(m);

        auto country = country_of(h);
        bool lead = m.start < lead_end;
        bool dateline = m.end <= body_dateline_end;
        if (!country.empty()) {
            double w = dateline ? evidence_dateline : (lead ? evidence_lead : evidence_body);
            country_evidence[country] += h.demonym ? w * demonym_share : w;
        }
        if (!detail::is_country(p)) {
            // A capital alone often stands for its government ("Moscow said"): a location
            // only in a place sense. Any place named twice is one (below).
            // Regions, seas and continents are backdrop more often than scene: they count
            // from the dateline, a place sense in the lead, or a second mention.
            // A city named once deep in the text counts where it is a scene ("in Kharkiv"),
            // not as a comparison, origin or destination ("ports such as Rotterdam").
            bool salient = p.kind == PlaceKind::region ? (dateline || (lead && h.locative))
                           : p.capital                ? (h.locative || dateline)
                                                      : (h.locative || dateline || (lead && !h.passing));
            if (salient) {
                salient_locations.insert(p.value);
                country_evidence[country] += evidence_salient_place;
            } else {
                ++passing_cities[p.value];
            }
        }
    }
    for (const auto* field : {&title_places, &dateline_places}) {
        for (const auto& h : *field) {
            const auto& p = m_gaz.place(h.place);
            auto country = country_of(h);
            // A headline's capital is as often the government as the place ("Baku protests").
            if (p.kind == PlaceKind::city && p.capital && !h.locative && field == &title_places) {
                country_evidence[country] += evidence_body;
                continue;
            }
            if (!detail::is_country(p)) salient_locations.insert(p.value);
            if (!country.empty()) {
                country_evidence[country] += h.demonym ? evidence_dateline * demonym_share : evidence_dateline;
            }
        }
    }
    for (const auto& h : m_places) {
        const auto& p = m_gaz.place(h.place);
        if (!detail::is_country(p) && !p.capital && passing_cities[p.value] >= 2 &&
            salient_locations.insert(p.value).second) {
            country_evidence[p.country] += evidence_salient_place;
        }
    }

    // Officials, and their later surname-only mentions ("Aliyev said").
    std::set<std::size_t> official_tokens;
    for (const auto& o : m_officials) {
        for (auto t = o.first; t < o.last; ++t) official_tokens.insert(t);
    }
    for (const auto& person : people) {
        out.officials.push_back({person.name, person.role, person.country});
        if (!person.country.empty()) country_evidence[person.country] += evidence_official;
    }
    for (const auto& [country, evidence] : country_evidence) {
        // Areas of no one country (Europe) have none.
        if (!country.empty() && evidence >= salience_threshold) salient_countries.insert(country);
    }
    for (const auto& o : m_officials) {
        const auto& person = *std::find_if(people.begin(), people.end(),
                                           [&](const OfficialHit& p) { return surname(p) == surname(o); });
        Mention m;
        m.facet = Facet::official;
        m.value = person.name;
        m.start = m_body.tokens[o.first].start;
        m.end = m_body.tokens[o.last - 1].end;
        m.text = std::string(m_body.text.substr(m.start, m.end - m.start));
        out.mentions.push_back(m);
    }
    for (std::size_t t = 0; t < m_body.tokens.size(); ++t) {
        if (official_tokens.count(t) || !text::starts_upper(m_body.word(t))) continue;
        // "Naina Yeltsin" is another Yeltsin.
        if (t > 0 && m_body.gap_before(t) == " " && text::starts_upper(m_body.word(t - 1)) &&
            !detail::is_non_name_word(m_body.folded[t - 1]) && !detail::is_role_word(m_body.folded[t - 1]) &&
            !detail::is_rank_word(m_body.folded[t - 1])) {
            continue;
        }
        for (const auto& person : people) {
            if (m_body.folded[t] != surname(person)) continue;
            Mention m;
            m.facet = Facet::official;
            m.value = person.name;
            m.start = m_body.tokens[t].start;
            m.end = m_body.tokens[t].end;
            m.text = std::string(m_body.word(t));
            out.mentions.push_back(m);
            break;
        }
    }
    std::sort(out.mentions.begin(), out.mentions.end(),
              [](const Mention& a, const Mention& b) { return a.start < b.start; });

    out.facets.country.assign(salient_countries.begin(), salient_countries.end());
    out.facets.location.assign(salient_locations.begin(), salient_locations.end());
    std::set<std::string> names;
    for (const auto& o : out.officials) names.insert(o.name);
    out.facets.official.assign(names.begin(), names.end());
    return out;
}

}  // namespace newsfacet::detail
