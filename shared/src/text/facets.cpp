#include <newsfacet/facets.hpp>

#include <newsfacet/error.hpp>

#include "text/text.hpp"

namespace newsfacet {

std::string_view facet_name(Facet facet) noexcept {
    switch (facet) {
        case Facet::country:
            return "country";
        case Facet::official:
            return "official";
        case Facet::location:
            return "location";
        case Facet::organization:
            return "organization";
    }
    return "country";
}

std::optional<Facet> parse_facet(std::string_view name) noexcept {
    auto lower = text::ascii_lower(name);
    for (auto f : all_facets) {
        if (facet_name(f) == lower) return f;
    }
    // British spelling, as users there type it.
    if (lower == "organisation") return Facet::organization;
    return std::nullopt;
}

Facet facet_from_name(std::string_view name) {
    if (auto f = parse_facet(name)) return *f;
    throw UsageError("unknown facet '" + std::string(name) +
                     "' (valid facets: country, official, location, organization)");
}

std::vector<std::string>& FacetValues::operator[](Facet facet) noexcept {
    switch (facet) {
        case Facet::official:
            return official;
        case Facet::location:
            return location;
        case Facet::organization:
            return organization;
        case Facet::country:
            break;
    }
    return country;
}

const std::vector<std::string>& FacetValues::operator[](Facet facet) const noexcept {
    return const_cast<FacetValues&>(*this)[facet];
}

}  // namespace newsfacet
