#pragma once
// Helpers shared by the API tests: building an index of corpus/ through the public API and
// running searches that return every hit.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <newsfacet/newsfacet.hpp>

#include "corpus.hpp"
#include "temp_dir.hpp"

namespace newsfacet::testing {

inline std::filesystem::path corpus_dir() { return NEWSFACET_CORPUS_DIR; }

/// Indexes corpus/ into `dir`/index and returns the index path. Fails the test on any error.
inline std::filesystem::path index_corpus(const TempDir& dir) {
    auto path = dir / "index";
    auto index = Index::create_or_open(path);
    std::vector<std::string> errors;
    IngestHandler handler;
    handler.on_error = [&](const InputError& e) { errors.push_back(e.what()); };
    auto stats = ingest(index, {corpus_dir()}, handler);
    for (const auto& e : errors) ADD_FAILURE() << "corpus input error: " << e;
    EXPECT_EQ(stats.added, corpus_articles);
    EXPECT_EQ(stats.failed, 0u);
    return path;
}

/// A request that returns every hit and every facet value.
inline SearchRequest everything(std::string query = {}) {
    SearchRequest request;
    request.query = std::move(query);
    request.limit = 1000;
    request.max_facet_values = 100000;
    return request;
}

inline std::vector<std::string> ids_of(const SearchResults& results) {
    std::vector<std::string> out;
    for (const auto& h : results.hits) out.push_back(h.id);
    return out;
}

inline bool contains(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

/// The facet counts of `results` for one facet (empty if the facet is absent).
inline std::vector<FacetCount> counts_of(const SearchResults& results, Facet facet) {
    for (const auto& [f, counts] : results.facets) {
        if (f == facet) return counts;
    }
    return {};
}

/// An article with the given id and text; other fields empty.
inline Article make_article(std::string id, std::string title, std::string body) {
    Article a;
    a.id = std::move(id);
    a.title = std::move(title);
    a.body = std::move(body);
    return a;
}

/// Reads every article in `path` through read_articles, collecting errors and warnings.
struct ReadResult {
    std::vector<Article> articles;
    std::vector<InputError> errors;
    std::vector<std::string> warnings;

    [[nodiscard]] const Article* find(const std::string& id) const {
        for (const auto& a : articles) {
            if (a.id == id) return &a;
        }
        return nullptr;
    }
    [[nodiscard]] std::vector<std::string> ids() const {
        std::vector<std::string> out;
        for (const auto& a : articles) out.push_back(a.id);
        return out;
    }
};

inline ReadResult read_all(const std::filesystem::path& path, const ReadOptions& options = {}) {
    ReadResult out;
    ReadHandler handler;
    handler.on_article = [&](Article&& a) { out.articles.push_back(std::move(a)); };
    handler.on_error = [&](const InputError& e) { out.errors.push_back(e); };
    handler.on_warning = [&](const std::string& w) { out.warnings.push_back(w); };
    read_articles(path, handler, options);
    return out;
}

/// Ids of the hits of `results` that satisfy `pred`, in result order.
template <typename Pred>
std::vector<std::string> ids_where(const SearchResults& results, Pred pred) {
    std::vector<std::string> out;
    for (const auto& h : results.hits) {
        if (pred(h)) out.push_back(h.id);
    }
    return out;
}

inline std::set<std::string> as_set(const std::vector<std::string>& values) {
    return {values.begin(), values.end()};
}

/// A test with its own index of the whole corpus and a searcher over it.
class CorpusTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_path = index_corpus(m_dir);
        m_searcher.emplace(m_path);
    }

    [[nodiscard]] SearchResults search(const SearchRequest& request) { return m_searcher->search(request); }
    [[nodiscard]] SearchResults search_all(const std::string& query = {}) {
        return m_searcher->search(everything(query));
    }
    [[nodiscard]] std::set<std::string> id_set(const SearchRequest& request) {
        return as_set(ids_of(search(request)));
    }

    TempDir m_dir;
    std::filesystem::path m_path;
    std::optional<Searcher> m_searcher;
};

}  // namespace newsfacet::testing
