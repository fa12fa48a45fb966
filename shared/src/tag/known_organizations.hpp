#pragma once
// Well-known organisations (shared/data/organizations.tsv): international bodies, armed groups,
// government bodies, parties and companies, found by name, alias or abbreviation ("UN",
// "U.N.", "United Nations"), and the generic bodies of a country they stand for ("the Japanese
// central bank" is the Bank of Japan).

#include <algorithm>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
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
    /// Matched by a description rather than a name ("UN refugee agency", "Houthi rebels": an
    /// alias with a lower-case word other than "of", "the", "and", "for" or a particle).
    bool nominal = false;
};

class KnownOrganizations {
public:
    /// Parses the TSV format of shared/data/organizations.tsv (6 columns: name, kind, country,
    /// aliases, context_aliases, generic). `origin` names the source in errors; `also` are more
    /// words worth_reading() lets through. Throws InputError on a malformed line or an unknown
    /// kind. Cost: linear in the file.
    KnownOrganizations(std::string_view tsv, const std::string& origin, const std::vector<std::string_view>& also = {});

    [[nodiscard]] const KnownOrganization& at(std::uint32_t index) const { return m_orgs[index]; }
    [[nodiscard]] std::size_t size() const noexcept { return m_orgs.size(); }

    /// The longest known name starting at token `i` of `tokens` over `text`; `folded` holds the
    /// tokens folded (text::fold). A name's capitalised words must be capitalised in the text, and
    /// short all-capital aliases ("WHO", "EU") must be in capitals. Cost: two hash lookups per
    /// word read, and words are read only while some name starts with them.
    [[nodiscard]] bool match_at(std::string_view text, const std::vector<text::Token>& tokens,
                                const std::vector<std::string>& folded, std::size_t i,
                                OrganizationMatch& out) const;

    /// False for most folded words that can start no name and are none of `also` (the pattern
    /// heads the constructor was given): the scanner's first, cheap test of every word, a bit
    /// of a digest of the word's length and letters, without hashing it. May be true for others.
    /// `capitalised`: the word is; names start in lower case only with a particle ("al-Qaeda").
    [[nodiscard]] bool worth_reading(std::string_view folded, bool capitalised) const noexcept {
        const auto d = digest(folded);
        return (capitalised && m_capitalised_triggers[d]) || m_triggers[d];
    }

    /// The organisation that is `country`'s `generic` body ("central bank"), or nullptr.
    [[nodiscard]] const KnownOrganization* generic(const std::string& country, std::string_view generic) const;

    /// The organisation whose canonical name folds to text::fold(name), or nullptr.
    [[nodiscard]] const KnownOrganization* find(std::string_view name) const;

    /// The organisation a user means by `typed`, in any case ("un", "U.N.", "rsf"): its
    /// canonical name, else an alias, else a context alias ("WHO"); nullptr when unknown or
    /// when the alias names several organisations. For filters (Tagger::canonical), not for
    /// reading articles: no case or context rule applies. Cost: two hash lookups.
    [[nodiscard]] const KnownOrganization* resolve(std::string_view typed) const;

private:
    // The digest of worth_reading(): length, first two letters and the last, in 17 bits.
    static std::size_t digest(std::string_view w) noexcept {
        if (w.empty()) return 0;
        const auto c0 = static_cast<unsigned char>(w[0]);
        const auto c1 = static_cast<unsigned char>(w.size() > 1 ? w[1] : 0);
        const auto cl = static_cast<unsigned char>(w.back());
        return ((w.size() & 15u) << 13) | ((c0 & 31u) << 8) | ((c1 & 31u) << 3) | (cl & 7u);
    }

    struct Alias {
        std::uint32_t org;
        bool context;
        bool nominal;
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
    // A name_key, or the start of a longer one ("united", "united nations"): its aliases, and
    // whether some longer name starts with it, so a match stops reading words as soon as none
    // does. One lookup per word read.
    struct Phrase {
        std::vector<Alias> aliases;
        bool prefix = false;
    };
    std::unordered_map<std::string, Phrase, KeyHash, std::equal_to<>> m_phrases;
    std::bitset<1u << 17> m_capitalised_triggers;  // digests of first words of names
    std::bitset<1u << 17> m_triggers;              // ... of pattern heads and lower-case first words
    std::unordered_map<std::string, std::uint32_t> m_by_name;     // folded canonical name
    std::unordered_map<std::string, std::uint32_t> m_by_generic;  // "country\tgeneric"
    std::size_t m_max_tokens = 1;
};

/// The organisations list compiled into the library (shared/data/organizations.tsv).
[[nodiscard]] std::string_view builtin_organizations() noexcept;

}  // namespace newsfacet::detail
