#pragma once
// Exact facet counts over every match of a query, read from the facets' value slots.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include <newsfacet/facets.hpp>
#include <newsfacet/index.hpp>

namespace newsfacet::detail {

/// A MatchSpy that counts each value of multi-valued facet slots (values joined by
/// value_separator). Sees every match when the MSet is asked to check all documents.
class FacetSpy : public Xapian::MatchSpy {
public:
    explicit FacetSpy(std::vector<Facet> facets);

    void operator()(const Xapian::Document& doc, double weight) override;
    std::string get_description() const override { return "newsfacet::FacetSpy"; }

    /// Documents seen: every match, copies included (spies run before collapsing).
    [[nodiscard]] std::uint64_t matches() const noexcept { return m_matches; }

    /// Matches per month of their date ("YYYY-MM"), in month order.
    [[nodiscard]] std::vector<FacetCount> months() const;

    /// Counts for one facet, most frequent first (ties by value), at most `limit` of them.
    [[nodiscard]] std::vector<FacetCount> counts(Facet facet, std::size_t limit) const;

private:
    std::vector<Facet> m_facets;
    std::vector<Xapian::valueno> m_slots;
    std::vector<std::unordered_map<std::string, std::uint64_t>> m_counts;
    std::unordered_map<std::string, std::uint64_t> m_months;
    std::uint64_t m_matches = 0;
};

}  // namespace newsfacet::detail
