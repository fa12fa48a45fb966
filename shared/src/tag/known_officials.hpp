#pragma once
// Well-known officials (shared/data/officials.tsv): completes names ("President Reagan" ->
// Ronald Reagan) and recognises surname-only mentions ("Lyng said") in articles dated
// within the official's term.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace newsfacet::detail {

struct KnownOfficial {
    std::string name;
    std::string role;
    std::string country;
    int from = 0;  ///< First year in office.
    int to = 0;    ///< Last year in office; 0 while in office.
    bool ambiguous_surname = false;
};

class KnownOfficials {
public:
    /// Parses the TSV format of shared/data/officials.tsv; throws InputError when malformed.
    KnownOfficials(std::string_view tsv, const std::string& origin);

    /// The officials a folded full name or alias may refer to in `year` (0: unknown year,
    /// which accepts only names that refer to one person ever). Ambiguous bare surnames are
    /// left out unless `full_name` is true (the text gave the full name).
    [[nodiscard]] std::vector<const KnownOfficial*> find(const std::string& folded, int year, bool full_name) const;

    /// True if some full name starts with this folded word (a cheap test before find()).
    [[nodiscard]] bool starts_full_name(const std::string& folded) const { return m_first_words.count(folded) != 0; }

    /// Number of tokens of the longest name or alias.
    [[nodiscard]] std::size_t max_tokens() const noexcept { return m_max_tokens; }

    [[nodiscard]] std::size_t size() const noexcept { return m_officials.size(); }

private:
    std::vector<KnownOfficial> m_officials;
    // Folded full names, and folded aliases (surnames, spellings), to official indexes.
    std::unordered_map<std::string, std::vector<std::uint32_t>> m_full;
    std::unordered_map<std::string, std::vector<std::uint32_t>> m_alias;
    std::unordered_set<std::string> m_first_words;
    std::size_t m_max_tokens = 1;
};

/// The officials list compiled into the library (shared/data/officials.tsv).
[[nodiscard]] std::string_view builtin_officials() noexcept;

}  // namespace newsfacet::detail
