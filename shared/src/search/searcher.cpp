#include <newsfacet/searcher.hpp>

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include <newsfacet/article.hpp>
#include <newsfacet/error.hpp>

#include "text/analysis.hpp"
#include "store/database.hpp"
#include "store/document.hpp"
#include "search/facet_spy.hpp"
#include "search/feedback.hpp"
#include "search/match_counts.hpp"
#include "search/query.hpp"
#include "search/query_case.hpp"
#include "search/ranked_page.hpp"
#include "text/ranking.hpp"
#include "text/term_stats.hpp"
#include "store/schema.hpp"
#include "search/snippet_builder.hpp"
#include "search/spelling.hpp"

namespace newsfacet {

struct SearcherCache::Impl : detail::SharedColumns {};

SearcherCache::SearcherCache() : m_impl(std::make_shared<Impl>()) {}

struct Searcher::Impl {
    Impl(const Tagger& shared_tagger, std::shared_ptr<detail::SharedColumns> shared_columns)
        : tagger(shared_tagger), shared(std::move(shared_columns)) {}

    std::filesystem::path path;
    Xapian::Database db;
    // Local shards, each also on its own: counted shard by shard (see MatchCounts).
    std::vector<Xapian::Database> shards;
    // A stub's databases with a remote one, each on its own: the page's documents (read_page)
    // and feedback's articles and word frequencies are asked of them a thread per shard.
    std::vector<Xapian::Database> parts;
    // Shards that are not all local (a remote one): count with the spies stock xapian-tcpsrv
    // runs (see MatchCounts). FacetSpy notes document ids, and Xapian 1.4 hands a spy of a
    // multi-database each shard's own docids, which do not tell the shards apart.
    bool portable = false;
    // A shard is remote: each statistic looked up is a round trip, learnt ahead instead.
    bool remote = false;
    Tagger tagger;
    // This searcher's own: its stemmer memoises (see Analysis), so sharing it between
    // Searchers would let two threads write one memo. A small memo: a search stems its query
    // and the few snippet words that may match it, and a server keeps a searcher per worker
    // (indexing's 65,536-word memo, about 6 MB full, grew a server's memory for hours; 1,024
    // words rather than 4,096 took 3 MB off a 16-searcher server's, bench/results/serve.md).
    detail::Analysis analysis{1024};
    // Facet columns of one revision, read once queries matching a large share of it recur,
    // shared with the searchers of the same SearcherCache.
    std::shared_ptr<detail::SharedColumns> shared;
    std::shared_ptr<const detail::FacetColumns> columns;
    std::vector<Xapian::rev> columns_revision;
    int large_matches = 0;

    // The columns to count `matches` matching articles with, or null to walk the value
    // streams. Reading them costs about twice what walking the streams costs for a query
    // matching most of the index: they are read for the second such query (a one-off search
    // never pays for them) and then serve every later one until the index changes. Columns
    // another searcher of the cache read cost nothing: they serve any query at once.
    std::shared_ptr<const detail::FacetColumns> columns_for(std::uint64_t matches) {
        if (portable) return nullptr;
        auto revision = detail::revisions(db, shards);
        if (!revision) return nullptr;
        if (columns && columns_revision == *revision) return columns;
        const bool worth_reading = matches * 16 >= db.get_doccount() && ++large_matches >= 2;
        columns = shared->get(db, *revision, worth_reading);
        columns_revision = std::move(*revision);
        return columns;
    }

    // Moves to the latest revision. A stub may now name other databases (a replica's full
    // copy goes to a new directory and the old one is deleted): then it is opened afresh.
    void refresh() {
        try {
            db.reopen();
            return;
        } catch (const Xapian::DatabaseNotFoundError&) {
        } catch (const Xapian::DatabaseOpeningError&) {
        } catch (const Xapian::NetworkError&) {  // a remote shard restarted: connect again
        }
        open();
        columns.reset();
    }

    void open() {
        auto opened = detail::open_shards_for_reading(path);
        db = std::move(opened.db);
        shards = std::move(opened.shards);
        parts = std::move(opened.parts);
        remote = opened.remote;
        portable = shards.empty() && (db.size() > 1 || remote);
    }

    std::shared_ptr<const detail::FacetColumns> count_matches(const SearchRequest& request,
                                                              const Xapian::Query& matching, SearchResults& results);
    std::vector<Xapian::Document> read_page(const std::vector<detail::RankedMatch>& page) const;
    void count_without_own_filters(const SearchRequest& request, const detail::TermStats& stats,
                                   const std::shared_ptr<const detail::FacetColumns>& counted_from,
                                   SearchResults& results);
};

Searcher::Searcher(const std::filesystem::path& path) : Searcher(path, Tagger()) {}

Searcher::Searcher(const std::filesystem::path& path, const Tagger& tagger) : Searcher(path, tagger, SearcherCache()) {}

Searcher::Searcher(const std::filesystem::path& path, const Tagger& tagger, const SearcherCache& cache)
    : m_impl(std::make_unique<Impl>(tagger, cache.m_impl)) {
    m_impl->path = path;
    detail::translate_errors(path.native(), [&] { m_impl->open(); });
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResults Searcher::search(const SearchRequest& request) {
    return detail::translate_errors(m_impl->path.native(), [&] {
        try {
            return run_search(request);
        } catch (const Xapian::DatabaseModifiedError&) {
            // A writer committed over the revision we were reading: move to the new one, once.
            m_impl->refresh();
            try {
                return run_search(request);
            } catch (const Xapian::DatabaseModifiedError& e) {
                throw DatabaseError(m_impl->path.string() + ": the index keeps changing during the search: " +
                                    e.get_msg());
            }
        }
    });
}

namespace {

// The facet value in the index closest to a value that matched nothing, or "". Cost: one pass
// over the facet's terms (not over articles).
std::string closest_value(const Xapian::Database& db, const Tagger& tagger, Facet facet, const std::string& typed) {
    const std::string prefix(detail::facet_prefix(facet));
    const std::string key = facet_key(typed);
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(1, key.size() / 4) + 1;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        auto candidate = (*it).substr(prefix.size());
        auto d = detail::edit_distance(key, candidate);
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

// True if the query parser stems the word: STEM_SOME leaves capitalised words as typed.
bool stemmed_by_parser(std::string_view typed) {
    Xapian::Utf8Iterator it(typed.data(), typed.size());
    if (it == Xapian::Utf8Iterator()) return false;
    auto category = Xapian::Unicode::get_category(*it);
    return category != Xapian::Unicode::UPPERCASE_LETTER &&
           category != Xapian::Unicode::TITLECASE_LETTER;
}

// Did you mean, for query words (SearchResults::corrected_query). Cost: nothing more than a
// term lookup per word unless a word matches nothing.
std::string corrected_query(const detail::TermStats& stats, const detail::Analysis& analysis,
                            const Tagger& tagger, const SearchRequest& request,
                            const Xapian::Query& original) {
    const auto& db = stats.database();
    const std::string& text = request.query;
    std::optional<std::vector<Mention>> mentions;
    std::string corrected;
    std::size_t copied = 0;
    std::vector<Xapian::Query> replacements;
    const auto without_case = detail::spans_without_case(text, detail::names_known_to(tagger));
    for (const auto& word : detail::query_words(text)) {
        const std::string_view typed =
            std::string_view(text).substr(word.start, word.end - word.start);
        if (analysis.stopper(word.term) || stats.exists(word.term)) continue;
        // A lower-case word is searched by its stem too: "embassys" finds "embassies"; so is
        // a word of a query in capitals.
        const bool stemmed = stemmed_by_parser(typed) || detail::in_spans(without_case, word.start);
        if (stemmed && stats.exists(detail::stem_term(analysis.stemmer(word.term)))) continue;
        // A name the tagger knows (an alias such as Kiev) is understood even if no article uses it.
        if (!mentions) {
            Article as_text;
            as_text.body = text;
            mentions = tagger.tag(as_text).mentions;
        }
        if (std::any_of(mentions->begin(), mentions->end(), [&](const Mention& m) {
                return m.start < word.end && word.start < m.end;
            })) {
            continue;
        }
        auto best = detail::closest_indexed_word(db, word.term, analysis.stopper);
        if (best.empty()) continue;
        corrected.append(text, copied, word.start - copied);
        corrected += detail::match_case(typed, best);
        copied = word.end;
        replacements.emplace_back(best);
        replacements.emplace_back(detail::stem_term(analysis.stemmer(best)));
    }
    if (replacements.empty()) return {};
    corrected.append(text, copied);
    // Only worth suggesting if the corrected query, under the same filters, finds an article
    // the query did not, or one with a replacement in it (ranked better for it). Not if, say,
    // no article about the filtered country has the word or its relatives.
    SearchRequest alternative = request;
    alternative.query = corrected;
    detail::BuiltQuery built;
    try {
        built = detail::build_query(alternative, analysis, tagger, stats);
    } catch (const UsageError&) {
        return {};
    }
    Xapian::Query with_replacement(
        Xapian::Query::OP_FILTER, built.query,
        Xapian::Query(Xapian::Query::OP_OR, replacements.begin(), replacements.end()));
    Xapian::Query newly_found(Xapian::Query::OP_AND_NOT, built.query, original);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, with_replacement, newly_found));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    if (enquire.get_mset(0, 1).empty()) return {};
    return corrected;
}

// How many articles matching `matching` share the near-duplicate key `key` (at least 1).
// Most keys are unique in the index: then no search is needed.
std::size_t matching_copies(const detail::TermStats& stats, const Xapian::Query& matching, const std::string& key) {
    if (key.empty() || stats.termfreq(detail::copy_term(key)) <= 1) return 1;
    const auto& db = stats.database();
    Xapian::Enquire copies(db);
    copies.set_query(Xapian::Query(Xapian::Query::OP_FILTER, matching, Xapian::Query(detail::copy_term(key))));
    copies.set_weighting_scheme(Xapian::BoolWeight());
    return std::max<std::size_t>(1, copies.get_mset(0, 0, db.get_doccount()).get_matches_lower_bound());
}

// Sets the order of `enquire` for `sort`; returns true if results are ranked by weight.
//
// Newest or oldest first, undated articles last either way, ties by a hash of the id (never
// by docid, which differs between one index and shards of it): one value slot each, since
// Xapian's remote backend sorts by a slot but runs no KeyMaker. An index written before those
// slots existed sorts with `by_date` instead (local only), until the next incremental run
// re-indexes it; `by_date` must outlive the enquire's use. Cost: one value-frequency lookup.
bool set_order(Xapian::Enquire& enquire, Xapian::MultiValueKeyMaker& by_date, const Xapian::Database& db,
               SortOrder sort, bool query_by_date) {
    if (sort == SortOrder::relevance && !query_by_date) {
        enquire.set_sort_by_relevance_then_value(detail::slot_id, false);
        return true;
    }
    if (db.get_value_freq(detail::slot_newest) != db.get_doccount()) {
        if (sort == SortOrder::oldest) {
            by_date.add_value(detail::slot_date, false, "\xff");
        } else {
            by_date.add_value(detail::slot_date, true);
        }
        by_date.add_value(detail::slot_id);
        enquire.set_sort_by_key(&by_date, false);
    } else if (sort == SortOrder::oldest) {
        enquire.set_sort_by_value_then_relevance(detail::slot_oldest, false);
    } else {
        enquire.set_sort_by_value_then_relevance(detail::slot_newest, true);
    }
    return false;
}

// The hit `document` at `match`, ranked `rank`, with `copies` matching articles
// sharing its near-duplicate key: its stored fields, its score (0 when results sort by date)
// and its snippet.
SearchHit make_hit(const Xapian::Document& document, const detail::RankedMatch& match, std::size_t rank,
                   std::size_t copies, const SearchRequest& request, const detail::BuiltQuery& built,
                   const detail::Analysis& analysis) {
    auto stored = detail::read_document(document);
    SearchHit hit;
    hit.rank = rank;
    hit.id = stored.article.id;
    hit.title = stored.article.title;
    hit.date = stored.article.date;
    hit.source = stored.article.source;
    hit.url = stored.article.url;
    hit.language = stored.article.language;
    hit.score = built.by_date ? 0.0 : detail::rounded_weight(match.weight);
    hit.snippet = detail::make_snippet(stored.article.body.empty() ? stored.article.title : stored.article.body,
                                       built.highlight, analysis, request.snippet_bytes);
    hit.facets = std::move(stored.facets);
    hit.officials = std::move(stored.officials);
    hit.organizations = std::move(stored.organizations);
    hit.copies = copies;
    return hit;
}

// Did you mean, for filters: for each filter value that matches no article at all, the
// closest value in the index as "facet:Value". Cost: a term lookup per value, and a pass over
// the facet's terms for each value that matches nothing.
std::vector<std::string> filter_suggestions(const detail::TermStats& stats, const Tagger& tagger,
                                            const std::map<Facet, std::vector<std::string>>& filters) {
    std::vector<std::string> suggestions;
    for (const auto& [facet, values] : filters) {
        for (const auto& v : values) {
            std::string value = v;
            if (auto c = tagger.canonical(facet, v)) value = *c;
            if (stats.exists(detail::filter_term(detail::facet_prefix(facet), value))) continue;
            auto closest = closest_value(stats.database(), tagger, facet, v);
            if (!closest.empty()) suggestions.push_back(std::string(facet_name(facet)) + ":" + closest);
        }
    }
    return suggestions;
}

// The terms a search looks up besides those of building its query: the words of the query
// text and their stems (did you mean) and the filters' values (suggestions).
std::vector<std::string> checked_terms(const SearchRequest& request, const detail::Analysis& analysis,
                                       const Tagger& tagger) {
    std::vector<std::string> terms;
    for (const auto& word : detail::query_words(request.query)) {
        terms.push_back(word.term);
        terms.push_back(detail::stem_term(analysis.stemmer(word.term)));
    }
    for (const auto& [facet, values] : request.filters) {
        for (const auto& v : values) {
            const auto canonical = tagger.canonical(facet, v);
            terms.push_back(detail::filter_term(detail::facet_prefix(facet), canonical ? *canonical : v));
        }
    }
    return terms;
}

// Over remote shards, where each term looked up is a round trip to every shard: learns the
// frequencies of every term the search will look up, in one exchange. Query building is run
// once with every term answered as held by one article, to note what it asks about (the terms
// a query asks about depend on its text, hardly on their frequencies: any other is still
// looked up). Throws what build_query throws.
void learn_ahead(const SearchRequest& request, const detail::Analysis& analysis, const Tagger& tagger,
                 detail::TermStats& stats) {
    stats.start_noting();
    try {
        (void)detail::build_query(request, analysis, tagger, stats);
    } catch (...) {
        (void)stats.stop_noting();
        throw;
    }
    auto terms = stats.stop_noting();
    for (auto& term : checked_terms(request, analysis, tagger)) terms.push_back(std::move(term));
    if (terms.empty()) return;
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    // The statistics of a match come back with it from every shard at once: a match asking
    // for no result is one exchange, however many terms.
    Xapian::Enquire enquire(stats.database());
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const auto mset = enquire.get_mset(0, 0);
    for (const auto& term : terms) stats.learn(term, mset.get_termfreq(term));
}

// What a search counts over every match: with count_facets, every facet, months and sources;
// with collapse, the near-duplicate groups.
detail::SpyCounts counts_asked(const SearchRequest& request) {
    detail::SpyCounts what;
    if (request.count_facets) {
        what.facets.assign(all_facets.begin(), all_facets.end());
        what.months = true;
        what.sources = true;
    }
    what.groups = request.collapse;
    return what;
}

// SearchResults::total, total_articles and, with count_facets, facets, months and sources,
// from `counted`, which ran with counts_asked(request).
void fill_counts(const detail::MatchCounts& counted, const SearchRequest& request, SearchResults& results) {
    results.total_articles = counted.matches();
    results.total = request.collapse ? counted.groups() : counted.matches();
    if (request.count_facets) {
        for (auto f : all_facets) results.facets.emplace_back(f, counted.counts(f, request.max_facet_values));
        results.months = counted.months();
        results.sources = counted.source_counts(request.max_facet_values);
    }
}

}  // namespace

// Counts every match of `matching` into `results` (fill_counts). Counting needs no collapsing
// by Xapian (it would keep every match in a table): the spy counts the distinct near-duplicate
// keys. Returns the facet columns it counted from (null: it walked the value streams), for the
// multi-select counts of the same revision. Cost: visits every match once.
std::shared_ptr<const detail::FacetColumns> Searcher::Impl::count_matches(const SearchRequest& request,
                                                                          const Xapian::Query& matching,
                                                                          SearchResults& results) {
    detail::MatchCounts spy(db, counts_asked(request), portable, shards);
    spy.run(matching);
    auto counted_from = columns_for(spy.matches());
    spy.use(counted_from);
    fill_counts(spy, request, results);
    return counted_from;
}

// The documents of the page, in its order (read_documents: over remote shards, each shard's
// on a thread of its own). Throws what Xapian throws.
std::vector<Xapian::Document> Searcher::Impl::read_page(const std::vector<detail::RankedMatch>& page) const {
    std::vector<Xapian::docid> docids;
    docids.reserve(page.size());
    for (const auto& match : page) docids.push_back(*match.position);
    return detail::read_documents(db, parts, docids);
}

// Multi-select counts (SearchResults::facets_without_own_filter and
// sources_without_own_filter): for each facet the request filters on, and for the source, one
// more query without those filters, facets counted from `counted_from` if not null. Cost: one
// build_query and one counting pass per filtered facet or source.
void Searcher::Impl::count_without_own_filters(const SearchRequest& request, const detail::TermStats& stats,
                                               const std::shared_ptr<const detail::FacetColumns>& counted_from,
                                               SearchResults& results) {
    for (auto facet : detail::filtered_facets(request)) {
        auto wider = detail::build_query(request, analysis, tagger, stats, {.facet = facet});
        detail::MatchCounts own(db, {.facets = {facet}}, portable, shards);
        own.run(wider.matching);
        own.use(counted_from);
        results.facets_without_own_filter.emplace_back(facet, own.counts(facet, request.max_facet_values));
    }
    if (detail::filters_source(request)) {
        auto wider = detail::build_query(request, analysis, tagger, stats, {.facet = std::nullopt, .source = true});
        detail::MatchCounts own(db, {.facets = {}, .months = false, .groups = false, .sources = true}, portable,
                                shards);
        own.run(wider.matching);
        results.sources_without_own_filter = own.source_counts(request.max_facet_values);
    }
}

// One attempt at a search on the current revision. Two passes: ranking asks only for the page
// (and what ties with it), so Xapian can skip articles that cannot reach it, and collapses
// near-duplicate copies there (ranked_page); counting visits every match (exact totals and
// facet counts) but runs the cheaper `matching` query, unweighted. Throws
// Xapian's errors as they are (search() retries after a DatabaseModifiedError and translates).
SearchResults Searcher::run_search(const SearchRequest& request) {
    auto& impl = *m_impl;
    SearchResults results;
    results.query = request.query;
    results.like = request.like;
    detail::TermStats stats(impl.db);
    // Not for more like this: noting would read the article and expand it once more.
    if (impl.remote && request.like.empty()) learn_ahead(request, impl.analysis, impl.tagger, stats);
    const auto built = detail::build_query(request, impl.analysis, impl.tagger, stats);
    results.notes = built.notes;
    Xapian::Enquire enquire(impl.db);
    enquire.set_weighting_scheme(detail::ranking_weight());
    Xapian::MultiValueKeyMaker by_date;
    const bool by_weight = set_order(enquire, by_date, impl.db, request.sort, built.by_date);
    enquire.set_query(built.query);
    // Feedback reorders the ranking only: counting below runs `matching`, which it leaves alone.
    std::optional<detail::Rescoring> feedback;
    if (by_weight && detail::wants_feedback(request, impl.analysis)) {
        feedback = detail::feedback_rescoring(built, impl.db, impl.parts, impl.analysis, impl.remote);
    }
    // Xapian counts in 32 bits: clamp, as there are never more matches than documents.
    const Xapian::doccount docs = impl.db.get_doccount();
    auto clamp = [docs](std::size_t v) { return static_cast<Xapian::doccount>(std::min<std::size_t>(v, docs)); };
    const auto page = detail::ranked_page(enquire, clamp(request.offset), clamp(request.limit), by_weight, request.collapse,
                                          feedback ? &*feedback : nullptr);
    // Over remote shards, Xapian's own spies count (MatchCounts, portable), and their count of
    // each near-duplicate key also gives the hits' copies. (Counting in the ranking match
    // instead saves its two turns but makes each shard weigh every match: slower, measured
    // in bench/results/peers.md.)
    std::optional<detail::MatchCounts> counted;
    std::shared_ptr<const detail::FacetColumns> counted_from;
    if (impl.remote) {
        counted.emplace(impl.db, counts_asked(request), true);
        counted->run(built.matching);
        fill_counts(*counted, request, results);
    } else {
        counted_from = impl.count_matches(request, built.matching, results);
    }
    // The ranking pass skips what cannot reach the page, so its collapse counts are only lower
    // bounds (even 0): the matching articles with each hit's key are counted instead.
    auto copies = [&](const Xapian::MSetIterator& it) -> std::size_t {
        if (!request.collapse) return 1;
        if (counted) return std::max<std::uint64_t>(1, counted->copies(it.get_collapse_key()));
        return matching_copies(stats, built.matching, it.get_collapse_key());
    };
    const auto documents = impl.read_page(page);
    for (std::size_t i = 0; i < page.size(); ++i) {
        results.hits.push_back(make_hit(documents[i], page[i], request.offset + i + 1, copies(page[i].position), request, built,
                                        impl.analysis));
    }
    if (request.count_facets) impl.count_without_own_filters(request, stats, counted_from, results);
    results.suggestions = filter_suggestions(stats, impl.tagger, request.filters);
    if (!request.query.empty()) {
        results.corrected_query = corrected_query(stats, impl.analysis, impl.tagger, request, built.query);
    }
    return results;
}

ArticleRecord Searcher::article(const std::string& id) {
    auto read = [&] {
        const auto& db = m_impl->db;
        const auto term = detail::id_term(id);
        const auto posting = db.postlist_begin(term);
        if (posting == db.postlist_end(term)) throw ArticleNotFoundError(id);
        auto stored = detail::read_document(db.get_document(*posting));
        ArticleRecord out{std::move(stored.article), {}};
        out.tagging.facets = std::move(stored.facets);
        out.tagging.officials = std::move(stored.officials);
        out.tagging.organizations = std::move(stored.organizations);
        out.tagging.mentions = m_impl->tagger.tag(out.article).mentions;
        return out;
    };
    return detail::translate_errors(m_impl->path.native(), [&] {
        try {
            return read();
        } catch (const Xapian::DatabaseModifiedError&) {
            m_impl->refresh();  // a writer committed over the revision being read: once more
            return read();
        }
    });
}

IndexInfo Searcher::info() {
    return detail::translate_errors(m_impl->path.native(), [&] { return detail::read_info(m_impl->db, m_impl->path); });
}

std::uint64_t Searcher::size() const {
    return detail::translate_errors(m_impl->path.native(), [&] { return m_impl->db.get_doccount(); });
}

void Searcher::reopen() {
    detail::translate_errors(m_impl->path.native(), [&] { m_impl->refresh(); });
}

}  // namespace newsfacet
