#include "tag/gazetteer.hpp"

#include <algorithm>
#include <charconv>

#include <newsfacet/error.hpp>

namespace newsfacet::detail {
namespace {

PlaceKind parse_kind(std::string_view kind, const std::string& origin, std::size_t line) {
    if (kind == "country") return PlaceKind::country;
    if (kind == "historic") return PlaceKind::historic;
    if (kind == "city") return PlaceKind::city;
    if (kind == "region") return PlaceKind::region;
    throw InputError(origin, line, "unknown gazetteer kind '" + std::string(kind) + "'");
}

}  // namespace

Gazetteer::Gazetteer(std::string_view tsv, const std::string& origin) {
    std::size_t line_no = 0;
    bool header_seen = false;
    std::size_t pos = 0;
    // Demonyms are added after all names so that a name always wins over a demonym.
    std::vector<std::pair<std::string, std::uint32_t>> demonyms;
    while (pos < tsv.size()) {
        auto eol = tsv.find('\n', pos);
        auto line = tsv.substr(pos, eol == std::string_view::npos ? eol : eol - pos);
        pos = eol == std::string_view::npos ? tsv.size() : eol + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        auto cols = text::split(line, '\t');
        if (!header_seen) {
            header_seen = true;
            if (cols.size() >= 1 && cols[0] == "kind") continue;
        }
        if (cols.size() != 6) {
            throw InputError(origin, line_no,
                             "expected 6 tab-separated columns, found " + std::to_string(cols.size()));
        }
        Place place;
        place.kind = parse_kind(cols[0], origin, line_no);
        place.value = std::string(cols[1]);
        place.country = std::string(cols[2]);
        if (place.value.empty()) throw InputError(origin, line_no, "empty value");
        for (auto flag : text::split(cols[5], ',')) {
            if (flag == "capital") place.capital = true;
            else if (flag == "ambiguous") place.ambiguous = true;
            else if (flag == "abbrev") place.abbrev = true;
            else if (flag.substr(0, 11) == "population=") {
                auto num = flag.substr(11);
                std::from_chars(num.data(), num.data() + num.size(), place.population);
            }
        }
        auto index = static_cast<std::uint32_t>(m_places.size());
        m_places.push_back(std::move(place));
        add_name(m_places.back().value, index, false);
        for (auto name : text::split(cols[3], '|')) {
            if (!name.empty()) add_name(name, index, false);
        }
        for (auto dem : text::split(cols[4], '|')) {
            if (dem.empty()) continue;
            demonyms.emplace_back(std::string(dem), index);
            // Plural people forms: "Azerbaijanis", "Russians" (not "Swisss").
            if (dem.back() != 's' && dem.back() != 'h' && dem.back() != 'e') {
                demonyms.emplace_back(std::string(dem) + "s", index);
            }
        }
    }
    for (auto& [dem, index] : demonyms) add_name(dem, index, true);
    // Within one phrase, put countries before historic before cities, bigger cities first.
    for (auto& [key, cands] : m_phrases) {
        std::stable_sort(cands.begin(), cands.end(), [this](const Candidate& a, const Candidate& b) {
            if (a.demonym != b.demonym) return !a.demonym;
            const auto& pa = m_places[a.place];
            const auto& pb = m_places[b.place];
            // Countries, then historic countries, then cities, then regions ("Washington" is
            // the capital before the state).
            auto rank = [](PlaceKind k) {
                switch (k) {
                    case PlaceKind::country: return 0;
                    case PlaceKind::historic: return 1;
                    case PlaceKind::city: return 2;
                    case PlaceKind::region: return 3;
                }
                return 4;
            };
            if (pa.kind != pb.kind) return rank(pa.kind) < rank(pb.kind);
            return pa.population > pb.population;
        });
    }
}

void Gazetteer::add_name(std::string_view name, std::uint32_t place, bool demonym) {
    auto tokens = text::words(name);
    if (tokens.empty() || tokens.size() > 31) return;
    std::uint32_t mask = 0;
    bool upper_all = true;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        auto word = name.substr(tokens[i].start, tokens[i].end - tokens[i].start);
        if (text::starts_upper(word)) mask |= 1u << i;
        if (!text::all_upper(word)) upper_all = false;
    }
    // A name must start with a capital (the tagger looks up capitalised words only); one in
    // lower case ("d'ivoire" alone) would match ordinary words anyway.
    if ((mask & 1u) == 0) return;
    const std::string key = text::name_key(name);
    auto& cands = m_phrases[key];
    for (const auto& c : cands) {
        if (c.place == place && c.demonym == demonym) return;
    }
    bool exact = upper_all && name.size() <= 4;
    cands.push_back({place, demonym, exact, mask});
    m_first_tokens.insert(key.substr(0, key.find(' ')));
    m_max_tokens = std::max(m_max_tokens, tokens.size());
}

bool Gazetteer::match_at(std::string_view text, const std::vector<text::Token>& tokens,
                         const std::vector<std::string>& folded, std::size_t i, bool dateline,
                         PhraseMatch& out) const {
    if (!m_first_tokens.count(folded[i])) return false;
    auto word_at = [&](std::size_t k) {
        return text.substr(tokens[k].start, tokens[k].end - tokens[k].start);
    };
    std::size_t limit = std::min(tokens.size(), i + m_max_tokens);
    std::string key;  // text::name_key of the words so far, one word longer each round
    std::vector<std::size_t> ends;
    for (std::size_t k = i; k < limit; ++k) {
        // Names do not run across sentence punctuation or line breaks.
        if (k > i) {
            auto gap = text.substr(tokens[k - 1].end, tokens[k].start - tokens[k - 1].end);
            if (gap.find_first_not_of(" -'.") != std::string_view::npos || gap.size() > 2) break;
            key.push_back(' ');
        }
        key += folded[k];
        ends.push_back(key.size());
    }
    for (std::size_t n = ends.size(); n > 0; --n) {
        auto it = m_phrases.find(key.substr(0, ends[n - 1]));
        if (it == m_phrases.end()) continue;
        out.candidates.clear();
        for (const auto& cand : it->second) {
            if (m_places[cand.place].abbrev && !dateline) continue;
            bool ok = true;
            for (std::size_t k = 0; k < n && ok; ++k) {
                auto word = word_at(i + k);
                bool upper = text::starts_upper(word);
                if ((cand.upper_mask >> k) & 1u) ok = upper;
                if (cand.exact_case && !text::all_upper(word)) ok = false;
            }
            if (ok) out.candidates.push_back(cand);
        }
        if (!out.candidates.empty()) {
            out.first = i;
            out.last = i + n;
            return true;
        }
    }
    return false;
}

const std::vector<Candidate>* Gazetteer::lookup(std::string_view value) const {
    auto it = m_phrases.find(text::name_key(value));
    return it == m_phrases.end() ? nullptr : &it->second;
}

}  // namespace newsfacet::detail
