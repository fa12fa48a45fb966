#include "facet_spy.hpp"

#include <algorithm>
#include <string_view>

#include "schema.hpp"

namespace newsfacet::detail {

FacetSpy::FacetSpy(const Xapian::Database& db, std::vector<Facet> facets)
    : m_db(db), m_facets(std::move(facets)), m_counts(m_facets.size()) {}

void FacetSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
    m_docids.push_back(doc.get_docid());
    m_tallied = false;
}

void FacetSpy::count(Counter& counter, std::string_view value) {
    if (auto it = counter.find(value); it != counter.end()) {
        ++it->second;
    } else {
        counter.emplace(std::string(value), 1);
    }
}

template <typename OnValue>
void FacetSpy::walk(Xapian::valueno slot, OnValue&& on_value) const {
    auto it = m_db.valuestream_begin(slot);
    const auto end = m_db.valuestream_end(slot);
    for (auto docid : m_docids) {
        if (it == end) return;
        // skip_to moves to the first document with a value at or after docid: the stream is
        // read once, in order, whatever the number of matches.
        if (it.get_docid() < docid) it.skip_to(docid);
        if (it == end) return;
        if (it.get_docid() == docid) on_value(*it);
    }
}

void FacetSpy::tally() const {
    if (m_tallied) return;
    // The matcher hands documents over shard by shard for a multi-database: sort to walk
    // each stream forwards.
    std::sort(m_docids.begin(), m_docids.end());
    m_months.clear();
    for (auto& c : m_counts) c.clear();
    walk(slot_date, [&](const std::string& date) {
        if (date.size() >= 7) count(m_months, std::string_view(date).substr(0, 7));
    });
    for (std::size_t i = 0; i < m_facets.size(); ++i) {
        auto& counter = m_counts[i];
        walk(facet_slot(m_facets[i]), [&](const std::string& joined) {
            const std::string_view v = joined;
            std::size_t start = 0;
            while (start < v.size()) {
                auto end = v.find(value_separator, start);
                if (end == std::string_view::npos) end = v.size();
                count(counter, v.substr(start, end - start));
                start = end + 1;
            }
        });
    }
    m_tallied = true;
}

std::vector<FacetCount> FacetSpy::months() const {
    tally();
    std::vector<FacetCount> out;
    for (const auto& [month, count] : m_months) out.push_back({month, count});
    std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) { return a.value < b.value; });
    return out;
}

std::vector<FacetCount> FacetSpy::counts(Facet facet, std::size_t limit) const {
    tally();
    std::vector<FacetCount> out;
    for (std::size_t i = 0; i < m_facets.size(); ++i) {
        if (m_facets[i] != facet) continue;
        for (const auto& [value, count] : m_counts[i]) out.push_back({value, count});
    }
    std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
}

}  // namespace newsfacet::detail
