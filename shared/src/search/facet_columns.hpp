#pragma once
// The facet data of every article of one index revision, held in memory as columns indexed by
// document id ("doc values"): what exact facet counts read when a query matches many articles.

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include <newsfacet/facets.hpp>

namespace newsfacet::detail {

/// Each facet's values, each article's month and near-duplicate group, as small integer ids
/// per document id. Read once from the value slots (one pass over each slot's value stream);
/// afterwards counting a match costs a few array reads instead of decoding its values.
/// Immutable once read, so one copy serves any number of searches of that revision.
class FacetColumns {
public:
    /// One multi-valued column: the values of document d are
    /// `values[ids[offsets[d]]] ... values[ids[offsets[d + 1] - 1]]`.
    struct Column {
        std::vector<std::string> values;     // distinct values, in order of first appearance
        std::vector<std::uint32_t> offsets;  // last docid + 2 entries
        std::vector<std::uint32_t> ids;      // indexes into `values`
    };

    /// Reads the columns of `db` as it is now. Cost: one pass over the value streams of the
    /// date, facet and near-duplicate slots; memory about 30 bytes per article. Throws what
    /// Xapian throws on read failure.
    [[nodiscard]] static FacetColumns read(const Xapian::Database& db);

    [[nodiscard]] const Column& facet(Facet facet) const noexcept { return m_facets[static_cast<std::size_t>(facet)]; }

    /// "YYYY-MM" per month id; id 0 is "no date".
    [[nodiscard]] const std::vector<std::string>& months() const noexcept { return m_month_names; }
    [[nodiscard]] std::uint32_t month(Xapian::docid d) const noexcept { return d < m_months.size() ? m_months[d] : 0; }

    /// Number of near-duplicate groups (ids 1..groups()): the keys shared by two articles or
    /// more. Id 0 is "no other article shares its key" (or it has none).
    [[nodiscard]] std::uint32_t groups() const noexcept { return m_group_count; }
    [[nodiscard]] std::uint32_t group(Xapian::docid d) const noexcept { return d < m_groups.size() ? m_groups[d] : 0; }

    /// Bytes held, roughly.
    [[nodiscard]] std::size_t memory() const noexcept;

private:
    std::array<Column, all_facets.size()> m_facets;
    std::vector<std::string> m_month_names{""};
    std::vector<std::uint32_t> m_months;
    std::vector<std::uint32_t> m_groups;
    std::uint32_t m_group_count = 0;
};

/// The facet columns of the index revisions some searchers read, shared between them: one
/// copy per revision instead of one per searcher (a server's searchers, one per worker, each
/// read and held their own). Indexes are told apart by their UUID (a sharded one's: its
/// shards'), revisions by number (see revisions()). Holds
/// only the newest revision of each index, and only while a searcher holds it. Thread-safe.
class SharedColumns {
public:
    /// The columns of `db` as of `revision` (its current revisions()): the copy a searcher of this
    /// cache read, else, with `read` true, read from `db` now (a searcher asking meanwhile
    /// waits for it rather than reading too) and shared unless a newer revision already is,
    /// else null. An index without a UUID is read for the caller alone. Throws what
    /// FacetColumns::read throws.
    [[nodiscard]] std::shared_ptr<const FacetColumns> get(const Xapian::Database& db, const std::vector<Xapian::rev>& revision,
                                                         bool read);

private:
    struct Kept {
        std::vector<Xapian::rev> revision;
        std::weak_ptr<const FacetColumns> columns;
    };
    std::mutex m_mutex;
    std::unordered_map<std::string, Kept> m_kept;  // by index UUID
};

/// Near-duplicate keys as distinct numbers: near_duplicate_number() for keys in its form, a
/// number of its own (with bit 63 set) for any other.
class KeyNumbers {
public:
    [[nodiscard]] std::uint64_t operator()(std::string_view key);

private:
    std::unordered_map<std::string, std::uint64_t> m_other;
};

/// The revision of a single local index, or nullopt when it has none of its own (a stub or
/// sharded database): columns are only kept for what can be told apart from its successors.
[[nodiscard]] std::optional<Xapian::rev> single_revision(const Xapian::Database& db);

/// The revisions of `db`'s databases: its own (single_revision), or each of its local
/// `shards` (see ReadableIndex); nullopt if it has none to tell it from its successors.
[[nodiscard]] std::optional<std::vector<Xapian::rev>> revisions(const Xapian::Database& db,
                                                                std::span<const Xapian::Database> shards);

}  // namespace newsfacet::detail
