#include <newsfacet/searcher.hpp>

#include <algorithm>
#include <string_view>
#include <vector>

#include <newsfacet/error.hpp>

#include "analysis.hpp"
#include "database.hpp"
#include "document.hpp"
#include "facet_spy.hpp"
#include "query.hpp"
#include "schema.hpp"
#include "snippet_builder.hpp"

namespace newsfacet {

struct Searcher::Impl {
    std::filesystem::path path;
    Xapian::Database db;
    Tagger tagger;
    std::shared_ptr<const detail::Analysis> analysis = detail::make_analysis();
};

Searcher::Searcher(const std::filesystem::path& path) : m_impl(std::make_unique<Impl>()) {
    m_impl->path = path;
    m_impl->db = detail::open_for_reading(path);
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResults Searcher::search(const SearchRequest& request) const {
    try {
        return run_search(request);
    } catch (const Xapian::DatabaseModifiedError&) {
        // A writer committed over the revision we were reading: move to the new one, once.
        try {
            m_impl->db.reopen();
        } catch (const Xapian::Error& e) {
            detail::rethrow(e, m_impl->path.string());
        }
        try {
            return run_search(request);
        } catch (const Xapian::DatabaseModifiedError& e) {
            throw DatabaseError(m_impl->path.string() + ": the index keeps changing during the search: " + e.get_msg());
        }
    }
}

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

// The facet value in the index closest to a value that matched nothing, or "". Cost: one pass
// over the facet's terms (not over articles).
std::string closest_value(const Xapian::Database& db, const Tagger& tagger, Facet facet, const std::string& typed) {
    const std::string prefix(detail::facet_prefix(facet));
    const std::string key = facet_key(typed);
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(1, key.size() / 4) + 1;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        auto candidate = (*it).substr(prefix.size());
        auto d = edit_distance(key, candidate);
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    if (best.empty()) return best;
    if (auto canonical = tagger.canonical(facet, best)) return *canonical;
    // Officials and unknown values: capitalise the stored (folded) words.
    bool start = true;
    for (char& c : best) {
        if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        start = c == ' ' || c == '-';
    }
    return best;
}

}  // namespace

SearchResults Searcher::run_search(const SearchRequest& request) const {
    const auto& impl = *m_impl;
    SearchResults results;
    results.query = request.query;
    try {
        auto built = detail::build_query(request, *impl.analysis, impl.tagger, impl.db);
        Xapian::Enquire enquire(impl.db);
        enquire.set_query(built.query);

        // Undated articles (no date value) go last either way: a built-in key maker, so
        // remote shards can sort the same.
        Xapian::MultiValueKeyMaker by_date;
        if (request.sort == SortOrder::oldest) {
            by_date.add_value(detail::slot_date, false, "\xff");
        } else {
            by_date.add_value(detail::slot_date, true);
        }
        if (request.sort != SortOrder::relevance) {
            enquire.set_sort_by_key_then_relevance(&by_date, false);
        } else if (built.by_date) {
            enquire.set_sort_by_value_then_relevance(detail::slot_date, true);
        } else {
            // Ties broken by id, not docid, so the order does not depend on indexing order.
            enquire.set_sort_by_relevance_then_value(detail::slot_id, false);
        }
        std::vector<Facet> facets(all_facets.begin(), all_facets.end());
        detail::FacetSpy spy(facets);
        if (request.count_facets) enquire.add_matchspy(&spy);
        // Counts every matching article, copies included: Xapian calls match spies before it
        // collapses. A built-in spy on the few-valued source slot, so remote shards can run it.
        Xapian::ValueCountMatchSpy articles(detail::slot_source);
        if (request.collapse) {
            enquire.set_collapse_key(detail::slot_collapse);
            enquire.add_matchspy(&articles);
        }
        // Asking to check every document makes the totals and collapse counts exact and lets
        // the spies see all matches. Xapian counts in 32 bits: clamp, as there are never more
        // matches than documents.
        const Xapian::doccount docs = impl.db.get_doccount();
        auto clamp = [docs](std::size_t v) { return static_cast<Xapian::doccount>(std::min<std::size_t>(v, docs)); };
        auto mset = enquire.get_mset(clamp(request.offset), clamp(request.limit), docs);
        // Every match was examined, so the lower bound is the exact count; with collapsing,
        // the estimate is scaled by the rate of duplicates seen and need not be exact.
        results.total = mset.get_matches_lower_bound();
        results.total_articles = request.collapse ? articles.get_total() : results.total;
        std::size_t rank = request.offset;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            auto stored = detail::read_document(it.get_document());
            SearchHit hit;
            hit.rank = ++rank;
            hit.id = stored.article.id;
            hit.title = stored.article.title;
            hit.date = stored.article.date;
            hit.source = stored.article.source;
            hit.url = stored.article.url;
            hit.score = built.by_date ? 0.0 : it.get_weight();
            hit.snippet = detail::make_snippet(stored.article.body.empty() ? stored.article.title : stored.article.body,
                                               built.highlight, impl.analysis->stemmer, request.snippet_bytes);
            hit.facets = std::move(stored.facets);
            hit.officials = std::move(stored.officials);
            // Exact, not a lower bound: every match was examined and there is no percentage cut-off.
            hit.copies = 1 + it.get_collapse_count();
            results.hits.push_back(std::move(hit));
        }
        if (request.count_facets) {
            for (auto f : facets) results.facets.emplace_back(f, spy.counts(f, request.max_facet_values));
            results.months = spy.months();
            for (auto facet : detail::filtered_facets(request)) {
                auto wider = detail::build_query(request, *impl.analysis, impl.tagger, impl.db, facet);
                Xapian::Enquire counting(impl.db);
                counting.set_query(wider.query);
                detail::FacetSpy own({facet});
                counting.add_matchspy(&own);
                (void)counting.get_mset(0, 0, impl.db.get_doccount());
                results.facets_without_own_filter.emplace_back(facet, own.counts(facet, request.max_facet_values));
            }
        }
        // Did you mean: a filter value that matches no article at all.
        for (const auto& [facet, values] : request.filters) {
            for (const auto& v : values) {
                std::string value = v;
                if (auto c = impl.tagger.canonical(facet, v)) value = *c;
                if (impl.db.term_exists(detail::filter_term(detail::facet_prefix(facet), value))) continue;
                auto closest = closest_value(impl.db, impl.tagger, facet, v);
                if (!closest.empty()) results.suggestions.push_back(std::string(facet_name(facet)) + ":" + closest);
            }
        }
    } catch (const Xapian::DatabaseModifiedError&) {
        throw;  // search() reopens and retries
    } catch (const Xapian::Error& e) {
        detail::rethrow(e, impl.path.string());
    }
    return results;
}

IndexInfo Searcher::info() const { return detail::read_info(m_impl->db, m_impl->path); }

void Searcher::reopen() {
    try {
        m_impl->db.reopen();
    } catch (const Xapian::Error& e) {
        detail::rethrow(e, m_impl->path.string());
    }
}

}  // namespace newsfacet
