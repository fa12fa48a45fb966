#include "tag/gazetteer.hpp"

#include <algorithm>
#include <array>
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

constexpr std::size_t first_bits_log2 = 21;  // 256 KiB: few false hits for 150,000 first words

// Within one phrase: names before demonyms, small places last; countries, then historic
// countries, then cities, then regions ("Washington" is the capital before the state); bigger
// places first.
int kind_rank(PlaceKind k) {
    switch (k) {
        case PlaceKind::country: return 0;
        case PlaceKind::historic: return 1;
        case PlaceKind::city: return 2;
        case PlaceKind::region: return 3;
    }
    return 4;
}

void parse_flags(std::string_view flags, Place& place) {
    for (auto flag : text::split(flags, ',')) {
        if (flag == "capital") place.capital = true;
        else if (flag == "ambiguous") place.ambiguous = true;
        else if (flag == "abbrev") place.abbrev = true;
        else if (flag == "minor") place.minor = true;
        else if (flag.substr(0, 7) == "region=") place.region = std::string(flag.substr(7));
        else if (flag.substr(0, 11) == "population=") {
            auto num = flag.substr(11);
            std::from_chars(num.data(), num.data() + num.size(), place.population);
        }
    }
}

}  // namespace

std::uint64_t Gazetteer::key_word(std::uint64_t hash, std::string_view folded_word, bool first) noexcept {
    constexpr std::uint64_t prime = 1099511628211ull;  // FNV-1a
    if (!first) hash = (hash ^ static_cast<unsigned char>(' ')) * prime;
    for (char c : folded_word) hash = (hash ^ static_cast<unsigned char>(c)) * prime;
    return hash;
}

Gazetteer::Gazetteer(std::string_view tsv, const std::string& origin)
    : m_first_bits((std::size_t{1} << first_bits_log2) / 64, 0) {
    std::size_t line_no = 0;
    bool header_seen = false;
    std::size_t pos = 0;
    std::vector<Entry> entries;
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
        parse_flags(cols[5], place);
        auto index = static_cast<std::uint32_t>(m_places.size());
        m_places.push_back(std::move(place));
        add_name(m_places.back().value, index, false, entries);
        for (auto name : text::split(cols[3], '|')) {
            if (!name.empty() && name != m_places.back().value) add_name(name, index, false, entries);
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
    for (auto& [dem, index] : demonyms) add_name(dem, index, true, entries);
    index(entries);
}

void Gazetteer::add_name(std::string_view name, std::uint32_t place, bool demonym, std::vector<Entry>& entries) {
    auto tokens = text::words(name);
    if (tokens.empty() || tokens.size() > 31) return;
    std::uint32_t mask = 0;
    bool upper_all = true;
    std::uint64_t key = key_seed;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        auto word = name.substr(tokens[i].start, tokens[i].end - tokens[i].start);
        if (text::starts_upper(word)) mask |= 1u << i;
        if (!text::all_upper(word)) upper_all = false;
        key = key_word(key, text::fold(word), i == 0);
        if (i == 0) {
            const std::uint64_t bit = key >> (64 - first_bits_log2);
            m_first_bits[bit / 64] |= std::uint64_t{1} << (bit % 64);
        }
    }
    // A name must start with a capital (the tagger looks up capitalised words only); one in
    // lower case ("d'ivoire" alone) would match ordinary words anyway.
    if ((mask & 1u) == 0) return;
    bool exact = upper_all && name.size() <= 4;
    entries.push_back({key, {place, demonym, exact, mask}, static_cast<std::uint32_t>(entries.size())});
    m_max_tokens = std::max(m_max_tokens, tokens.size());
}

void Gazetteer::index(std::vector<Entry>& entries) {
    // The order within a key as one number: demonym, small place, kind, population (bigger
    // first): a state is read before a small town of its name ("Virginia", Minnesota).
    constexpr std::uint64_t pop_bits = 48;
    for (auto& e : entries) {
        const auto& p = m_places[e.candidate.place];
        const std::uint64_t pop = std::min<std::uint64_t>(p.population, (std::uint64_t{1} << pop_bits) - 1);
        e.rank = (std::uint64_t{e.candidate.demonym} << 62) | (std::uint64_t{p.minor} << 61) |
                 (std::uint64_t(kind_rank(p.kind)) << (pop_bits + 2)) |
                 ((std::uint64_t{1} << pop_bits) - 1 - pop);
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        if (a.key != b.key) return a.key < b.key;
        if (a.rank != b.rank) return a.rank < b.rank;
        if (a.candidate.place != b.candidate.place) return a.candidate.place < b.candidate.place;
        return a.order < b.order;
    });
    // One candidate per place and sense under a key: the first name that gave it.
    auto same = [](const Entry& a, const Entry& b) {
        return a.key == b.key && a.candidate.place == b.candidate.place && a.candidate.demonym == b.candidate.demonym;
    };
    entries.erase(std::unique(entries.begin(), entries.end(), same), entries.end());
    m_keys.reserve(entries.size());
    m_candidates.reserve(entries.size());
    for (const auto& e : entries) {
        m_keys.push_back(e.key);
        m_candidates.push_back(e.candidate);
    }
}

bool Gazetteer::may_start(std::uint64_t first_key) const noexcept {
    const std::uint64_t bit = first_key >> (64 - first_bits_log2);
    return (m_first_bits[bit / 64] >> (bit % 64)) & 1u;
}

std::span<const Candidate> Gazetteer::find(std::uint64_t key) const {
    auto [lo, hi] = std::equal_range(m_keys.begin(), m_keys.end(), key);
    return {m_candidates.data() + (lo - m_keys.begin()), static_cast<std::size_t>(hi - lo)};
}

bool Gazetteer::match_at(std::string_view text, const std::vector<text::Token>& tokens,
                         const std::vector<std::string>& folded, std::size_t i, bool dateline,
                         PhraseMatch& out) const {
    const std::uint64_t first = key_word(key_seed, folded[i], true);
    if (!may_start(first)) return false;
    auto word_at = [&](std::size_t k) {
        return text.substr(tokens[k].start, tokens[k].end - tokens[k].start);
    };
    std::size_t limit = std::min(tokens.size(), i + m_max_tokens);
    std::array<std::uint64_t, 32> keys{first};  // keys[n - 1]: the key of the first n words
    std::size_t words = 1;
    for (std::size_t k = i + 1; k < limit; ++k, ++words) {
        // Names do not run across sentence punctuation or line breaks.
        auto gap = text.substr(tokens[k - 1].end, tokens[k].start - tokens[k - 1].end);
        if (gap.find_first_not_of(" -'.") != std::string_view::npos || gap.size() > 2) break;
        keys[words] = key_word(keys[words - 1], folded[k], false);
    }
    for (std::size_t n = words; n > 0; --n) {
        auto cands = find(keys[n - 1]);
        if (cands.empty()) continue;
        out.candidates.clear();
        for (const auto& cand : cands) {
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

std::span<const Candidate> Gazetteer::lookup(std::string_view value) const {
    auto tokens = text::words(value);
    if (tokens.empty()) return {};
    std::uint64_t key = key_seed;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        key = key_word(key, text::fold(value.substr(tokens[i].start, tokens[i].end - tokens[i].start)), i == 0);
    }
    return find(key);
}

}  // namespace newsfacet::detail
