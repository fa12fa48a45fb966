#include "facet_spy.hpp"

#include <algorithm>

#include "schema.hpp"

namespace newsfacet::detail {

FacetSpy::FacetSpy(std::vector<Facet> facets) : m_facets(std::move(facets)), m_counts(m_facets.size()) {
    for (auto f : m_facets) m_slots.push_back(facet_slot(f));
}

void FacetSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
    ++m_matches;
    const std::string date = doc.get_value(slot_date);
    if (date.size() >= 7) ++m_months[date.substr(0, 7)];
    for (std::size_t i = 0; i < m_slots.size(); ++i) {
        const std::string v = doc.get_value(m_slots[i]);
        std::size_t start = 0;
        while (start < v.size()) {
            auto end = v.find(value_separator, start);
            if (end == std::string::npos) end = v.size();
            ++m_counts[i][v.substr(start, end - start)];
            start = end + 1;
        }
    }
}

std::vector<FacetCount> FacetSpy::months() const {
    std::vector<FacetCount> out;
    for (const auto& [month, count] : m_months) out.push_back({month, count});
    std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) { return a.value < b.value; });
    return out;
}

std::vector<FacetCount> FacetSpy::counts(Facet facet, std::size_t limit) const {
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
