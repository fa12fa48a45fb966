#pragma once
// Well-known organisations (shared/data/organizations.tsv): international bodies, armed groups,
// government bodies, parties and companies, found by name, alias or abbreviation ("UN",
// "U.N.", "United Nations"), and the generic bodies of a country they stand for ("the Japanese
// central bank" is the Bank of Japan).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/text.hpp"

namespace newsfacet::detail {

struct KnownOrganization {
    std::string name;     ///< Canonical display name.
    std::string kind;     ///< "international body", "armed group", "government body", "party", "company", "other".
    std::string country;  ///< Canonical country value of the gazetteer, or empty.
    std::vector<std::string> generics;  ///< Generic bodies it is for its country ("central bank").
};

/// A list match in a token sequence: tokens [first, last) name organisation `org`.
struct OrganizationMatch {
    std::size_t first = 0;
    std::size_t last = 0;
    std::uint32_t org = 0;
    /// Matched by a context alias (a common word or shared initials): counts only with other
    /// evidence that the article means this organisation.
    bool context = false;
};

class KnownOrganizations {
public:
    /// Parses the TSV format of shared/data/organizations.tsv (6 columns: name, kind, country,
    /// aliases, context_aliases, generic). `origin` names the source in errors. Throws InputError
    /// on a malformed line or an unknown kind. Cost: linear in the file.
    KnownOrganizations(std::string_view tsv, const std::string& origin);

    [[nodiscard]] const KnownOrganization& at(std::uint32_t index) const { return m_orgs[index]; }
    [[nodiscard]] std::size_t size() const noexcept { return m_orgs.size(); }

    /// The longest known name starting at token `i` of `tokens` over `text`; `folded` holds the
    /// tokens folded (text::fold). A name's capitalised words must be capitalised in the text, and
    /// short all-capital aliases ("WHO", "EU") must be in capitals. Cost: two hash lookups per
    /// word read, and words are read only while some name starts with them.
    [[nodiscard]] bool match_at(std::string_view text, const std::vector<text::Token>& tokens,
                                const std::vector<std::string>& folded, std::size_t i,
                                OrganizationMatch& out) const;

    /// True if a name may start with this folded word: worth a match_at(). `capitalised`: the
    /// word is; names start in lower case only with a particle ("al" of "al-Qaeda"). Inline and
    /// without hashing the word, as it is asked of every word; false positives are possible.
    [[nodiscard]] bool may_start(std::string_view folded, bool capitalised) const noexcept {
        if (!capitalised) {
            return std::find(m_lower_first.begin(), m_lower_first.end(), folded) != m_lower_first.end();
        }
        return m_first_sketch[sketch_index(folded)];
    }

    /// The organisation that is `country`'s `generic` body ("central bank"), or nullptr.
    [[nodiscard]] const KnownOrganization* generic(const std::string& country, std::string_view generic) const;

    /// The organisation whose canonical name folds to text::fold(name), or nullptr.
    [[nodiscard]] const KnownOrganization* find(std::string_view name) const;

private:
    // A cheap digest of a word (length and first two letters) for may_start().
    static std::size_t sketch_index(std::string_view w) noexcept {
        const auto c0 = static_cast<unsigned char>(w.empty() ? 0 : w[0]);
        const auto c1 = static_cast<unsigned char>(w.size() < 2 ? 0 : w[1]);
        return ((std::min<std::size_t>(w.size(), 15) << 12) | ((c0 & 63u) << 6) | (c1 & 63u)) & (sketch_size - 1);
    }
    static constexpr std::size_t sketch_size = 1u << 16;

    struct Alias {
        std::uint32_t org;
        bool context;
        bool exact_case;
        std::uint32_t upper_mask;  // bit k: the name's word k is capitalised
    };
    void add_alias(std::string_view alias, std::uint32_t org, bool context);

    // Looks phrases up by string_view, without building a string for each length tried.
    struct KeyHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };

    std::vector<KnownOrganization> m_orgs;
    std::unordered_map<std::string, std::vector<Alias>, KeyHash, std::equal_to<>> m_aliases;  // name_key -> aliases
    // The shorter word sequences that start a longer name ("united", "united nations"): a
    // match stops reading words as soon as no name starts with those read.
    std::unordered_set<std::string, KeyHash, std::equal_to<>> m_prefixes;
    std::vector<std::string> m_lower_first;  // first words of names that start in lower case
    std::vector<bool> m_first_sketch = std::vector<bool>(sketch_size);  // sketch_index of first words
    std::unordered_map<std::string, std::uint32_t> m_by_name;     // folded canonical name
    std::unordered_map<std::string, std::uint32_t> m_by_generic;  // "country\tgeneric"
    std::size_t m_max_tokens = 1;
};

/// The organisations list compiled into the library (shared/data/organizations.tsv).
[[nodiscard]] std::string_view builtin_organizations() noexcept;

}  // namespace newsfacet::detail
