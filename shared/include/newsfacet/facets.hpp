#pragma once
// Entity facets: what an article is about (countries, officials, locations, organisations).

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <newsfacet/export.hpp>

namespace newsfacet {

/// The entity facets newsfacet tags, stores and counts.
enum class Facet { country, official, location, organization };

/// Every facet, in display order.
inline constexpr std::array<Facet, 4> all_facets{Facet::country, Facet::official, Facet::location,
                                                 Facet::organization};

/// The facet's name as used on the command line, in queries and in JSON ("country", ...,
/// "organization").
[[nodiscard]] NEWSFACET_EXPORT std::string_view facet_name(Facet facet) noexcept;

/// Parses a facet name (case-insensitive); "organisation" is accepted for Facet::organization.
/// Returns nullopt for an unknown name.
[[nodiscard]] NEWSFACET_EXPORT std::optional<Facet> parse_facet(std::string_view name) noexcept;

/// Like parse_facet, but throws UsageError naming the valid facets for an unknown name.
[[nodiscard]] NEWSFACET_EXPORT Facet facet_from_name(std::string_view name);

/// Canonical values per facet, each list sorted and without duplicates.
struct NEWSFACET_EXPORT FacetValues {
    std::vector<std::string> country;
    std::vector<std::string> official;
    std::vector<std::string> location;
    std::vector<std::string> organization;

    [[nodiscard]] std::vector<std::string>& operator[](Facet facet) noexcept;
    [[nodiscard]] const std::vector<std::string>& operator[](Facet facet) const noexcept;
};

/// An official named in an article: canonical name, office, and the country they serve (may be
/// empty when the article does not say).
struct Official {
    std::string name;
    std::string role;
    std::string country;
};

/// The kinds of organisation, as Organization::kind holds them.
inline constexpr std::array<std::string_view, 6> organization_kinds{
    "international body", "armed group", "government body", "party", "company", "other"};

/// An organisation named in an article: canonical name ("United Nations", "Hamas") and its kind,
/// one of organization_kinds ("other" when the tagger cannot tell).
struct Organization {
    std::string name;
    std::string kind;
};

/// One entity mention in an article body. `start`/`end` are byte offsets into the body
/// ([start, end)); `text` is the body's bytes there. `demonym` is true when the mention is an
/// adjective or demonym ("Azerbaijani") rather than a name.
struct Mention {
    Facet facet = Facet::country;
    std::string value;
    std::string text;
    std::size_t start = 0;
    std::size_t end = 0;
    bool demonym = false;
};

/// Everything the tagger found in one article: the salient facet values (what the article is
/// about), the officials with their roles, the salient organisations with their kinds (in the
/// order of facets.organization), and every mention, salient or not.
struct Tagging {
    FacetValues facets;
    std::vector<Official> officials;
    std::vector<Organization> organizations;
    std::vector<Mention> mentions;
};

}  // namespace newsfacet
