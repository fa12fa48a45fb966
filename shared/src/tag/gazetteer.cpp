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

constexpr std::uint64_t fnv_prime = 1099511628211ull;  // FNV-1a
constexpr std::size_t first_words_log2 = 18;
constexpr std::size_t phrase_bits_log2 = 22;  // 512 KiB: few false hits for 250,000 phrases  // 256 KiB

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

// Calls fn with each `sep`-separated field of `s`, without allocating.
template <typename Fn>
void for_each_field(std::string_view s, char sep, Fn&& fn) {
    std::size_t start = 0;
    while (true) {
        auto end = s.find(sep, start);
        fn(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return;
        start = end + 1;
    }
}

void parse_flags(std::string_view flags, Place& place) {
    for_each_field(flags, ',', [&](std::string_view flag) {
        if (flag == "capital") place.capital = true;
        else if (flag == "ambiguous") place.ambiguous = true;
        else if (flag == "abbrev") place.abbrev = true;
        else if (flag == "minor") place.minor = true;
        else if (flag.substr(0, 7) == "region=") place.region = std::string(flag.substr(7));
        else if (flag.substr(0, 11) == "population=") {
            auto num = flag.substr(11);
            std::from_chars(num.data(), num.data() + num.size(), place.population);
        }
    });
}

// "successor=CC/FROM/UNTIL" flags of a historic row (see scripts/build-gazetteer): the present
// country's ISO code and the dates, into `out` (the country's value is filled in later).
void parse_successors(std::string_view flags, const std::string& historic, std::vector<Succession>& out,
                      const std::string& origin, std::size_t line) {
    for_each_field(flags, ',', [&](std::string_view flag) {
        if (flag.substr(0, 10) != "successor=") return;
        const auto parts = text::split(flag.substr(10), '/');
        if (parts.size() != 3 || parts[0].size() != 2 || parts[1].size() != 10 || parts[2].size() != 10) {
            throw InputError(origin, line, "bad successor flag '" + std::string(flag) + "'");
        }
        out.push_back({std::string(parts[0]), historic, std::string(parts[1]), std::string(parts[2])});
    });
}

// Whether `date` starts with an ISO date (yyyy-mm-dd).
bool iso_date(std::string_view date) {
    if (date.size() < 10 || date[4] != '-' || date[7] != '-') return false;
    for (std::size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (date[k] < '0' || date[k] > '9') return false;
    }
    return true;
}

}  // namespace

std::uint64_t Gazetteer::key_word(std::uint64_t hash, std::string_view folded_word, bool first) noexcept {
    if (!first) hash = (hash ^ static_cast<unsigned char>(' ')) * fnv_prime;
    for (char c : folded_word) hash = (hash ^ static_cast<unsigned char>(c)) * fnv_prime;
    return hash;
}

namespace {

// A name's key (Gazetteer::key_word over its folded words), the key of its first word, its
// number of words, which are capitalised, and whether all are in capitals.
struct NameKey {
    std::uint64_t key = 0;
    std::uint64_t first_key = 0;
    std::size_t words = 0;
    std::uint32_t mask = 0;
    bool upper_all = true;
};

}  // namespace

Gazetteer::Gazetteer(std::string_view tsv, const std::string& origin)
    : m_first_words(std::size_t{1} << first_words_log2, 0), m_phrase_bits((std::size_t{1} << phrase_bits_log2) / 64, 0) {
    std::size_t line_no = 0;
    bool header_seen = false;
    std::size_t pos = 0;
    std::vector<Entry> entries;
    const auto lines = static_cast<std::size_t>(std::count(tsv.begin(), tsv.end(), '\n')) + 1;
    m_places.reserve(lines);
    entries.reserve(2 * lines);
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
        if (place.kind == PlaceKind::historic) parse_successors(cols[5], place.value, m_successions, origin, line_no);
        auto index = static_cast<std::uint32_t>(m_places.size());
        m_places.push_back(std::move(place));
        add_name(m_places.back().value, index, false, entries);
        for_each_field(cols[3], '|', [&](std::string_view name) {
            if (!name.empty() && name != m_places.back().value) add_name(name, index, false, entries);
        });
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
    resolve_successions(origin);
}

void Gazetteer::resolve_successions(const std::string& origin) {
    // The flags name present countries by ISO code; the tagger knows them by value.
    for (auto& s : m_successions) {
        const auto country = std::find_if(m_places.begin(), m_places.end(), [&](const Place& p) {
            return p.kind == PlaceKind::country && p.country == s.country;
        });
        if (country == m_places.end()) throw InputError(origin, 0, "successor of unknown country '" + s.country + "'");
        s.country = country->value;
    }
}

std::vector<const Succession*> Gazetteer::successions_on(std::string_view date) const {
    std::vector<const Succession*> out;
    if (!iso_date(date)) return out;
    const auto day = date.substr(0, 10);
    for (const auto& s : m_successions) {
        if (s.from <= day && day < s.until) out.push_back(&s);
    }
    return out;
}

namespace {

// The key of an ASCII name without apostrophes as text::words and text::fold would make it,
// in one pass (most names; parsing the gazetteer is on every tagger's start-up path).
// False for other names.
bool ascii_name_key(std::string_view name, NameKey& out) {
    out = NameKey{};
    out.key = Gazetteer::key_seed;
    bool in_word = false;
    bool word_lower = false;
    bool word_upper = false;
    for (std::size_t k = 0; k <= name.size(); ++k) {
        const auto c = k < name.size() ? static_cast<unsigned char>(name[k]) : static_cast<unsigned char>(' ');
        if (c >= 0x80 || c == '\'') return false;
        const bool upper = c >= 'A' && c <= 'Z';
        const bool lower = c >= 'a' && c <= 'z';
        if (upper || lower || (c >= '0' && c <= '9')) {
            if (!in_word) {
                if (out.words == 31) return false;
                if (out.words > 0) out.key = (out.key ^ static_cast<unsigned char>(' ')) * fnv_prime;
                if (upper) out.mask |= 1u << out.words;
                in_word = true;
                word_lower = word_upper = false;
            }
            word_lower |= lower;
            word_upper |= upper;
            out.key = (out.key ^ static_cast<unsigned char>(upper ? c - 'A' + 'a' : c)) * fnv_prime;
        } else if (in_word) {
            if (word_lower || !word_upper) out.upper_all = false;
            if (out.words == 0) out.first_key = out.key;
            ++out.words;
            in_word = false;
        }
    }
    return true;
}

// The same for any name, through text::words and text::fold.
void general_name_key(std::string_view name, NameKey& out) {
    out = NameKey{};
    out.key = Gazetteer::key_seed;
    auto tokens = text::words(name);
    if (tokens.size() > 31) return;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        auto word = name.substr(tokens[i].start, tokens[i].end - tokens[i].start);
        if (text::starts_upper(word)) out.mask |= 1u << i;
        if (!text::all_upper(word)) out.upper_all = false;
        out.key = Gazetteer::key_word(out.key, text::fold(word), i == 0);
        if (i == 0) out.first_key = out.key;
    }
    out.words = tokens.size();
}

}  // namespace

void Gazetteer::add_name(std::string_view name, std::uint32_t place, bool demonym, std::vector<Entry>& entries) {
    NameKey nk;
    if (!ascii_name_key(name, nk)) general_name_key(name, nk);
    if (nk.words == 0) return;
    const std::uint32_t mask = nk.mask;
    const bool upper_all = nk.upper_all;
    const std::uint64_t key = nk.key;
    auto& words = m_first_words[nk.first_key >> (64 - first_words_log2)];
    words = std::max<std::uint8_t>(words, static_cast<std::uint8_t>(nk.words));
    // A name must start with a capital (the tagger looks up capitalised words only); one in
    // lower case ("d'ivoire" alone) would match ordinary words anyway.
    if ((mask & 1u) == 0) return;
    bool exact = upper_all && name.size() <= 4;
    entries.push_back({key, {place, demonym, exact, mask}, static_cast<std::uint32_t>(entries.size())});
}

void Gazetteer::sort_entries(std::vector<Entry>& entries) {
    // By the key's top bits into buckets first (the keys are hashes: even buckets), then
    // each bucket: cheaper than one sort of 300,000 entries at every start-up.
    constexpr std::size_t bucket_bits = 12;
    std::vector<std::uint32_t> starts((std::size_t{1} << bucket_bits) + 1, 0);
    for (const auto& e : entries) ++starts[(e.key >> (64 - bucket_bits)) + 1];
    for (std::size_t b = 1; b < starts.size(); ++b) starts[b] += starts[b - 1];
    std::vector<Entry> sorted(entries.size());
    auto next = starts;
    for (const auto& e : entries) sorted[next[e.key >> (64 - bucket_bits)]++] = e;
    auto before = [](const Entry& a, const Entry& b) {
        if (a.key != b.key) return a.key < b.key;
        if (a.rank != b.rank) return a.rank < b.rank;
        if (a.candidate.place != b.candidate.place) return a.candidate.place < b.candidate.place;
        return a.order < b.order;
    };
    for (std::size_t b = 0; b + 1 < starts.size(); ++b) {
        std::sort(sorted.begin() + starts[b], sorted.begin() + starts[b + 1], before);
    }
    entries = std::move(sorted);
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
    sort_entries(entries);
    // One candidate per place and sense under a key: the first name that gave it.
    auto same = [](const Entry& a, const Entry& b) {
        return a.key == b.key && a.candidate.place == b.candidate.place && a.candidate.demonym == b.candidate.demonym;
    };
    entries.erase(std::unique(entries.begin(), entries.end(), same), entries.end());
    m_candidates.reserve(entries.size());
    std::size_t keys = 0;
    for (std::size_t k = 0; k < entries.size(); ++k) {
        m_candidates.push_back(entries[k].candidate);
        keys += k == 0 || entries[k].key != entries[k - 1].key;
        const std::uint64_t bit = entries[k].key >> (64 - phrase_bits_log2);
        m_phrase_bits[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
    // Open addressing, at most half full: a lookup mostly reads one slot.
    std::size_t size = 16;
    while (size < 2 * keys) size *= 2;
    m_slots.assign(size, Slot{});
    for (std::size_t k = 0; k < entries.size(); ++k) {
        if (k > 0 && entries[k].key == entries[k - 1].key) continue;
        std::size_t count = 1;
        while (k + count < entries.size() && entries[k + count].key == entries[k].key) ++count;
        std::size_t at = entries[k].key & (size - 1);
        while (m_slots[at].count != 0) at = (at + 1) & (size - 1);
        m_slots[at] = {entries[k].key, static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(count)};
    }
}

std::size_t Gazetteer::max_words(std::uint64_t first_key) const noexcept {
    return m_first_words[first_key >> (64 - first_words_log2)];
}

std::span<const Candidate> Gazetteer::find(std::uint64_t key) const {
    // Most phrases tried are no name: a bit in a smaller table says so at less cost.
    const std::uint64_t bit = key >> (64 - phrase_bits_log2);
    if (!((m_phrase_bits[bit / 64] >> (bit % 64)) & 1u)) return {};
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t at = key & mask; m_slots[at].count != 0; at = (at + 1) & mask) {
        if (m_slots[at].key == key) return {m_candidates.data() + m_slots[at].begin, m_slots[at].count};
    }
    return {};
}

bool Gazetteer::match_at(std::string_view text, const std::vector<text::Token>& tokens,
                         const std::vector<std::string>& folded, std::size_t i, bool dateline,
                         PhraseMatch& out) const {
    const std::uint64_t first = key_word(key_seed, folded[i], true);
    const std::size_t words_max = max_words(first);
    if (words_max == 0) return false;
    auto word_at = [&](std::size_t k) {
        return text.substr(tokens[k].start, tokens[k].end - tokens[k].start);
    };
    std::size_t limit = std::min(tokens.size(), i + words_max);
    std::array<std::uint64_t, 32> keys{first};  // keys[n - 1]: the key of the first n words
    std::size_t words = 1;
    for (std::size_t k = i + 1; k < limit; ++k, ++words) {
        // Names do not run across sentence punctuation or line breaks, except a line wrapped
        // inside a name ("Hong\nKong", "Rio de\nJaneiro" in wire copy).
        auto gap = text.substr(tokens[k - 1].end, tokens[k].start - tokens[k - 1].end);
        const bool wrapped = gap == "\n" && wrapped_line_break(text, tokens[k - 1].end);
        if (!wrapped && (gap.find_first_not_of(" -'.") != std::string_view::npos || gap.size() > 2)) break;
        keys[words] = key_word(keys[words - 1], folded[k], false);
    }
    std::uint32_t upper = 0;  // bit k: word i + k is capitalised
    std::uint32_t caps = 0;   // bit k: word i + k is in capitals
    std::size_t cased = 0;    // words whose bits are known
    for (std::size_t n = words; n > 0; --n) {
        auto cands = find(keys[n - 1]);
        if (cands.empty()) continue;
        for (; cased < n; ++cased) {
            auto word = word_at(i + cased);
            if (text::starts_upper(word)) upper |= 1u << cased;
            if (text::all_upper(word)) caps |= 1u << cased;
        }
        const std::uint32_t all = n == 32 ? ~0u : (1u << n) - 1;
        out.candidates.clear();
        for (const auto& cand : cands) {
            if (m_places[cand.place].abbrev && !dateline) continue;
            // Every capitalised word of the name is capitalised here; short names in
            // capitals ("US") are in capitals here.
            if ((cand.upper_mask & all & ~upper) != 0) continue;
            if (cand.exact_case && (caps & all) != all) continue;
            out.candidates.push_back(cand);
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
