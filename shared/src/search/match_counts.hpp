#pragma once
// Exact counts over every match of a query (totals, facet values, months, near-duplicate
// groups), on a local index or on shards served by stock xapian-tcpsrv.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include <xapian.h>

#include <newsfacet/facets.hpp>

#include "search/facet_columns.hpp"
#include "search/facet_spy.hpp"

namespace newsfacet::detail {

/// Counts what `SpyCounts` asks for over every match of a query, in one of two ways:
/// - local: FacetSpy (notes document ids, reads values afterwards, or FacetColumns);
/// - portable: one Xapian::ValueCountMatchSpy per slot, the only kind of spy a stock
///   `xapian-tcpsrv` can run on a remote shard. It counts whole slot strings, so the
///   library splits each multi-valued string (values joined by value_separator) and adds its
///   count to each value: exact, since an article holds a value at most once. Months are
///   counted by slot_month (by slot_date, in a second match, if a match lacks it: written
///   before it existed); groups are the distinct near-duplicate keys plus the keyless matches.
/// Both give the same numbers; portable costs a map entry per distinct slot string.
/// Local shards (ReadableIndex::shards) are counted locally, each searched on its own (a spy
/// of their combined database would be handed each shard's own ids, which do not tell the
/// shards apart), their matches noted by their id in `db`.
class MatchCounts {
public:
    /// `db` (and `shards`, if any: the local databases `db` is made of, in its order) must
    /// outlive this object. Throws nothing.
    MatchCounts(const Xapian::Database& db, SpyCounts what, bool portable,
                std::span<const Xapian::Database> shards = {});
    ~MatchCounts();
    MatchCounts(const MatchCounts&) = delete;
    MatchCounts& operator=(const MatchCounts&) = delete;

    /// Runs `query` unweighted over the whole database, counting every match. Call once.
    /// Throws what Xapian throws.
    void run(const Xapian::Query& query);

    /// Local counting only (ignored when portable): count from these columns of the revision
    /// the match ran on. Call after run(), before the first count.
    void use(std::shared_ptr<const FacetColumns> columns);

    /// Every match, copies included.
    [[nodiscard]] std::uint64_t matches() const;
    /// Matches once near-duplicate copies are collapsed. Needs SpyCounts::groups.
    [[nodiscard]] std::uint64_t groups() const;
    /// Matches per month ("YYYY-MM"), in month order. Needs SpyCounts::months.
    [[nodiscard]] std::vector<FacetCount> months() const;
    /// One facet's counts, most frequent first (ties by value), at most `limit`.
    [[nodiscard]] std::vector<FacetCount> counts(Facet facet, std::size_t limit) const;

    /// Portable counting with SpyCounts::groups only: how many matches share the near-duplicate
    /// key `key`, or 0 if fewer than 2 do. Cost: a lookup.
    [[nodiscard]] std::uint64_t copies(const std::string& key) const;

    /// Matches per source, most frequent first (ties by value), at most `limit`; articles
    /// without a source are not counted. Needs SpyCounts::sources.
    [[nodiscard]] std::vector<FacetCount> source_counts(std::size_t limit) const;

private:
    struct Portable;
    std::vector<Xapian::MatchSpy*> portable_spies() const;
    void read_portable_spies();
    // Whether every match had a month (slot_month), else months are counted again by date.
    [[nodiscard]] bool months_complete() const;
    void count_months_by_date(const Xapian::Query& query);
    const Xapian::Database& m_db;
    std::span<const Xapian::Database> m_shards;
    SpyCounts m_what;
    std::optional<FacetSpy> m_spy;       // local
    std::unique_ptr<Portable> m_portable;  // portable
    // Sources, either way: a source is one whole slot string, which this spy counts exactly
    // (locally and on remote shards alike).
    std::unique_ptr<Xapian::ValueCountMatchSpy> m_source_spy;
    std::uint64_t m_matches = 0;
};

}  // namespace newsfacet::detail
