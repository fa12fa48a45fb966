#include "tag/article_tagger.hpp"

#include <algorithm>

#include "tag/organization_patterns.hpp"

// Finding organisations: the known-organisations list, the patterns, the country a generic body
// belongs to, and when a listed name is only part of another name.

namespace newsfacet::detail {
namespace {

bool sentence_start(const Analysed& f, std::size_t i) {
    return i == 0 || f.gap_before(i).find_first_of(".!?\n") != std::string_view::npos;
}

}  // namespace

void ArticleTagger::find_organizations(const std::vector<PlaceHit>& title_places) {
    m_organizations = scan_organizations(m_body, m_places, false);
    auto in_title = scan_organizations(m_title, title_places, true);
    m_organizations.insert(m_organizations.end(), in_title.begin(), in_title.end());
    keep_context_aliases_with_support(title_places);
}

std::vector<OrganizationHit> ArticleTagger::scan_organizations(const Analysed& f, const std::vector<PlaceHit>& places,
                                                               bool title) const {
    std::vector<OrganizationHit> hits;
    OrganizationMatch known;
    PatternMatch pattern;
    for (std::size_t i = 0; i < f.tokens.size(); ++i) {
        if (!m_orgs.worth_reading(f.folded[i], f.upper[i] != 0)) continue;
        if (m_orgs.match_at(f.text, f.tokens, f.folded, i, known) && (title || !inside_longer_name(f, known))) {
            const auto& org = m_orgs.at(known.org);
            hits.push_back({known.first, known.last, title, org.name, org.kind, org.country, true, known.context,
                            known.nominal});
            i = known.last - 1;
            continue;
        }
        if (!match_organization_pattern(f.text, f.tokens, f.folded, f.upper, i, pattern)) continue;
        // "Lockheed Martin Corp": the listed company with its suffix.
        if (!hits.empty() && hits.back().last > pattern.first) {
            if (hits.back().first == pattern.first && hits.back().kind == "company") hits.back().last = pattern.last;
            continue;
        }
        if (auto hit = resolve_pattern(f, places, pattern, title)) hits.push_back(std::move(*hit));
    }
    return hits;
}

// A listed name that is part of another: "Democratic Party" in "New Democratic Party" or in
// "Indonesian Democratic Party" (another country's), "Labour" in "Labour Department", "U.N."
// in "U.N. Council".
bool ArticleTagger::inside_longer_name(const Analysed& f, const OrganizationMatch& m) const {
    const std::size_t i = m.first;
    if (m.last < f.tokens.size() && f.upper[m.last] && detail::is_organization_noun(f.folded[m.last])) {
        auto gap = f.gap_before(m.last);
        bool initial = gap == ". " && f.word(m.last - 1).size() == 1;  // "U.N. Council"
        if (gap == " " || initial) return true;
    }
    if (i == 0 || f.gap_before(i) != " " || m.last - m.first < 2) return false;
    // "Scottish Labour Party", "North Korean Red Cross": a place's own body.
    if (const auto* place = place_ending_at(i)) {
        const auto& country = m_orgs.at(m.org).country;
        return country.empty() || !detail::is_country(place_at(place->place)) || country_of(*place) != country;
    }
    if (sentence_start(f, i - 1)) return false;
    auto prev = f.word(i - 1);
    const auto& folded = f.folded[i - 1];
    return text::starts_upper(prev) && !text::all_upper(prev) && !detail::is_non_name_word(folded) &&
           !detail::is_role_word(folded) && !detail::is_rank_word(folded);
}

std::optional<OrganizationHit> ArticleTagger::resolve_pattern(const Analysed& f, const std::vector<PlaceHit>& places,
                                                              const PatternMatch& p, bool title) const {
    OrganizationHit hit{p.first, p.last, title, p.name, p.kind, {}, true, false, p.nominal};
    if (p.generic.empty()) return hit;
    const std::string country = qualifier_country(f, places, p.first, p.last);
    if (country.empty()) {
        if (p.needs_country) return std::nullopt;
        hit.named = false;  // "the Foreign Ministry": a ministry, whose the text does not say
        return hit;
    }
    if (const auto* org = m_orgs.generic(country, p.generic)) {
        hit.name = org->name;
        hit.kind = org->kind;
    } else {
        hit.name = qualified_name(p.name, country);
    }
    hit.country = country;
    return hit;
}

// The country a generic body belongs to: "Russian", "Russia's" before it, "of Russia" after.
std::string ArticleTagger::qualifier_country(const Analysed& f, const std::vector<PlaceHit>& places,
                                             std::size_t first, std::size_t last) const {
    if (first > 0) {
        auto gap = f.gap_before(first);
        for (const auto& h : places) {
            if (h.last == first && (gap == " " || is_possessive_gap(gap))) return country_of(h);
        }
    }
    if (last + 1 < f.tokens.size() && f.folded[last] == "of") {
        std::size_t k = last + 1;
        if (f.folded[k] == "the" && k + 1 < f.tokens.size()) ++k;
        for (const auto& h : places) {
            if (h.first == k && !h.demonym) return country_of(h);
        }
    }
    return {};
}

// A context alias ("Labour", "WHO") counts when the article names the organisation otherwise,
// or after "the" in mixed-case text ("the Pentagon", "The WHO said", not "THE WHO WAS") in an
// article that names the body's country ("the Congress" of Argentina is not the US Congress).
void ArticleTagger::keep_context_aliases_with_support(const std::vector<PlaceHit>& title_places) {
    if (std::none_of(m_organizations.begin(), m_organizations.end(), [](const OrganizationHit& h) { return h.context; })) {
        return;
    }
    std::set<std::string> named;
    for (const auto& h : m_organizations) {
        if (!h.context) named.insert(h.name);
    }
    std::set<std::string> countries;
    for (const auto& p : m_places) countries.insert(country_of(p));
    for (const auto& p : title_places) countries.insert(country_of(p));
    std::erase_if(m_organizations, [&](const OrganizationHit& h) {
        if (!h.context || named.count(h.name)) return false;
        const Analysed& f = h.title ? m_title : m_body;
        bool after_the = h.first > 0 && f.folded[h.first - 1] == "the" && !text::all_upper(f.word(h.first - 1)) &&
                         f.gap_before(h.first) == " ";
        bool capitals_after = h.last < f.tokens.size() && text::all_upper(f.word(h.last)) && f.word(h.last).size() > 1;
        return !after_the || capitals_after || (!h.country.empty() && !countries.count(h.country));
    });
}

bool ArticleTagger::in_organization_name(std::size_t token) const {
    return std::any_of(m_organizations.begin(), m_organizations.end(),
                       [&](const OrganizationHit& o) { return !o.title && token >= o.first && token < o.last; });
}

Mention ArticleTagger::organization_mention(const OrganizationHit& hit) const {
    Mention m;
    m.facet = Facet::organization;
    m.value = hit.name;
    m.start = m_body.tokens[hit.first].start;
    m.end = m_body.tokens[hit.last - 1].end;
    // "U.N." and "Lear Corp." keep their final period.
    if (m.end < m_body.text.size() && m_body.text[m.end] == '.') {
        const auto& last = m_body.folded[hit.last - 1];
        bool abbreviation = last == "corp" || last == "inc" || last == "ltd" || last == "co" || last == "bhd";
        if (abbreviation || m_body.text.substr(m.start, m.end - m.start).find('.') != std::string_view::npos) ++m.end;
    }
    m.text = std::string(m_body.text.substr(m.start, m.end - m.start));
    return m;
}

}  // namespace newsfacet::detail
