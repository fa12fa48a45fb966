#pragma once
// Well-known organisations (shared/data/organizations.tsv): international bodies, armed groups,
// government bodies, parties and companies, found by name, alias or abbreviation ("UN",
// "U.N.", "United Nations"), and the generic bodies of a country they stand for ("the Japanese
// central bank" is the Bank of Japan).

#include <cstddef>
#include <cstdint>
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
    /// short all-capital aliases ("WHO", "EU") must be in capitals. Cost: one hash lookup for most
    /// tokens (those that start no name).
    [[nodiscard]] bool match_at(std::string_view text, const std::vector<text::Token>& tokens,
                                const std::vector<std::string>& folded, std::size_t i,
                                OrganizationMatch& out) const;

    /// The organisation that is `country`'s `generic` body ("central bank"), or nullptr.
    [[nodiscard]] const KnownOrganization* generic(const std::string& country, std::string_view generic) const;

    /// The organisation whose canonical name folds to text::fold(name), or nullptr.
    [[nodiscard]] const KnownOrganization* find(std::string_view name) const;

private:
    struct Alias {
        std::uint32_t org;
        bool context;
        bool exact_case;
        std::uint32_t upper_mask;  // bit k: the name's word k is capitalised
    };
    void add_alias(std::string_view alias, std::uint32_t org, bool context);

    std::vector<KnownOrganization> m_orgs;
    std::unordered_map<std::string, std::vector<Alias>> m_aliases;  // text::name_key -> aliases
    std::unordered_set<std::string> m_first_tokens;
    std::unordered_map<std::string, std::uint32_t> m_by_name;     // folded canonical name
    std::unordered_map<std::string, std::uint32_t> m_by_generic;  // "country\tgeneric"
    std::size_t m_max_tokens = 1;
};

/// The organisations list compiled into the library (shared/data/organizations.tsv).
[[nodiscard]] std::string_view builtin_organizations() noexcept;

}  // namespace newsfacet::detail
