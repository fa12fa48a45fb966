#pragma once
// Exact facet counts over every match of a query, read from the facets' value slots.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include <newsfacet/facets.hpp>
#include <newsfacet/index.hpp>

namespace newsfacet::detail {

/// A MatchSpy that counts each value of multi-valued facet slots (values joined by
/// value_separator) and the months of the matches' dates. Sees every match when the MSet is
/// asked to check all documents. During the match it only notes document ids; the first
/// call to months() or counts() reads the slots by walking each slot's value stream once
/// over the sorted ids, far cheaper than reading every matching document's values.
class FacetSpy : public Xapian::MatchSpy {
public:
    /// `db` must outlive the spy; `facets` are the facets to count (others cost nothing).
    FacetSpy(const Xapian::Database& db, std::vector<Facet> facets);

    void operator()(const Xapian::Document& doc, double weight) override;
    std::string get_description() const override { return "newsfacet::FacetSpy"; }

    /// Documents seen: every match, copies included (spies run before collapsing).
    [[nodiscard]] std::uint64_t matches() const noexcept { return m_docids.size(); }

    /// Matches per month of their date ("YYYY-MM"), in month order.
    [[nodiscard]] std::vector<FacetCount> months() const;

    /// Counts for one facet, most frequent first (ties by value), at most `limit` of them.
    [[nodiscard]] std::vector<FacetCount> counts(Facet facet, std::size_t limit) const;

private:
    // Transparent hashing: values are looked up as views into the slot; only a value seen
    // for the first time is copied.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    using Counter = std::unordered_map<std::string, std::uint64_t, Hash, std::equal_to<>>;

    static void count(Counter& counter, std::string_view value);

    // Reads the slots of the noted documents into the counters, once.
    void tally() const;
    // Calls `on_value` with the value of `slot` of each noted document that has one.
    template <typename OnValue>
    void walk(Xapian::valueno slot, OnValue&& on_value) const;

    const Xapian::Database& m_db;
    std::vector<Facet> m_facets;
    mutable std::vector<Xapian::docid> m_docids;  // sorted by tally()
    mutable bool m_tallied = false;
    mutable std::vector<Counter> m_counts;
    mutable Counter m_months;
};

}  // namespace newsfacet::detail
