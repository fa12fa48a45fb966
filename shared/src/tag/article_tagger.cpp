#include "tag/article_tagger.hpp"

#include <algorithm>
#include <map>

#include "tag/sports_context.hpp"
#include "text/sentences.hpp"

namespace newsfacet::detail {
namespace {

// Country salience: evidence a mention adds, by where it is. A country is salient at
// salience_threshold: named in the headline or dateline, twice in the body, once in the lead
// and once more, through a salient place in it, or as an official's country; with more where
// the dateline names another country (salient_country).
constexpr double evidence_dateline = 3.0;  // also the headline
constexpr double evidence_lead = 1.5;
constexpr double evidence_body = 1.0;
constexpr double demonym_share = 2.0 / 3;  // "Russian" is weaker evidence than "Russia"
constexpr double evidence_salient_place = 2.0;
constexpr double evidence_official = 2.0;
constexpr double salience_threshold = 2.0;
// In a story datelined in another country, a country neither the dateline nor the headline
// names needs this much (twice in the lead and once more, say), and a place named only further
// down counts at this share of evidence_salient_place.
constexpr double evidence_off_dateline = 4.0;
constexpr double deep_place_share = 0.5;
// ...and must be named at least this often (by its name, its adjective or its places): a place
// salient in the lead adds evidence_salient_place to its one mention, so that a company's seat
// ("based in Milan, Italy") or a market ("New York traders") named once or twice would pass.
constexpr int off_dateline_mentions = 3;

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


namespace {

// text::all_upper for a word known to start with a capital, without decoding ASCII.
bool no_lower_case(std::string_view w) {
    for (char c : w) {
        if (static_cast<unsigned char>(c) >= 0x80) return text::all_upper(w);
        if (c >= 'a' && c <= 'z') return false;
    }
    return true;
}

}  // namespace

std::vector<std::uint8_t> mark_capitals(std::string_view text, const std::vector<text::Token>& tokens,
                                        const std::vector<std::uint8_t>& upper) {
    std::vector<std::uint8_t> caps(tokens.size(), 0);
    auto word = [&](std::size_t i) { return text.substr(tokens[i].start, tokens[i].end - tokens[i].start); };
    auto has_letter = [](std::string_view w) {
        return std::any_of(w.begin(), w.end(), [](char c) { return !(c >= '0' && c <= '9'); });
    };
    std::vector<std::size_t> run;  // the current run of words in capitals
    std::size_t letter_words = 0, upper_words = 0;
    auto close_run = [&]() {
        if (run.size() >= 3) {
            for (auto i : run) caps[i] = 1;
        }
        run.clear();
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto w = word(i);
        if (!has_letter(w)) continue;
        ++letter_words;
        if (upper[i] && no_lower_case(w)) {
            ++upper_words;
            run.push_back(i);
        } else {
            close_run();
        }
    }
    if (upper_words == letter_words && letter_words >= 2) {
        for (auto i : run) caps[i] = 1;
    }
    close_run();
    return caps;
}

Tagging ArticleTagger::run() {
    auto headline_places = find_all_places();
    find_organizations(headline_places.title);
    drop_company_names(headline_places.title);
    find_officials();
    use_known_officials();
    auto people = merge_people();
    add_surname_only_officials(people);

    Tagging out;
    Salience salience;
    add_body_places(out, salience);
    add_headline_places(headline_places, salience);
    add_cities_named_twice(salience);
    add_people(out, people, salience);
    add_official_mentions(out, people);
    add_organizations(out);
    std::sort(out.mentions.begin(), out.mentions.end(),
              [](const Mention& a, const Mention& b) { return a.start < b.start; });
    set_facets(out, salience);
    return out;
}

namespace {

// A place where things happen rather than a name: after "in" or "at" ("staged in Newcastle",
// "BOSTON AT OAKLAND"), a dateline or its qualifier ("ARLINGTON, Texas").
bool scene(const Analysed& field, const PlaceHit& h) {
    const bool after_in_or_at = h.first > 0 && (field.folded[h.first - 1] == "in" || field.folded[h.first - 1] == "at");
    return after_in_or_at || dateline_like(field, h.first, h.last) || dateline_qualifier(field, h.first);
}

}  // namespace

ArticleTagger::HeadlinePlaces ArticleTagger::find_all_places() {
    // Countries and regions named anywhere, and qualified names, help pick between
    // same-named places.
    const auto body_matches = scan(m_body, false);
    const auto title_matches = scan(m_title, false);
    const auto dateline_matches = scan(m_dateline, true);
    note_context(m_body, body_matches);
    note_context(m_title, title_matches);
    note_context(m_dateline, dateline_matches);
    note_counties(m_body);
    note_counties(m_title);
    note_qualified(m_dateline, dateline_matches, true);
    note_qualified(m_body, body_matches, false);
    note_qualified(m_title, title_matches, false);

    m_places = find_places(m_body, body_matches, false);
    apply_place_qualifiers();
    HeadlinePlaces out{find_places(m_title, title_matches, false), find_places(m_dateline, dateline_matches, true)};
    keep_dateline_qualified(out.dateline);
    drop_team_names(out.title);
    return out;
}

void ArticleTagger::drop_team_names(std::vector<PlaceHit>& title_places) {
    const FieldWords body{m_body.text, m_body.tokens, m_body.folded};
    const FieldWords title{m_title.text, m_title.tokens, m_title.folded};
    // Clubs are named after towns, and in North America after states and provinces too
    // (Texas, Minnesota); the home nations of the United Kingdom (England, Wales) field
    // national sides, which stay places, as CoNLL-2003 labels them.
    auto may_be_club = [&](const Place& p) {
        return p.kind == PlaceKind::city || (p.kind == PlaceKind::region && p.country != "United Kingdom");
    };
    std::set<std::uint32_t> teams;
    int readings = 0;
    auto find_teams = [&](const FieldWords& field, const std::vector<PlaceHit>& hits, bool count) {
        for (const auto& h : hits) {
            if (may_be_club(place_at(h.place)) && names_team(field, h.first, h.last)) {
                teams.insert(h.place);
                readings += count;
            }
        }
    };
    find_teams(body, m_places, true);
    find_teams(title, title_places, true);
    // Names inside other names ("Leeds 2 Wimbledon 0") say which names are teams, but not
    // that the article is about sport: numbers follow names in any table.
    find_teams(body, m_names_in_names.body, false);
    find_teams(title, m_names_in_names.title, false);
    if (teams.empty()) return;
    // The words around a name say team only in a sports report: its sports words, and (given
    // one) up to two team readings.
    int words = count_sports_cues(title, sports_article_cues);
    if (words < sports_article_cues) words += count_sports_cues(body, sports_article_cues - words);
    const int towns = std::min(2, readings);
    if (words == 0 || words + towns < sports_article_cues) return;
    // A place that is a team once in the article is the team wherever it is not a scene:
    // "staged in Newcastle", "Boston at Oakland" (where the game is played), a dateline or
    // its qualifier ("ARLINGTON, Texas").
    std::erase_if(m_places, [&](const PlaceHit& h) { return teams.count(h.place) && !scene(m_body, h); });
    std::erase_if(title_places, [&](const PlaceHit& h) { return teams.count(h.place) && !scene(m_title, h); });
}

void ArticleTagger::drop_company_names(std::vector<PlaceHit>& title_places) {
    std::set<std::string> names;
    for (const auto& org : m_organizations) {
        if (org.kind != "company" || !org.named) continue;
        const Analysed& field = org.title ? m_title : m_body;
        detail::PhraseMatch m;
        if (!m_gaz.match_at(field.text, field.tokens, field.folded, org.first, false, m) || m.last >= org.last) continue;
        // Countries name national companies ("Japan Air Lines") and stay countries.
        const auto& p = place_at(m.candidates.front().place);
        if (!detail::is_country(p)) names.insert(text::name_key(field.folded, m.first, m.last));
    }
    if (names.empty()) return;
    // A name the article also uses in a place sense is a place throughout: after a locative
    // word ("in south-central Kansas"; "of" alone says nothing: "9.9 pct of Piedmont"), in a
    // dateline, or with a qualifier ("Springfield, Ohio").
    auto place_sense = [](const Analysed& field, const std::vector<PlaceHit>& hits, const PlaceHit& h) {
        const bool qualified = std::any_of(hits.begin(), hits.end(), [&](const PlaceHit& q) {
            return q.first == h.last && is_comma_gap(field.gap_before(q.first));
        });
        return qualified || scene(field, h) || (h.locative && !(h.first > 0 && field.folded[h.first - 1] == "of"));
    };
    for (const auto* hits : {&m_places, &title_places}) {
        const Analysed& field = hits == &m_places ? m_body : m_title;
        for (const auto& h : *hits) {
            if (place_sense(field, *hits, h)) names.erase(text::name_key(field.folded, h.first, h.last));
        }
    }
    auto company = [&](const Analysed& field, const PlaceHit& h) {
        return !detail::is_country(place_at(h.place)) && names.count(text::name_key(field.folded, h.first, h.last));
    };
    std::erase_if(m_places, [&](const PlaceHit& h) { return company(m_body, h); });
    std::erase_if(title_places, [&](const PlaceHit& h) { return company(m_title, h); });
}

void ArticleTagger::apply_place_qualifiers() {
    for (std::size_t k = 0; k + 1 < m_places.size(); ++k) {
        const auto& city = m_places[k];
        const auto& next = m_places[k + 1];
        if (place_at(city.place).kind != PlaceKind::city || next.first != city.last || next.demonym) continue;
        // A qualifier names its country: not a feature of no known country ("New York City,
        // Long Island").
        if (!is_comma_gap(m_body.gap_before(next.first)) || country_of(next).empty()) continue;
        if (country_of(city) != country_of(next)) m_places[k].place = next.place, m_places[k].last = city.first;
    }
    std::erase_if(m_places, [](const PlaceHit& h) { return h.last <= h.first; });
}

void ArticleTagger::keep_dateline_qualified(std::vector<PlaceHit>& dateline_places) const {
    std::set<std::string> qualifiers;
    for (const auto& h : dateline_places) {
        if (h.first > 0) qualifiers.insert(country_of(h));
    }
    if (qualifiers.empty()) return;
    std::erase_if(dateline_places, [&](const PlaceHit& h) {
        return place_at(h.place).kind == PlaceKind::city && !qualifiers.count(country_of(h));
    });
}

const std::string& ArticleTagger::surname(const OfficialHit& o) const {
    return o.last > o.first ? m_body.folded[o.last - 1] : o.key;
}

std::vector<OfficialHit> ArticleTagger::merge_people() const {
    std::vector<OfficialHit> people;
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
    return people;
}

std::set<std::string> ArticleTagger::surnames_of_others() const {
    std::set<std::string> others;
    for (std::size_t t = 1; m_year != 0 && t < m_body.tokens.size(); ++t) {
        // In capitals the word before may be any word ("SAID YEUTTER").
        if (!m_body.upper[t] || !m_body.upper[t - 1] || m_body.caps[t - 1] || m_body.gap_before(t) != " ") continue;
        // The surname first: most name pairs hold none.
        auto found = m_known.find(m_body.folded[t], m_year, false);
        if (found.empty() || detail::is_non_name_word(m_body.folded[t - 1]) || detail::is_role_word(m_body.folded[t - 1])) {
            continue;
        }
        if (text::fold(found.front()->name).rfind(m_body.folded[t - 1] + " ", 0) != 0) others.insert(m_body.folded[t]);
    }
    return others;
}

std::map<const KnownOfficial*, ArticleTagger::BareSurname> ArticleTagger::bare_surnames_in_body(
    const std::set<std::string>& others) const {
    std::map<const KnownOfficial*, BareSurname> seen;
    for (std::size_t t = 0; t < m_body.tokens.size(); ++t) {
        if (!m_body.upper[t] || others.count(m_body.folded[t])) continue;
        const auto* k = known_alias(m_body, t);
        if (!k || in_official_name(t)) continue;
        ++seen.try_emplace(k, BareSurname{0, t}).first->second.count;
    }
    return seen;
}

std::set<const KnownOfficial*> ArticleTagger::bare_surnames_in_title(const std::set<std::string>& others) const {
    std::set<const KnownOfficial*> in_title;
    for (std::size_t t = 0; t < m_title.tokens.size(); ++t) {
        if (others.count(m_title.folded[t])) continue;
        if (const auto* k = known_alias(m_title, t)) in_title.insert(k);
    }
    return in_title;
}

void ArticleTagger::add_surname_only_officials(std::vector<OfficialHit>& people) const {
    const auto others = surnames_of_others();
    const auto seen = bare_surnames_in_body(others);
    const auto in_title = bare_surnames_in_title(others);
    auto add_known = [&](const detail::KnownOfficial* k, std::size_t first, std::size_t last, std::string key) {
        bool known = std::any_of(people.begin(), people.end(), [&](const OfficialHit& p) { return p.name == k->name; });
        if (!known) people.push_back({first, last, k->name, k->role, k->country, std::move(key)});
    };
    for (const auto& [k, bare] : seen) {
        bool lead = m_body.tokens[bare.first_token].start < m_lead_end;
        if (bare.count >= 2 || lead || in_title.count(k)) add_known(k, bare.first_token, bare.first_token + 1, {});
    }
    for (const auto* k : in_title) {
        if (seen.count(k)) continue;
        std::string key;
        for (std::size_t t = 0; t < m_title.tokens.size(); ++t) {
            if (known_alias(m_title, t) == k) key = m_title.folded[t];
        }
        add_known(k, 0, 0, key);
    }
}

bool ArticleTagger::in_official_name(std::size_t token) const {
    return std::any_of(m_officials.begin(), m_officials.end(),
                       [&](const OfficialHit& o) { return token >= o.first && token < o.last; });
}

std::size_t ArticleTagger::body_dateline_end() const {
    if (m_body.tokens.empty() || !text::all_upper(m_body.word(0)) || m_body.word(0).size() <= 1) return 0;
    auto comma = m_body.text.find(',');
    return comma != std::string_view::npos && comma < 60 ? comma : 0;
}

Mention ArticleTagger::place_mention(const PlaceHit& h) const {
    const auto& p = place_at(h.place);
    Mention m;
    m.facet = detail::is_country(p) ? Facet::country : Facet::location;
    m.value = detail::is_country(p) ? country_of(h) : p.value;
    m.start = m_body.tokens[h.first].start;
    m.end = m_body.tokens[h.last - 1].end;
    // A dotted abbreviation keeps its final period: "U.S.", not "U.S".
    if (m.end < m_body.text.size() && m_body.text[m.end] == '.' &&
        m_body.text.substr(m.start, m.end - m.start).find('.') != std::string_view::npos) {
        ++m.end;
    }
    m.text = std::string(m_body.text.substr(m.start, m.end - m.start));
    m.demonym = h.demonym;
    return m;
}

void ArticleTagger::add_body_places(Tagging& out, Salience& salience) const {
    const std::size_t lead_end = m_lead_end;
    const std::size_t dateline_end = body_dateline_end();
    for (const auto& h : m_places) {
        // Place mentions inside an official's name ("Georgia" in a name) are not places.
        if (in_official_name(h.first)) continue;
        // Nor inside an organisation's ("Bank of England"), though they say which country it is.
        if (in_organization_name(h.first)) {
            const auto country = country_of(h);
            if (!country.empty()) salience.add(country, evidence_body, Salience::Source::body);
            continue;
        }
        const auto& p = place_at(h.place);
        out.mentions.push_back(place_mention(h));
        const Mention& m = out.mentions.back();

        auto country = country_of(h);
        bool lead = m.start < lead_end;
        bool dateline = m.end <= dateline_end;
        // "The Canadian dollar", "U.S. currency": the money, not the country.
        if (detail::is_country(p) && names_currency(m_body, h)) continue;
        // "The Paris accord", "the Paris Club": an agreement, not a place of the story.
        if (names_agreement(m_body, h)) continue;
        if (!country.empty()) {
            double w = dateline ? evidence_dateline : (lead ? evidence_lead : evidence_body);
            const auto source = dateline                                  ? Salience::Source::dateline
                                : detail::is_country(p) && names_forces(h) ? Salience::Source::party
                                                                           : Salience::Source::body;
            salience.add(country, h.demonym ? w * demonym_share : w, source);
            if (!detail::is_country(p)) salience.countries[country].by_place = true;
            ++salience.countries[country].mentions;
        }
        if (detail::is_country(p)) continue;
        // A capital alone often stands for its government ("Moscow said"): a location
        // only in a place sense. Any place named twice is one (add_cities_named_twice).
        // Regions, seas and continents are backdrop more often than scene: they count
        // from the dateline, a place sense in the lead, or a second mention.
        // A city named once deep in the text counts where it is a scene ("in Kharkiv"),
        // not as a comparison, origin or destination ("ports such as Rotterdam").
        bool salient = p.kind == PlaceKind::region ? (dateline || (lead && h.locative))
                       : p.capital                ? (h.locative || dateline)
                                                  : (h.locative || dateline || (lead && !h.passing));
        if (salient) {
            // A place counts once, however often it is named.
            if (salience.locations.insert(p.value).second) {
                salience.add(country, evidence_salient_place,
                             lead || dateline ? Salience::Source::body : Salience::Source::deep_place);
            }
        } else {
            ++salience.passing_cities[p.value];
        }
    }
}

bool ArticleTagger::names_currency(const Analysed& field, const PlaceHit& h) const {
    return h.last < field.tokens.size() && field.gap_before(h.last) == " " &&
           detail::is_currency_word(field.folded[h.last]);
}

bool ArticleTagger::names_agreement(const Analysed& field, const PlaceHit& h) const {
    if (h.last >= field.tokens.size() || h.demonym || field.gap_before(h.last) != " " ||
        !detail::is_agreement_word(field.folded[h.last])) {
        return false;
    }
    return !detail::is_country(place_at(h.place)) || (field.upper[h.last] && !field.caps[h.last]);
}

bool ArticleTagger::names_forces(const PlaceHit& h) const {
    return h.last < m_body.tokens.size() && m_body.gap_before(h.last) == " " &&
           detail::is_military_word(m_body.folded[h.last]);
}

void ArticleTagger::add_headline_places(const HeadlinePlaces& places, Salience& salience) const {
    for (const auto* field : {&places.title, &places.dateline}) {
        for (const auto& h : *field) {
            const auto& p = place_at(h.place);
            auto country = country_of(h);
            const bool in_title = field == &places.title;
            const auto title_source = in_title && m_title.caps[h.first] ? Salience::Source::title_in_capitals
                                                                        : Salience::Source::title;
            if (in_title && names_agreement(m_title, h)) continue;
            // "SWISS FRANC NOTES", "CANADIAN DLR BOND": the money, as in the body.
            if (in_title && detail::is_country(p) && names_currency(m_title, h)) continue;
            // A headline's capital is as often the government as the place ("Baku protests").
            if (p.kind == PlaceKind::city && p.capital && !h.locative && in_title) {
                salience.add(country, evidence_body, title_source);
                continue;
            }
            if (!detail::is_country(p)) salience.locations.insert(p.value);
            if (!country.empty()) {
                salience.add(country, h.demonym ? evidence_dateline * demonym_share : evidence_dateline,
                             in_title ? title_source : Salience::Source::dateline);
                if (!detail::is_country(p)) salience.countries[country].by_place = true;
                ++salience.countries[country].mentions;
            }
        }
    }
}

void ArticleTagger::add_cities_named_twice(Salience& salience) const {
    for (const auto& h : m_places) {
        const auto& p = place_at(h.place);
        if (!detail::is_country(p) && !p.capital && salience.passing_cities[p.value] >= 2 &&
            salience.locations.insert(p.value).second) {
            salience.add(country_then(p.country), evidence_salient_place, Salience::Source::body);
        }
    }
}

void ArticleTagger::add_people(Tagging& out, const std::vector<OfficialHit>& people, Salience& salience) const {
    for (const auto& person : people) {
        out.officials.push_back({person.name, person.role, person.country});
        if (person.country.empty()) continue;
        // Named in the lead, an official is one of the story's subjects (see salient_country).
        const bool in_lead = person.first < person.last && m_body.tokens[person.first].start < m_lead_end;
        salience.add(person.country, evidence_official, in_lead ? Salience::Source::official : Salience::Source::body);
    }
}

void ArticleTagger::add_official_mentions(Tagging& out, const std::vector<OfficialHit>& people) const {
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
    add_later_surname_mentions(out, people);
}

void ArticleTagger::add_later_surname_mentions(Tagging& out, const std::vector<OfficialHit>& people) const {
    if (people.empty()) return;
    for (std::size_t t = 0; t < m_body.tokens.size(); ++t) {
        // Most words are nobody's surname: look that up before reading the context.
        const auto person = std::find_if(people.begin(), people.end(),
                                         [&](const OfficialHit& p) { return m_body.folded[t] == surname(p); });
        if (person == people.end()) continue;
        if (in_official_name(t) || !text::starts_upper(m_body.word(t))) continue;
        // "Naina Yeltsin" is another Yeltsin.
        if (t > 0 && m_body.gap_before(t) == " " && text::starts_upper(m_body.word(t - 1)) && !m_body.caps[t - 1] &&
            !detail::is_non_name_word(m_body.folded[t - 1]) && !detail::is_role_word(m_body.folded[t - 1]) &&
            !detail::is_rank_word(m_body.folded[t - 1])) {
            continue;
        }
        // "Bentsen-era", "pre-Castro", "the Brady Bill": part of another word or name.
        if (m_body.gap_before(t).ends_with('-') || m_body.gap_after(t).starts_with('-') || continues_name(t + 1)) continue;
        // With its particles and initials: "de Klerk", "B. Yeltsin".
        std::size_t first = t;
        while (first > 0 && (m_body.gap_before(first) == " " || m_body.gap_before(first) == ". ") &&
               (detail::is_name_particle(m_body.word(first - 1)) ||
                (m_body.word(first - 1).size() == 1 && m_body.upper[first - 1] && m_body.gap_before(first) == ". "))) {
            --first;
        }
        Mention m;
        m.facet = Facet::official;
        m.value = person->name;
        m.start = m_body.tokens[first].start;
        m.end = m_body.tokens[t].end;
        m.text = std::string(m_body.text.substr(m.start, m.end - m.start));
        out.mentions.push_back(m);
    }
}

std::string ArticleTagger::dominant_country(const Salience& salience) {
    // Local news names its towns and counties, never its own country: a country whose places
    // hold most of the article's evidence is its country though named too little, or not at
    // all. Its own name does not count towards that ("the U.S. dollar" once is no article
    // about the United States), nor do areas of no one country.
    double total = 0;
    const std::pair<const std::string, CountryEvidence>* top = nullptr;
    for (const auto& entry : salience.countries) {
        if (entry.first.empty()) continue;
        total += entry.second.total;
        if (!top || entry.second.total > top->second.total) top = &entry;
    }
    if (!top || !borne_out(top->second) || top->second.total <= total - top->second.total) return {};
    // The only country of the article, named twice ("British" and "UK"), is its country too.
    const bool only = top->second.total == total;
    if (!top->second.by_place && !(only && top->second.mentions >= 2)) return {};
    return top->first;
}

bool ArticleTagger::borne_out(const CountryEvidence& e) {
    // In a headline in capitals any word may read as a place ("SALE" as Salé, "BANCO DI
    // SICILIA"): there the headline counts where the body or the dateline bears it out.
    return e.beyond_title || e.title_in_mixed_case;
}

bool ArticleTagger::salient_country(const CountryEvidence& e, bool datelined_elsewhere) {
    if (e.total < salience_threshold) return false;
    if (!borne_out(e)) return false;
    // The dateline and the headline say where a story is: a country they leave out, in a story
    // datelined in another country, is mostly a trading partner, a market or a comparison; it
    // needs more evidence and more mentions, and a place in it named only outside the lead is a
    // backdrop.
    // A party to fighting in the story ("Russian missiles struck") is one of its subjects, and
    // so is the country of an official its lead names (a visitor or a negotiator abroad:
    // "BRUSSELS - Zelensky met NATO ministers").
    if (datelined_elsewhere && !e.dateline && e.title == 0 && !e.party && !e.official) {
        return e.mentions >= off_dateline_mentions &&
               e.total - e.deep_places * (1 - deep_place_share) >= evidence_off_dateline;
    }
    return true;
}

void ArticleTagger::set_facets(Tagging& out, const Salience& salience) {
    const auto dateline_countries = std::count_if(salience.countries.begin(), salience.countries.end(),
                                                  [](const auto& c) { return c.second.dateline; });
    auto datelined_elsewhere = [&](const CountryEvidence& e) { return dateline_countries > (e.dateline ? 1 : 0); };
    std::set<std::string> countries;
    for (const auto& [country, evidence] : salience.countries) {
        // Areas of no one country (Europe) have none.
        if (country.empty()) continue;
        if (salient_country(evidence, datelined_elsewhere(evidence))) countries.insert(country);
    }
    // The dominant country stands for the country local news never names; a dateline names
    // the story's country, and a company's seat ("Dusseldorf, West Germany") or a market that
    // outweighs it in a New York story is no home country.
    if (auto local = dominant_country(salience);
        !local.empty() && !datelined_elsewhere(salience.countries.at(local))) {
        countries.insert(std::move(local));
    }
    out.facets.country.assign(countries.begin(), countries.end());
    out.facets.location.assign(salience.locations.begin(), salience.locations.end());
    std::set<std::string> names;
    for (const auto& o : out.officials) names.insert(o.name);
    out.facets.official.assign(names.begin(), names.end());
}

// Organisation salience, as for countries and cities: named in the headline, in the lead (as a
// city named there), or twice in the body.
void ArticleTagger::add_organizations(Tagging& out) const {
    if (m_organizations.empty()) return;
    const std::size_t lead_end = m_lead_end;
    std::map<std::string, double> evidence;
    std::map<std::string, const OrganizationHit*> first_hit;
    for (const auto& hit : m_organizations) {
        if (!hit.title && !hit.nominal) out.mentions.push_back(organization_mention(hit));
        if (!hit.named) continue;
        double w = hit.title ? evidence_dateline
                             : (m_body.tokens[hit.first].start < lead_end ? salience_threshold : evidence_body);
        evidence[hit.name] += w;
        first_hit.try_emplace(hit.name, &hit);
    }
    for (const auto& [name, e] : evidence) {
        if (e < salience_threshold) continue;
        out.organizations.push_back({name, first_hit[name]->kind});
        out.facets.organization.push_back(name);
    }
}

}  // namespace newsfacet::detail
