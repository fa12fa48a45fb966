#include "search/facet_spy.hpp"

#include <algorithm>
#include <string_view>

#include "store/database.hpp"
#include "store/schema.hpp"
#include "text/dates.hpp"

namespace newsfacet::detail {

namespace {

void count(auto& counter, std::string_view value, std::uint64_t n = 1) {
    if (auto it = counter.find(value); it != counter.end()) {
        it->second += n;
    } else {
        counter.emplace(std::string(value), n);
    }
}

// Calls `on_value` with the value of `slot` of each of the sorted `docids` that has one.
template <typename OnValue>
void walk(const Xapian::Database& db, const std::vector<Xapian::docid>& docids, Xapian::valueno slot,
          OnValue&& on_value) {
    auto it = db.valuestream_begin(slot);
    const auto end = db.valuestream_end(slot);
    for (auto docid : docids) {
        if (it == end) return;
        // skip_to moves to the first document with a value at or after docid: the stream is
        // read once, in order, whatever the number of matches.
        if (it.get_docid() < docid) it.skip_to(docid);
        if (it == end) return;
        if (it.get_docid() == docid) on_value(*it);
    }
}

// How many different numbers `numbers` holds (which it sorts).
template <typename Number>
std::uint64_t distinct_count(std::vector<Number>& numbers) {
    std::sort(numbers.begin(), numbers.end());
    return static_cast<std::uint64_t>(std::unique(numbers.begin(), numbers.end()) - numbers.begin());
}

}  // namespace

FacetSpy::FacetSpy(const Xapian::Database& db, SpyCounts what)
    : m_db(db), m_what(std::move(what)), m_counts(m_what.facets.size()) {}

void FacetSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
    m_docids.push_back(whole_docid(m_shard, doc.get_docid(), m_shards));
    m_tallied = false;
}

void FacetSpy::tally() const {
    if (m_tallied) return;
    m_months.clear();
    for (auto& c : m_counts) c.clear();
    m_groups = 0;
    if (m_columns) {
        tally_columns(*m_columns);
    } else {
        tally_streams();
    }
    m_tallied = true;
}

void FacetSpy::tally_columns(const FacetColumns& columns) const {
    for (std::size_t i = 0; i < m_what.facets.size(); ++i) {
        const auto& column = columns.facet(m_what.facets[i]);
        std::vector<std::uint64_t> per_value(column.values.size());
        const auto last = column.offsets.size() - 1;
        for (auto d : m_docids) {
            if (d >= last) continue;
            for (auto k = column.offsets[d]; k < column.offsets[d + 1]; ++k) ++per_value[column.ids[k]];
        }
        for (std::size_t v = 0; v < per_value.size(); ++v) {
            if (per_value[v] > 0) m_counts[i].emplace(column.values[v], per_value[v]);
        }
    }
    if (m_what.months) {
        std::vector<std::uint64_t> per_month(columns.months().size());
        for (auto d : m_docids) ++per_month[columns.month(d)];
        for (std::size_t m = 1; m < per_month.size(); ++m) {
            if (per_month[m] > 0) m_months.emplace(columns.months()[m], per_month[m]);
        }
    }
    if (m_what.groups) {
        // Group 0 is every article whose key no other article has (or that has none): as
        // keyless. A bitmap of the groups seen when the matches are many, else sorting.
        std::uint64_t grouped = 0;
        std::uint64_t distinct = 0;
        if (m_docids.size() * 32 > columns.groups()) {
            std::vector<bool> seen(columns.groups() + 1);
            for (auto d : m_docids) {
                const auto g = columns.group(d);
                if (g == 0) continue;
                ++grouped;
                if (!seen[g]) {
                    seen[g] = true;
                    ++distinct;
                }
            }
        } else {
            std::vector<std::uint32_t> ids;
            ids.reserve(m_docids.size());
            for (auto d : m_docids) {
                if (const auto g = columns.group(d); g != 0) ids.push_back(g);
            }
            grouped = ids.size();
            distinct = distinct_count(ids);
        }
        m_groups = collapsed_count(m_docids.size(), grouped, distinct);
    }
}

void FacetSpy::tally_streams() const {
    // The matcher hands documents over shard by shard for a multi-database: sort to walk
    // each stream forwards.
    std::sort(m_docids.begin(), m_docids.end());
    if (m_what.months) {
        walk(m_db, m_docids, slot_date, [&](const std::string& date) {
            if (auto month = month_of(date); !month.empty()) count(m_months, month);
        });
    }
    for (std::size_t i = 0; i < m_what.facets.size(); ++i) {
        auto& counter = m_counts[i];
        walk(m_db, m_docids, facet_slot(m_what.facets[i]), [&](const std::string& joined) {
            for_each_value(joined, [&](std::string_view value) { count(counter, value); });
        });
    }
    if (m_what.groups) {
        std::vector<std::uint64_t> keys;
        KeyNumbers numbers;
        walk(m_db, m_docids, slot_collapse, [&](const std::string& key) {
            if (!key.empty()) keys.push_back(numbers(key));
        });
        m_groups = collapsed_count(m_docids.size(), keys.size(), distinct_count(keys));
    }
}

std::uint64_t FacetSpy::groups() const {
    tally();
    return m_groups;
}

std::vector<FacetCount> ranked_counts(std::vector<FacetCount> counts, std::size_t limit) {
    std::sort(counts.begin(), counts.end(), [](const FacetCount& a, const FacetCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (counts.size() > limit) counts.resize(limit);
    return counts;
}

std::vector<FacetCount> month_order(std::vector<FacetCount> months) {
    std::sort(months.begin(), months.end(), [](const FacetCount& a, const FacetCount& b) { return a.value < b.value; });
    return months;
}

std::vector<FacetCount> FacetSpy::months() const {
    tally();
    std::vector<FacetCount> out;
    for (const auto& [month, count] : m_months) out.push_back({month, count});
    return month_order(std::move(out));
}

std::vector<FacetCount> FacetSpy::counts(Facet facet, std::size_t limit) const {
    tally();
    std::vector<FacetCount> out;
    for (std::size_t i = 0; i < m_what.facets.size(); ++i) {
        if (m_what.facets[i] != facet) continue;
        for (const auto& [value, count] : m_counts[i]) out.push_back({value, count});
    }
    return ranked_counts(std::move(out), limit);
}

}  // namespace newsfacet::detail
