#pragma once
// Exact facet counts and near-duplicate group counts over every match of a query.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include <newsfacet/facets.hpp>
#include <newsfacet/index.hpp>

#include "search/facet_columns.hpp"

namespace newsfacet::detail {

/// What a FacetSpy counts besides the number of matches.
struct SpyCounts {
    std::vector<Facet> facets;  // facets to count (others cost nothing)
    bool months = false;        // matches per month of their date
    bool groups = false;        // distinct near-duplicate groups among the matches
    bool sources = false;       // matches per source (as given)
};

/// Facet counts most frequent first, ties by value, cut to `limit`: the order every count
/// shown to users has, however it was counted.
[[nodiscard]] std::vector<FacetCount> ranked_counts(std::vector<FacetCount> counts, std::size_t limit);

/// Month counts in month order.
[[nodiscard]] std::vector<FacetCount> month_order(std::vector<FacetCount> months);

/// A MatchSpy that counts each value of multi-valued facet slots (values joined by
/// value_separator), the months of the matches' dates and their near-duplicate groups. Sees
/// every match when the MSet is asked to check all documents. During the match it only notes
/// document ids; the first call to a count reads them in one go: from FacetColumns when given
/// (a few array reads per match), else by walking each slot's value stream once over the
/// sorted ids (far cheaper than reading every matching document's values).
class FacetSpy : public Xapian::MatchSpy {
public:
    /// `db` must outlive the spy.
    FacetSpy(const Xapian::Database& db, SpyCounts what);

    void operator()(const Xapian::Document& doc, double weight) override;

    /// The documents seen from now on are those of shard `shard` of `shards`, each searched on
    /// its own, while `db` is the database of all of them: their ids are noted as `db` numbers
    /// them, so that counting reads `db` once for all shards (see ReadableIndex::shards).
    void from_shard(unsigned shard, unsigned shards) noexcept {
        m_shard = shard;
        m_shards = shards;
    }
    std::string get_description() const override { return "newsfacet::FacetSpy"; }

    /// Counts from these columns (which must be of the revision the match ran on) instead
    /// of the value streams. May be called after the match, before the first count.
    void use(std::shared_ptr<const FacetColumns> columns) {
        m_columns = std::move(columns);
        m_tallied = false;
    }

    /// Documents seen: every match, copies included (spies run before collapsing).
    [[nodiscard]] std::uint64_t matches() const noexcept { return m_docids.size(); }

    /// Matches once near-duplicate copies are collapsed: articles without a key count one each,
    /// the others one per distinct key. Needs SpyCounts::groups.
    [[nodiscard]] std::uint64_t groups() const;

    /// Matches per month of their date ("YYYY-MM"), in month order. Needs SpyCounts::months.
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

    // Reads the noted documents into the counters, once.
    void tally() const;
    void tally_columns(const FacetColumns& columns) const;
    void tally_streams() const;

    const Xapian::Database& m_db;
    SpyCounts m_what;
    std::shared_ptr<const FacetColumns> m_columns;
    mutable std::vector<Xapian::docid> m_docids;  // sorted by tally()
    unsigned m_shard = 0;
    unsigned m_shards = 1;
    mutable bool m_tallied = false;
    mutable std::vector<Counter> m_counts;  // one per m_what.facets
    mutable Counter m_months;
    mutable std::uint64_t m_groups = 0;
};

/// The matches once near-duplicate copies are collapsed, the one rule of every way of
/// counting: of `matches` matches, `keyed` carry a near-duplicate key, `distinct_keys` of them
/// different. Each key counts once, each match without a key once (a key no other match has
/// counts once either way).
[[nodiscard]] constexpr std::uint64_t collapsed_count(std::uint64_t matches, std::uint64_t keyed,
                                                      std::uint64_t distinct_keys) noexcept {
    return matches - keyed + distinct_keys;
}

}  // namespace newsfacet::detail
