#pragma once
// The place and country lexicon behind the tagger, and the phrase matcher over it.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/text.hpp"

namespace newsfacet::detail {

enum class PlaceKind { country, historic, region, city };

struct Place {
    PlaceKind kind = PlaceKind::country;
    std::string value;    ///< Canonical display value.
    std::string country;  ///< Countries: ISO code; cities: canonical country value.
    bool capital = false;
    bool ambiguous = false;  ///< Also a common word or name: needs context to count.
    bool abbrev = false;     ///< Names only valid in datelines ("Calif.", "N.Y.").
    bool minor = false;      ///< A small place: counts only where context supports it.
    std::uint64_t population = 0;
    std::string region;  ///< Cities: the region row (a US state) they lie in, if known.
};

/// One way of naming a place: as a name or as a demonym/adjective.
struct Candidate {
    std::uint32_t place;
    bool demonym;
    bool exact_case;          ///< Short all-caps forms (US, UK, UAE) must match exactly.
    std::uint32_t upper_mask;  ///< Bit i: the name's word i is capitalised.
};

/// A gazetteer hit in a token sequence: tokens [first, last), the candidates it may name.
struct PhraseMatch {
    std::size_t first = 0;
    std::size_t last = 0;
    std::vector<Candidate> candidates;
};

/// Whether the line break at `newline` in `text` wraps a line of running text: the line it
/// ends is at least wrapped_line_min bytes long, or is the text's first line (whose start a
/// dateline taken off may have shortened: "WASHINGTON, March 3 - "). Wire copy wraps its lines
/// at a fixed width, anywhere in a sentence ("Hong\nKong"); a shorter line was ended on purpose
/// (a byline, a heading, a table's row: "Larry Fine\nNEW YORK 1996-08-30").
inline constexpr std::size_t wrapped_line_min = 40;
[[nodiscard]] inline bool wrapped_line_break(std::string_view text, std::size_t newline) noexcept {
    const auto start = newline < wrapped_line_min ? 0 : newline - wrapped_line_min;
    const auto previous = text.substr(0, newline).rfind('\n');
    return previous == std::string_view::npos || previous < start;
}

/// Countries, present or historic (not places within them).
[[nodiscard]] inline bool is_country(const Place& p) noexcept {
    return p.kind == PlaceKind::country || p.kind == PlaceKind::historic;
}

/// A present country that was part of a historic one from `from` until the day before `until`
/// (ISO dates, "1991-12-26"): the gazetteer's successor flags.
struct Succession {
    std::string country;    ///< The present country's canonical value ("Ukraine").
    std::string historic;   ///< The historic country's value ("Soviet Union").
    std::string from;
    std::string until;
};

class Gazetteer {
public:
    /// Parses the TSV format of shared/data/gazetteer.tsv. `origin` names the source in errors.
    /// Throws InputError on a malformed line.
    Gazetteer(std::string_view tsv, const std::string& origin);

    [[nodiscard]] const Place& place(std::uint32_t index) const { return m_places[index]; }
    [[nodiscard]] std::size_t size() const noexcept { return m_places.size(); }

    /// The longest gazetteer phrase starting at token `i` of `tokens` over `text`, if any.
    /// `folded` holds each token folded (see text::fold). Capitalisation must agree: a name's
    /// capitalised words must be capitalised in the text. Dateline-only names (abbrev) match
    /// only when `dateline` is true. `out.candidates` lists only the candidates that matched.
    [[nodiscard]] bool match_at(std::string_view text, const std::vector<text::Token>& tokens,
                                const std::vector<std::string>& folded, std::size_t i, bool dateline,
                                PhraseMatch& out) const;

    /// The successions in force on `date` (an ISO date or date-time, "1987-03-02T10:00"): which
    /// historic country each present country was part of then. Empty for a date that is not
    /// an ISO date and for dates after every succession (today's news). Cost: one pass over
    /// the few dozen successions. The pointers live as long as the gazetteer.
    [[nodiscard]] std::vector<const Succession*> successions_on(std::string_view date) const;

    /// Looks up a whole value typed by a user (case- and accent-insensitive), names first.
    /// Empty when no name or demonym has that key.
    [[nodiscard]] std::span<const Candidate> lookup(std::string_view value) const;

    /// The 64-bit key hash of folded words, one word at a time: start from key_seed, then
    /// key_word for each word (a space is hashed between words).
    static constexpr std::uint64_t key_seed = 14695981039346656037ull;
    [[nodiscard]] static std::uint64_t key_word(std::uint64_t hash, std::string_view folded_word,
                                                bool first) noexcept;

private:
    // One name of a place while parsing: its key hash, candidate and the order it came in.
    struct Entry {
        std::uint64_t key;
        Candidate candidate;
        std::uint32_t order;
        std::uint64_t rank = 0;  // the order within one key (see index())
    };
    void add_name(std::string_view name, std::uint32_t place, bool demonym, std::vector<Entry>& entries);
    void index(std::vector<Entry>& entries);
    // The successions' countries from ISO codes to values; throws InputError on an unknown code.
    void resolve_successions(const std::string& origin);
    static void sort_entries(std::vector<Entry>& entries);
    [[nodiscard]] std::span<const Candidate> find(std::uint64_t key) const;
    // The most words of a phrase whose first word hashes like this one's; 0: none.
    [[nodiscard]] std::size_t max_words(std::uint64_t first_key) const noexcept;

    // A phrase key and where its candidates are in m_candidates; count 0: an empty slot.
    struct Slot {
        std::uint64_t key = 0;
        std::uint32_t begin = 0;
        std::uint32_t count = 0;
    };

    std::vector<Place> m_places;
    std::vector<Succession> m_successions;
    // The phrase index, flat so that parsing 100,000 places stays cheap: the candidates of
    // each folded phrase (tokens joined by one space), by key hash, side by side (names
    // before demonyms, small places last, countries before historic before cities before
    // regions, bigger places first), and a hash table from key to them.
    std::vector<Candidate> m_candidates;
    std::vector<Slot> m_slots;
    // Per hash bucket of first words, the most words of a phrase starting there: skips most
    // words at once and bounds the phrases tried.
    std::vector<std::uint8_t> m_first_words;
    // A bit per hash bucket of all phrase keys, before the table.
    std::vector<std::uint64_t> m_phrase_bits;
};

/// The gazetteer compiled into the library (shared/data/gazetteer.tsv).
[[nodiscard]] std::string_view builtin_gazetteer() noexcept;

}  // namespace newsfacet::detail
