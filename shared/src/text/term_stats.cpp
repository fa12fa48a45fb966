#include "text/term_stats.hpp"

#include <utility>

namespace newsfacet::detail {

Xapian::doccount TermStats::termfreq(const std::string& term) const {
    if (auto it = m_known.find(term); it != m_known.end()) return it->second;
    if (m_noting) {
        m_noted.push_back(term);
        // Known from now on for this pass; stop_noting() forgets it again.
        m_known.emplace(term, 1);
        return 1;
    }
    const auto frequency = m_db.get_termfreq(term);
    m_known.emplace(term, frequency);
    return frequency;
}

std::vector<std::string> TermStats::stop_noting() {
    m_noting = false;
    for (const auto& term : m_noted) m_known.erase(term);
    return std::exchange(m_noted, {});
}

}  // namespace newsfacet::detail
