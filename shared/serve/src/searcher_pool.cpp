#include "searcher_pool.hpp"

#include <newsfacet/error.hpp>
#include <newsfacet/serve/http.hpp>

namespace newsfacet::serve::detail {

std::unique_ptr<Searcher> SearcherPool::take_kept() {
    std::lock_guard lock(m_mutex);
    if (m_kept.empty()) return nullptr;
    auto searcher = std::move(m_kept.back());
    m_kept.pop_back();
    return searcher;
}

void SearcherPool::give_back(std::unique_ptr<Searcher> searcher) {
    std::lock_guard lock(m_mutex);
    m_kept.push_back(std::move(searcher));
}

SearcherPool::Lease SearcherPool::borrow() {
    if (auto kept = take_kept()) {
        try {
            kept->reopen();
            return Lease(*this, std::move(kept));
        } catch (const Error&) {
            // The index went away or was replaced: open it afresh below (or answer 503).
        }
    }
    try {
        return Lease(*this, std::make_unique<Searcher>(m_path, m_tagger, m_cache));
    } catch (const Error& e) {
        throw HttpError(503, "", std::string("the index cannot be opened: ") + e.what());
    }
}

}  // namespace newsfacet::serve::detail
