#include "search/facet_columns.hpp"

#include <algorithm>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "text/dates.hpp"
#include "text/near_duplicate.hpp"
#include "store/schema.hpp"

namespace newsfacet::detail {

namespace {

// Interns strings as dense ids in order of first appearance. Lookups take views: only a
// string seen for the first time is copied.
class Interner {
public:
    explicit Interner(std::vector<std::string>& names) : m_names(names) {
        for (std::uint32_t i = 0; i < m_names.size(); ++i) m_ids.emplace(m_names[i], i);
    }
    std::uint32_t id(std::string_view name) {
        if (auto it = m_ids.find(name); it != m_ids.end()) return it->second;
        const auto id = static_cast<std::uint32_t>(m_names.size());
        m_names.emplace_back(name);
        m_ids.emplace(std::string(name), id);
        return id;
    }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::vector<std::string>& m_names;
    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> m_ids;
};

// Calls on_value(docid, value) for each document with a value in `slot`, in docid order.
template <typename OnValue>
void each_value(const Xapian::Database& db, Xapian::valueno slot, OnValue&& on_value) {
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) on_value(it.get_docid(), *it);
}

}  // namespace

FacetColumns FacetColumns::read(const Xapian::Database& db) {
    FacetColumns columns;
    const std::size_t size = static_cast<std::size_t>(db.get_lastdocid()) + 1;
    for (auto facet : all_facets) {
        auto& column = columns.m_facets[static_cast<std::size_t>(facet)];
        Interner interner(column.values);
        column.offsets.assign(size + 1, 0);
        Xapian::docid next = 0;  // offsets[next..docid] still to fill
        each_value(db, facet_slot(facet), [&](Xapian::docid d, const std::string& joined) {
            const auto start = static_cast<std::uint32_t>(column.ids.size());
            for (; next <= d; ++next) column.offsets[next] = start;
            for_each_value(joined, [&](std::string_view value) { column.ids.push_back(interner.id(value)); });
        });
        const auto total = static_cast<std::uint32_t>(column.ids.size());
        for (; next <= size; ++next) column.offsets[next] = total;
    }
    {
        Interner interner(columns.m_month_names);
        columns.m_months.assign(size, 0);
        each_value(db, slot_date, [&](Xapian::docid d, const std::string& date) {
            if (auto month = month_of(date); !month.empty()) columns.m_months[d] = interner.id(month);
        });
    }
    {
        // Only keys shared by several articles need a group: an article alone with its key
        // counts once, like one without a key. Sorting numbers finds the shared ones.
        std::vector<std::pair<std::uint64_t, Xapian::docid>> keyed;
        KeyNumbers numbers;
        each_value(db, slot_collapse, [&](Xapian::docid d, const std::string& key) {
            if (!key.empty()) keyed.emplace_back(numbers(key), d);
        });
        std::sort(keyed.begin(), keyed.end());
        columns.m_groups.assign(size, 0);
        for (std::size_t i = 0; i < keyed.size();) {
            auto j = i + 1;
            while (j < keyed.size() && keyed[j].first == keyed[i].first) ++j;
            if (j - i > 1) {
                ++columns.m_group_count;
                for (auto k = i; k < j; ++k) columns.m_groups[keyed[k].second] = columns.m_group_count;
            }
            i = j;
        }
    }
    return columns;
}

std::size_t FacetColumns::memory() const noexcept {
    std::size_t bytes = (m_months.size() + m_groups.size()) * sizeof(std::uint32_t);
    for (const auto& column : m_facets) {
        bytes += (column.offsets.size() + column.ids.size()) * sizeof(std::uint32_t);
        for (const auto& v : column.values) bytes += sizeof(std::string) + v.capacity();
    }
    return bytes;
}

std::uint64_t KeyNumbers::operator()(std::string_view key) {
    if (auto n = near_duplicate_number(key)) return *n;
    auto [it, added] = m_other.try_emplace(std::string(key), (std::uint64_t{1} << 63) | m_other.size());
    return it->second;
}

std::shared_ptr<const FacetColumns> SharedColumns::get(const Xapian::Database& db,
                                                       const std::vector<Xapian::rev>& revision, bool read) {
    const std::string uuid = db.get_uuid();
    if (uuid.empty()) return read ? std::make_shared<const FacetColumns>(FacetColumns::read(db)) : nullptr;
    std::lock_guard lock(m_mutex);
    auto& kept = m_kept[uuid];
    auto columns = kept.columns.lock();
    if (columns && kept.revision == revision) return columns;
    if (!read) return nullptr;
    auto fresh = std::make_shared<const FacetColumns>(FacetColumns::read(db));
    if (!columns || kept.revision < revision) kept = {revision, fresh};
    return fresh;
}

std::optional<Xapian::rev> single_revision(const Xapian::Database& db) {
    try {
        return db.get_revision();
    } catch (const Xapian::InvalidOperationError&) {  // several shards
        return std::nullopt;
    } catch (const Xapian::UnimplementedError&) {  // a backend without revisions
        return std::nullopt;
    }
}

std::optional<std::vector<Xapian::rev>> revisions(const Xapian::Database& db, std::span<const Xapian::Database> shards) {
    std::vector<Xapian::rev> out;
    if (shards.empty()) {
        auto own = single_revision(db);
        if (!own) return std::nullopt;
        out.push_back(*own);
        return out;
    }
    for (const auto& shard : shards) {
        auto revision = single_revision(shard);
        if (!revision) return std::nullopt;
        out.push_back(*revision);
    }
    return out;
}

}  // namespace newsfacet::detail
