#include "tag/article_tagger.hpp"

#include <algorithm>
#include <set>

// Finding officials: office patterns, names, private offices, the known-officials list.

namespace newsfacet::detail {
namespace {

// A regnal number after a name: "I" to "XX".
bool is_roman_numeral(std::string_view w) {
    return !w.empty() && w.size() <= 4 && w.find_first_not_of("IVX") == std::string_view::npos;
}

}  // namespace

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
    const auto n = m_body.tokens.size();
    // Particles before a capitalised word ("van der Pas", "bin Laden").
    auto particles_then_name = [&](std::size_t k) {
        while (k < n && detail::is_name_particle(m_body.word(k)) && (m_body.gap_after(k) == " " || m_body.gap_after(k) == "-")) ++k;
        return k < n && text::starts_upper(m_body.word(k));
    };
    std::size_t k = i;
    std::size_t words = 0;  // initials do not count
    while (k < n && words < 4) {
        if (k > i) {
            auto gap = m_body.gap_before(k);
            // "George W. Bush", "F.W. de Klerk".
            bool initial = m_body.word(k - 1).size() == 1 && (gap == ". " || gap == ".");
            if (!is_name_gap(m_body, k) && gap != "-" && !initial) break;
        }
        auto w = m_body.word(k);
        if (k > i && is_roman_numeral(w)) {
            // "Queen Elizabeth I", "Juan Carlos I".
        } else if (text::starts_upper(w)) {
            // A rank starts no name ("Major Thein ..."), but may be one ("John Major").
            // "Mervyn King", "Martin Luther King Jr": a surname, unless a name follows it.
            const bool surname_king = k > i && m_body.folded[k] == "king" && !continues_name(k + 1);
            if ((detail::is_non_name_word(m_body.folded[k]) || detail::is_role_word(m_body.folded[k]) ||
                 (k == i && detail::is_rank_word(m_body.folded[k]))) && !surname_king) {
                break;
            }
            if (const auto* hit = place_starting_at(k); hit && detail::is_country(place_at(hit->place))) break;
        } else if (k == i) {
            break;
        } else if (m_body.gap_before(k) == "-") {
            // "Banharn Silpa-archa", "Lee Ki-choo": a hyphenated name's second part.
        } else if (!(detail::is_name_particle(w) && particles_then_name(k))) {
            break;
        }
        if (w.size() > 1 && !detail::is_name_particle(w)) ++words;
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
            if (!is_name_gap(m_body, j + 1) && gap != "-" && !initial) break;
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

// A name's word k continues it: a space or hyphen before it, or an initial ("George W. Bush").
bool ArticleTagger::joins_name(std::size_t k) const {
    auto gap = m_body.gap_before(k);
    return is_name_gap(m_body, k) || gap == "-" || (gap == ". " && m_body.word(k - 1).size() == 1);
}

std::size_t ArticleTagger::known_name_forward(std::size_t first) const {
    const auto n = m_body.tokens.size();
    std::size_t limit = first + 1;
    while (limit < n && limit < first + m_known.max_tokens() && joins_name(limit)) ++limit;
    for (std::size_t end = limit; end > first + 1; --end) {
        if (!m_known.find(text::name_key(m_body.folded, first, end), m_year, true).empty()) return end;
    }
    return m_known.find(m_body.folded[first], m_year, false).empty() ? first : first + 1;
}

// A word in capitals that may be part of a name: none of the words that never are.
bool ArticleTagger::name_word_in_capitals(std::size_t k) const {
    const auto& f = m_body.folded[k];
    return m_body.caps[k] && f.size() > 1 && !detail::is_non_name_word(f) && !detail::is_closed_class_word(f) &&
           !detail::is_role_word(f) && !detail::is_rank_word(f) && !place_starting_at(k);
}

std::size_t ArticleTagger::name_in_capitals(std::size_t first) const {
    if (auto end = known_name_forward(first); end > first) return end;
    // Else the tagger's pattern "office, name, end of subject": "FINANCE SECRETARY JAIME
    // ONGPIN TOLD", "PRIME MINISTER BRANKO MIKULIC WAS". Two or three words, none of them a
    // word that is never a name; one word alone ("PRESIDENT JONES SAID") is not enough.
    const auto n = m_body.tokens.size();
    auto name_word = [&](std::size_t k) { return name_word_in_capitals(k); };
    std::size_t end = first;
    while (end < n && end < first + 3 && (end == first || joins_name(end)) && name_word(end)) ++end;
    if (end - first < 2) return first;
    if (end == n) return end;
    const auto gap = m_body.gap_before(end);
    const bool punctuation = !gap.empty() && gap.find_first_of(",.;:)") != std::string_view::npos;
    return punctuation || (gap == " " && detail::is_subject_end_word(m_body.folded[end])) ? end : first;
}

std::size_t ArticleTagger::name_in_capitals_backward(std::size_t end) const {
    if (auto first = known_name_backward(end); first < end) return first;
    // "THAT BERYL SPRINKEL, CHAIRMAN OF ...": two or three words after a word that is no name.
    std::size_t first = end;
    while (first > 0 && end - first < 3 && (first == end || joins_name(first)) && name_word_in_capitals(first - 1)) {
        --first;
    }
    if (end - first < 2) return end;
    const bool bounded = first == 0 || !joins_name(first) || !name_word_in_capitals(first - 1);
    return bounded ? first : end;
}

std::size_t ArticleTagger::known_name_backward(std::size_t end) const {
    std::size_t start = end - 1;
    while (start > 0 && end - start < m_known.max_tokens() && joins_name(start)) --start;
    for (; start + 1 < end; ++start) {
        if (!m_known.find(text::name_key(m_body.folded, start, end), m_year, true).empty()) return start;
    }
    return end;
}

bool ArticleTagger::name_ok(std::size_t first, std::size_t last) const {
    if (first >= last) return false;
    // "Vivendi advisor Deutsche Bank", "Chairman of the Environmental Audit Committee",
    // "King Cross station".
    if (last < m_body.tokens.size() && m_body.gap_before(last) == " " && detail::is_body_noun(m_body.folded[last])) {
        return false;
    }
    for (const auto& h : m_places) {
        // A name that is exactly a place ("South Africa") is not a person.
        if (h.first == first && h.last == last) return false;
    }
    return true;
}

std::string ArticleTagger::name_text(std::size_t first, std::size_t last) const {
    auto start = m_body.tokens[first].start;
    auto end = m_body.tokens[last - 1].end;
    std::string name(m_body.text.substr(start, end - start));
    // A line wrapped inside the name ("David\nMulford") is a space in its value.
    std::replace(name.begin(), name.end(), '\n', ' ');
    return name;
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
            // "PRESIDENT JONES SAID": in capitals the word after an office is no name by its
            // capital, only as a known name.
            auto end = m_body.caps[start] ? name_in_capitals(start) : name_forward(start);
            if (name_ok(start, end) && !bare_royal_title(role, country, start, end)) {
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
            auto end = m_body.caps[k] ? name_in_capitals(k) : name_forward(k);
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
        // "... REPURCHASE AGREEMENTS, A FED SPOKESMAN SAID": the words before an unnamed
        // speaker are what was said, not a name.
        if (role.last < n && m_body.gap_before(role.last) == " " && detail::is_subject_end_word(m_body.folded[role.last]) &&
            m_body.folded[role.last] != "who") {
            continue;
        }
        auto first = m_body.caps[p] ? name_in_capitals_backward(p + 1) : name_backward(p + 1);
        if (p + 1 - first < 2 || !name_ok(first, p + 1)) continue;
        if (country.empty()) country = country_after(role.last);
        add_official(first, p + 1, role.role, country);
    }
}

std::vector<ArticleTagger::KnownNameMatch> ArticleTagger::known_full_names() const {
    std::vector<KnownNameMatch> out;
    const auto n = m_body.tokens.size();
    for (std::size_t t = 0; t + 1 < n; ++t) {
        if (!m_body.upper[t] || !m_known.starts_full_name(m_body.folded[t])) continue;
        for (std::size_t end = t + 1; end < n && end <= t + m_known.max_tokens(); ++end) {
            auto gap = m_body.gap_before(end);
            bool initial = gap == ". " && m_body.word(end - 1).size() == 1;  // "George W. Bush"
            if (!is_name_gap(m_body, end) && gap != "-" && !initial) break;
            auto key = text::name_key(m_body.folded, t, end + 1);
            auto found = m_known.find(key, m_year, true);
            if (found.empty()) continue;
            out.push_back({t, end + 1, std::move(key), found.front()});
            t = end;
            break;
        }
    }
    return out;
}

// "King Kong", "Queen Latifah", "King Crimson": a royal title with one unknown word and no
// country is as often a work, a band or a stage name as a monarch ("Saudi King Fahd", "King
// Hassan of Morocco" and known monarchs are kept).
bool ArticleTagger::bare_royal_title(const detail::RoleMatch& role, const std::string& country, std::size_t first,
                                     std::size_t last) const {
    if ((role.role != "King" && role.role != "Queen") || !country.empty() || last - first != 1) return false;
    if (!country_after(last).empty()) return false;  // "King Mswati of Swaziland"
    return m_known.find(m_body.folded[first], m_year, false).empty() &&
           m_known.find(m_body.folded[first], m_year, true).empty();
}

// A capitalised word that is not a name's end: "Pinero" after "Juan Carlos", "Bill" after
// "Brady". Not in capitals, where a capital says nothing.
bool ArticleTagger::continues_name(std::size_t k) const {
    if (k >= m_body.tokens.size() || m_body.gap_before(k) != " " || !m_body.upper[k] || m_body.caps[k]) return false;
    const auto& f = m_body.folded[k];
    return !detail::is_non_name_word(f) && !detail::is_role_word(f) && !detail::is_rank_word(f) &&
           !is_roman_numeral(m_body.word(k));
}

// A known official's bare surname at token t ("Lyng said", "YEUTTER SEEKS"), unless it is part
// of another name ("Naina Yeltsin") or of a place.
const detail::KnownOfficial* ArticleTagger::known_alias(const Analysed& field, std::size_t t) const {
    // Without a date there is no telling which Bolton or Camacho a bare surname means.
    if (m_year == 0 || !field.upper[t]) return nullptr;
    // Most capitalised words are no known surname: one hash lookup before reading the context.
    auto found = m_known.find(field.folded[t], m_year, false);
    if (found.empty()) return nullptr;
    if (t > 0 && field.gap_before(t) == " " && field.upper[t - 1] && !text::all_upper(field.word(t - 1)) &&
        !detail::is_non_name_word(field.folded[t - 1]) && !detail::is_role_word(field.folded[t - 1])) {
        return nullptr;
    }
    if (t + 1 < field.tokens.size() && field.gap_before(t + 1) == " " && field.upper[t + 1] &&
        !text::all_upper(field.word(t + 1)) && !detail::is_non_name_word(field.folded[t + 1])) {
        return nullptr;
    }
    return found.front();
}

// Completes names from the known-officials list ("President Reagan" -> Ronald Reagan) and finds
// known officials named in full without an office ("Mikhail Gorbachev said").
void ArticleTagger::use_known_officials() {
    for (auto& o : m_officials) {
        const std::string key = text::name_key(m_body.folded, o.first, o.last);
        auto full = m_known.find(key, m_year, true);
        const detail::KnownOfficial* k = full.empty() ? nullptr : full.front();
        if (!k && o.last - o.first == 1) k = known_alias(m_body, o.first) ? m_known.find(key, m_year, false).front() : nullptr;
        if (!k) continue;
        o.name = k->name;
        if (o.country.empty()) o.country = k->country;
        if (o.role.empty()) o.role = k->role;
    }
    const auto matches = known_full_names();
    // "Juan Carlos Valeron": the words of a known name continued into someone else's name are
    // that person's wherever they stand alone in the article ("Juan Carlos said").
    std::set<std::string> others;
    for (const auto& m : matches) {
        if (continues_name(m.last)) others.insert(m.key);
    }
    for (const auto& m : matches) {
        if (others.count(m.key)) continue;
        bool taken = std::any_of(m_officials.begin(), m_officials.end(),
                                 [&](const OfficialHit& o) { return m.first < o.last && m.last > o.first; });
        // The mention is the name: "Crown Prince Abdullah" is Abdullah.
        std::size_t first = m.first;
        while (first + 1 < m.last && (detail::is_role_word(m_body.folded[first]) || detail::is_rank_word(m_body.folded[first]))) {
            ++first;
        }
        if (!taken) m_officials.push_back({first, m.last, m.official->name, m.official->role, m.official->country});
    }
}

}  // namespace newsfacet::detail
