#pragma once
// Searchers shared by the server's threads, one per request in flight (a Searcher is not
// thread-safe: each is used by one thread at a time and kept for the next request).

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include <newsfacet/searcher.hpp>
#include <newsfacet/tagger.hpp>

namespace newsfacet::serve::detail {

class SearcherPool {
public:
    /// A searcher lent to one request; returned to the pool when the lease ends.
    class Lease {
    public:
        Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher) : m_pool(&pool), m_searcher(std::move(searcher)) {}
        ~Lease() { if (m_searcher) m_pool->give_back(std::move(m_searcher)); }
        Lease(Lease&&) noexcept = default;
        Lease& operator=(Lease&&) = delete;
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        [[nodiscard]] Searcher& operator*() const noexcept { return *m_searcher; }
        [[nodiscard]] Searcher* operator->() const noexcept { return m_searcher.get(); }

    private:
        SearcherPool* m_pool;
        std::unique_ptr<Searcher> m_searcher;
    };

    explicit SearcherPool(std::filesystem::path path) : m_path(std::move(path)) {}

    /// A searcher on the index's newest commit: a kept one moved to it (Searcher::reopen, a
    /// check of the index's version file when nothing changed), else a new one. Throws
    /// HttpError 503 when the index cannot be opened.
    [[nodiscard]] Lease borrow();

private:
    void give_back(std::unique_ptr<Searcher> searcher);
    [[nodiscard]] std::unique_ptr<Searcher> take_kept();

    std::filesystem::path m_path;
    Tagger m_tagger;  // one gazetteer for every searcher (each holds a cheap copy)
    SearcherCache m_cache;  // one copy of each revision's facet data for every searcher
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Searcher>> m_kept;
};

}  // namespace newsfacet::serve::detail
