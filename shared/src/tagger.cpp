#include <newsfacet/tagger.hpp>

#include <algorithm>
#include <cstdlib>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <newsfacet/error.hpp>

#include "gazetteer.hpp"
#include "known_officials.hpp"
#include "roles.hpp"
#include "text.hpp"

namespace newsfacet {

struct Tagger::Impl {
    detail::Gazetteer gazetteer;
    detail::KnownOfficials known;
};

namespace {

using detail::Place;
using detail::PlaceKind;

// One field's words, with folded forms for lexicon lookups.
struct Analysed {
    std::string_view text;
    std::vector<text::Token> tokens;
    std::vector<std::string> folded;
    // Bytes rather than std::vector<bool>: read for every token, so cheap access matters.
    std::vector<std::uint8_t> upper;       // starts with a capital
    std::vector<std::uint8_t> role_start;  // an office head or modifier

    explicit Analysed(std::string_view t) : text(t), tokens(text::words(t)) {
        folded.reserve(tokens.size());
        upper.reserve(tokens.size());
        role_start.reserve(tokens.size());
        for (const auto& tok : tokens) {
            folded.push_back(text::fold(word(tok)));
            upper.push_back(text::starts_upper(word(tok)));
            // Computed once: most words can start neither a place nor an office.
            role_start.push_back(detail::is_role_word(folded.back()));
        }
    }
    [[nodiscard]] std::string_view word(const text::Token& tok) const {
        return text.substr(tok.start, tok.end - tok.start);
    }
    [[nodiscard]] std::string_view word(std::size_t i) const { return word(tokens[i]); }
    [[nodiscard]] std::string_view gap_before(std::size_t i) const {
        if (i == 0) return text.substr(0, tokens[0].start);
        return text.substr(tokens[i - 1].end, tokens[i].start - tokens[i - 1].end);
    }
    [[nodiscard]] std::string_view gap_after(std::size_t i) const {
        auto end = i + 1 < tokens.size() ? tokens[i + 1].start : text.size();
        return text.substr(tokens[i].end, end - tokens[i].end);
    }
};

// A resolved place mention.
struct PlaceHit {
    std::size_t first;
    std::size_t last;
    std::uint32_t place;
    bool demonym;
    bool locative;
    bool passing;  // "from X", "to X": an origin or destination, not where things happen
};

struct OfficialHit {
    std::size_t first;  // name tokens [first, last); empty for a headline-only mention
    std::size_t last;
    std::string name;
    std::string role;
    std::string country;
    std::string key = {};  // folded surname when there are no tokens
};

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

// The end of the lead: the first two sentences (or the first paragraph if shorter).
std::size_t lead_end_of(std::string_view text) {
    int sentences = 0;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        char c = text[i];
        if (c == '\n' && text[i + 1] == '\n') return i;
        if ((c == '.' || c == '!' || c == '?') && (text[i + 1] == ' ' || text[i + 1] == '\n') && ++sentences == 2) {
            return i;
        }
    }
    return text.size();
}

bool is_possessive_gap(std::string_view gap) {
    return gap == "'s " || gap == "\xE2\x80\x99s " || gap == "' " || gap == "\xE2\x80\x99 " || gap == " 's ";
}

// ", " — also as tokenised text writes it (" , ").
bool is_comma_gap(std::string_view gap) { return gap == ", " || gap == " , "; }

class ArticleTagger {
public:
    ArticleTagger(const detail::Gazetteer& gaz, const detail::KnownOfficials& known, const Article& article)
        : m_gaz(gaz),
          m_known(known),
          m_body(article.body),
          m_title(article.title),
          m_dateline(article.dateline),
          m_year(article.date.size() >= 4 ? std::atoi(article.date.substr(0, 4).c_str()) : 0) {}

    Tagging run();

private:
    std::vector<PlaceHit> find_places(const Analysed& field, const std::vector<detail::PhraseMatch>& matches,
                                      const std::set<std::string>& countries, bool dateline) const;
    std::vector<detail::PhraseMatch> scan(const Analysed& field, bool dateline) const;
    std::set<std::string> countries_named(const std::vector<detail::PhraseMatch>& matches) const;
    std::string country_of(const PlaceHit& hit) const;
    bool part_of_other_name(const Analysed& field, std::size_t first, std::size_t last, const Place& place) const;
    const PlaceHit* place_ending_at(std::size_t token) const;
    const PlaceHit* place_starting_at(std::size_t token) const;
    std::string country_before(std::size_t role_first) const;
    std::string country_after(std::size_t role_last) const;
    std::size_t name_forward(std::size_t i) const;
    std::size_t name_backward(std::size_t end) const;
    bool name_ok(std::size_t first, std::size_t last) const;
    std::string name_text(std::size_t first, std::size_t last) const;
    void find_officials();
    bool private_office(const detail::RoleMatch& role) const;
    void add_official(std::size_t first, std::size_t last, const std::string& role,
                      const std::string& country);

    void use_known_officials();
    const detail::KnownOfficial* known_alias(const Analysed& field, std::size_t t) const;

    const detail::Gazetteer& m_gaz;
    const detail::KnownOfficials& m_known;
    Analysed m_body;
    Analysed m_title;
    Analysed m_dateline;
    int m_year;
    std::vector<PlaceHit> m_places;
    std::vector<OfficialHit> m_officials;
};

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

// "Azerbaijani President", "Russia's ambassador", "the Ukrainian foreign minister".
std::string ArticleTagger::country_before(std::size_t role_first) const {
    if (role_first == 0) return {};
    const auto* hit = place_ending_at(role_first);
    if (!hit) return {};
    auto gap = m_body.gap_before(role_first);
    if (gap == " " || is_possessive_gap(gap)) return country_of(*hit);
    return {};
}

// "the president of Azerbaijan", "the mayor of Beirut".
std::string ArticleTagger::country_after(std::size_t role_last) const {
    if (role_last + 1 >= m_body.tokens.size() || m_body.folded[role_last] != "of") return {};
    std::size_t k = role_last + 1;
    if (m_body.folded[k] == "the" && k + 1 < m_body.tokens.size()) ++k;
    if (const auto* hit = place_starting_at(k); hit && !hit->demonym) return country_of(*hit);
    return {};
}

// The end of a capitalised name starting at token i (i itself if there is none).
std::size_t ArticleTagger::name_forward(std::size_t i) const {
    std::size_t k = i;
    while (k < m_body.tokens.size() && k < i + 4) {
        if (k > i) {
            auto gap = m_body.gap_before(k);
            bool initial = m_body.word(k - 1).size() == 1 && gap == ". ";
            if (gap != " " && gap != "-" && !initial) break;
        }
        auto w = m_body.word(k);
        if (text::starts_upper(w)) {
            // A rank starts no name ("Major Thein ..."), but may be one ("John Major").
            if (detail::is_non_name_word(m_body.folded[k]) || detail::is_role_word(m_body.folded[k]) ||
                (k == i && detail::is_rank_word(m_body.folded[k]))) {
                break;
            }
            if (const auto* hit = place_starting_at(k); hit && detail::is_country(m_gaz.place(hit->place))) break;
        } else if (!(detail::is_name_particle(w) && k + 1 < m_body.tokens.size() && k > i &&
                     text::starts_upper(m_body.word(k + 1)))) {
            break;
        }
        ++k;
    }
    return k;
}

// The start of a capitalised name ending just before token `end`.
std::size_t ArticleTagger::name_backward(std::size_t end) const {
    std::size_t k = end;
    while (k > 0 && end - k < 4) {
        std::size_t j = k - 1;
        if (j + 1 < end) {
            auto gap = m_body.gap_after(j);
            bool initial = m_body.word(j).size() == 1 && gap == ". ";
            if (gap != " " && gap != "-" && !initial) break;
        }
        auto w = m_body.word(j);
        if (!text::starts_upper(w) && !(detail::is_name_particle(w) && j + 1 < end)) break;
        if (detail::is_non_name_word(m_body.folded[j]) || detail::is_role_word(m_body.folded[j]) ||
            detail::is_rank_word(m_body.folded[j])) {
            break;
        }
        k = j;
    }
    // A particle cannot start a name.
    while (k < end && !text::starts_upper(m_body.word(k))) ++k;
    return k;
}

bool ArticleTagger::name_ok(std::size_t first, std::size_t last) const {
    if (first >= last) return false;
    for (const auto& h : m_places) {
        // A name that is exactly a place ("South Africa") is not a person.
        if (h.first == first && h.last == last) return false;
    }
    return true;
}

std::string ArticleTagger::name_text(std::size_t first, std::size_t last) const {
    auto start = m_body.tokens[first].start;
    auto end = m_body.tokens[last - 1].end;
    return std::string(m_body.text.substr(start, end - start));
}

void ArticleTagger::add_official(std::size_t first, std::size_t last, const std::string& role,
                                 const std::string& country) {
    for (const auto& o : m_officials) {
        if (o.first == first) return;
    }
    m_officials.push_back({first, last, name_text(first, last), role, country});
}

// "union president", "general secretary of the dockers' union": offices of private bodies.
bool ArticleTagger::private_office(const detail::RoleMatch& role) const {
    if (role.first > 0 && detail::is_private_body_word(m_body.folded[role.first - 1])) return true;
    const auto n = m_body.tokens.size();
    if (role.last < n && m_body.folded[role.last] == "of") {
        for (std::size_t k = role.last + 1; k < n && k < role.last + 6; ++k) {
            if (m_body.gap_before(k).find_first_of(",.;") != std::string_view::npos) break;
            if (detail::is_private_body_word(m_body.folded[k])) return true;
        }
    }
    return false;
}

void ArticleTagger::find_officials() {
    const auto n = m_body.tokens.size();
    detail::RoleMatch role;
    for (std::size_t i = 0; i < n; ++i) {
        if (!m_body.role_start[i] || !detail::match_role(m_body.text, m_body.tokens, m_body.folded, i, role)) continue;
        if (private_office(role)) {
            i = role.last - 1;
            continue;
        }
        std::string country = country_before(role.first);
        if (country.empty()) country = country_after(role.last);
        // "President Ilham Aliyev", "spokesman Lieutenant Colonel Eyal Shani", "US Ambassador
        // to Iraq Rebecca Thornton": the office (and rank, or "to/of PLACE") right before the name.
        std::size_t start = role.last;
        if (start + 1 < n && (m_body.folded[start] == "to" || m_body.folded[start] == "of")) {
            if (const auto* hit = place_starting_at(start + 1); hit && !hit->demonym) start = hit->last;
        }
        while (start < n && detail::is_rank_word(m_body.folded[start]) && text::starts_upper(m_body.word(start)) &&
               m_body.gap_before(start) == " ") {
            ++start;
        }
        if (start < n && m_body.gap_before(start) == " ") {
            auto end = name_forward(start);
            if (name_ok(start, end)) {
                add_official(start, end, role.role, country);
                i = end - 1;
                continue;
            }
        }
        // "Russia's ambassador, Mikhail Yevdokimov," / "Sudan's envoy to the UN, Ahmed El-Tayeb,"
        std::size_t k = role.last;
        if (k < n && (m_body.folded[k] == "to" || m_body.folded[k] == "of" || m_body.folded[k] == "for" ||
                      m_body.folded[k] == "in")) {
            std::size_t limit = std::min(n, k + 7);
            ++k;
            while (k < limit && m_body.gap_before(k) == " ") ++k;
        }
        if (k < n && k > role.last && !is_comma_gap(m_body.gap_before(k))) k = n;
        if (k < n && is_comma_gap(m_body.gap_before(k))) {
            while (k < n && detail::is_rank_word(m_body.folded[k]) && m_body.gap_after(k) == " ") ++k;
            auto end = name_forward(k);
            if (end - k >= 2 && name_ok(k, end)) {
                auto after = end < n ? m_body.gap_before(end) : std::string_view(".");
                bool closes = !after.empty() && (after[0] == ',' || after[0] == '.' || after[0] == ';' ||
                                                 after[0] == ')');
                if (!closes && end < n) {
                    closes = m_body.folded[end] == "said" || m_body.folded[end] == "says" ||
                             m_body.folded[end] == "told";
                }
                if (closes) {
                    add_official(k, end, role.role, country);
                    i = end - 1;
                    continue;
                }
            }
        }
        i = role.last - 1;
    }
    // "Ilham Aliyev, the president of Azerbaijan" / "Oksana Hrytsenko, Ukraine's foreign minister".
    for (std::size_t p = 0; p + 1 < n; ++p) {
        auto gap = m_body.gap_after(p);
        if (!is_comma_gap(gap)) continue;
        std::size_t k = p + 1;
        if (m_body.folded[k] == "the" || m_body.folded[k] == "a" || m_body.folded[k] == "an") ++k;
        std::string country;
        if (k < n) {
            if (const auto* hit = place_starting_at(k)) {
                auto g = hit->last < n ? m_body.gap_before(hit->last) : std::string_view();
                if (g == " " || is_possessive_gap(g)) {
                    country = country_of(*hit);
                    k = hit->last;
                }
            }
        }
        if (k >= n || !m_body.role_start[k] || !detail::match_role(m_body.text, m_body.tokens, m_body.folded, k, role)) {
            continue;
        }
        if (private_office(role)) continue;
        auto first = name_backward(p + 1);
        if (p + 1 - first < 2 || !name_ok(first, p + 1)) continue;
        if (country.empty()) country = country_after(role.last);
        add_official(first, p + 1, role.role, country);
    }
}

// A known official's bare surname at token t ("Lyng said", "YEUTTER SEEKS"), unless it is part
// of another name ("Naina Yeltsin") or of a place.
const detail::KnownOfficial* ArticleTagger::known_alias(const Analysed& field, std::size_t t) const {
    // Without a date there is no telling which Bolton or Camacho a bare surname means.
    if (m_year == 0 || !field.upper[t]) return nullptr;
    if (t > 0 && field.gap_before(t) == " " && field.upper[t - 1] && !text::all_upper(field.word(t - 1)) &&
        !detail::is_non_name_word(field.folded[t - 1]) && !detail::is_role_word(field.folded[t - 1])) {
        return nullptr;
    }
    if (t + 1 < field.tokens.size() && field.gap_before(t + 1) == " " && field.upper[t + 1] &&
        !text::all_upper(field.word(t + 1)) && !detail::is_non_name_word(field.folded[t + 1])) {
        return nullptr;
    }
    auto found = m_known.find(field.folded[t], m_year, false);
    return found.empty() ? nullptr : found.front();
}

// Completes names from the known-officials list ("President Reagan" -> Ronald Reagan) and finds
// known officials named in full without an office ("Mikhail Gorbachev said").
void ArticleTagger::use_known_officials() {
    for (auto& o : m_officials) {
        std::string key;
        for (auto t = o.first; t < o.last; ++t) key += (key.empty() ? "" : " ") + m_body.folded[t];
        auto full = m_known.find(key, m_year, true);
        const detail::KnownOfficial* k = full.empty() ? nullptr : full.front();
        if (!k && o.last - o.first == 1) k = known_alias(m_body, o.first) ? m_known.find(key, m_year, false).front() : nullptr;
        if (!k) continue;
        o.name = k->name;
        if (o.country.empty()) o.country = k->country;
        if (o.role.empty()) o.role = k->role;
    }
    const auto n = m_body.tokens.size();
    for (std::size_t t = 0; t + 1 < n; ++t) {
        if (!m_body.upper[t] || !m_known.starts_full_name(m_body.folded[t])) continue;
        std::string key = m_body.folded[t];
        for (std::size_t end = t + 1; end < n && end <= t + m_known.max_tokens(); ++end) {
            auto gap = m_body.gap_before(end);
            bool initial = gap == ". " && m_body.word(end - 1).size() == 1;  // "George W. Bush"
            if (gap != " " && gap != "-" && !initial) break;
            key += " " + m_body.folded[end];
            auto found = m_known.find(key, m_year, true);
            if (found.empty()) continue;
            bool taken = std::any_of(m_officials.begin(), m_officials.end(),
                                     [&](const OfficialHit& o) { return t < o.last && end + 1 > o.first; });
            if (!taken) m_officials.push_back({t, end + 1, found.front()->name, found.front()->role, found.front()->country});
            t = end;
            break;
        }
    }
}

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
            bool lead = m_body.tokens[info.second].start < lead_end_of(m_body.text);
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

    const std::size_t lead_end = lead_end_of(m_body.text);
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

}  // namespace

Tagger::Tagger()
    : m_impl(std::make_shared<Impl>(Impl{detail::Gazetteer(detail::builtin_gazetteer(), "built-in gazetteer"),
                                         detail::KnownOfficials(detail::builtin_officials(), "built-in officials")})) {}

Tagger::Tagger(const std::filesystem::path& gazetteer) {
    std::ifstream in(gazetteer, std::ios::binary);
    if (!in) throw InputError(gazetteer.string(), 0, "cannot read gazetteer file");
    std::ostringstream buf;
    buf << in.rdbuf();
    m_impl = std::make_shared<Impl>(Impl{detail::Gazetteer(buf.str(), gazetteer.string()),
                                         detail::KnownOfficials(detail::builtin_officials(), "built-in officials")});
}

Tagger::~Tagger() = default;
Tagger::Tagger(const Tagger&) = default;
Tagger& Tagger::operator=(const Tagger&) = default;
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;

Tagging Tagger::tag(const Article& article) const {
    return ArticleTagger(m_impl->gazetteer, m_impl->known, article).run();
}

std::optional<std::string> Tagger::canonical(Facet facet, std::string_view value) const {
    if (facet == Facet::official) {
        // Officials: the known-officials list, by full name or an unambiguous alias.
        std::string key;
        for (const auto& t : text::words(value)) {
            if (!key.empty()) key.push_back(' ');
            key += text::fold(value.substr(t.start, t.end - t.start));
        }
        auto found = m_impl->known.find(key, 0, true);
        if (found.empty()) found = m_impl->known.find(key, 0, false);
        if (found.empty()) return std::nullopt;
        return found.front()->name;
    }
    const auto* cands = m_impl->gazetteer.lookup(value);
    if (!cands) return std::nullopt;
    for (const auto& c : *cands) {
        const auto& p = m_impl->gazetteer.place(c.place);
        bool is_city = !detail::is_country(p);
        if (facet == Facet::location && is_city && !c.demonym) return p.value;
        if (facet == Facet::country && !is_city) return p.value;
    }
    return std::nullopt;
}

std::string facet_key(std::string_view value) { return text::fold(value); }

}  // namespace newsfacet
