#pragma once
// Searching a newsfacet index: ranked results, snippets and facet counts.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <newsfacet/article.hpp>
#include <newsfacet/facets.hpp>
#include <newsfacet/index.hpp>
#include <newsfacet/snippet.hpp>
#include <newsfacet/tagger.hpp>
#include <newsfacet/export.hpp>

namespace newsfacet {

/// The order of results.
enum class SortOrder {
    relevance,  ///< Best match first (an empty query: newest first).
    newest,     ///< Newest first, undated last; same time: a stable hash of the id decides.
    oldest,     ///< Oldest first, undated last; same time: a stable hash of the id decides.
};

/// A search: a free-text query plus structured filters.
///
/// Query syntax (see README): words (stemmed, English), "phrases", AND / OR / NOT (upper case),
/// +required -excluded, title:word, and facet filters country:X official:"Full Name"
/// location:X organization:X (or organisation:X) source:X. Repeated filters must all hold (AND) unless joined with OR.
/// An empty query matches every article, newest first.
struct SearchRequest {
    std::string query;
    /// "More like this": the id of an article in the index; empty for none. Results are the
    /// articles most like it (never the article itself), ranked by its most telling words;
    /// a non-empty `query` must also match, and adds its own score. Filters, dates, sort and
    /// facets apply as usual. An id not in the index throws ArticleNotFoundError.
    std::string like;
    /// Facet filters; every value must hold (AND). Case-insensitive and alias-aware.
    std::map<Facet, std::vector<std::string>> filters;
    /// Source filters; every value must hold (so two different sources match nothing).
    std::vector<std::string> sources;
    std::string since;  ///< ISO date, inclusive; empty for no lower bound.
    std::string until;  ///< ISO date, inclusive (the whole day); empty for no upper bound.
    std::size_t offset = 0;
    std::size_t limit = 10;
    std::size_t snippet_bytes = 280;      ///< Target snippet length.
    bool count_facets = true;             ///< Compute facet counts over all matches.
    std::size_t max_facet_values = 50;    ///< Per facet, the most frequent values kept.
    SortOrder sort = SortOrder::relevance;
    /// Query understanding on (the default): thesaurus expansion, concept coordination and
    /// entity matching. Off: the words (and their stems, see `stem`) ranked by BM25 with the
    /// headline bonus only.
    bool expand = true;
    /// Match the stems of the query's words ("strikes" finds "struck"). Off with `expand`
    /// off too is "verbatim": the words exactly as typed.
    bool stem = true;
    /// Collapse near-duplicate copies of a story (same body up to small edits, whatever the
    /// headline or dateline) into one hit, the first of them in result order, which says how
    /// many articles it stands for (SearchHit::copies). Paging (offset, limit, rank) counts
    /// collapsed hits. Articles indexed before near-duplicate keys existed never collapse.
    bool collapse = true;
};

/// One ranked result.
struct SearchHit {
    std::size_t rank = 0;  ///< 1-based, counting from the first result of the whole list.
    std::string id;
    std::string title;
    std::string date;
    std::string source;
    std::string url;
    std::string language;  ///< Article::language ("" when unknown).
    double score = 0;  ///< Relevance (0 for an empty query, which sorts by date).
    Snippet snippet;
    FacetValues facets;
    std::vector<Official> officials;
    /// The article's salient organisations with their kinds (empty for an article indexed
    /// before the organization facet existed, until it is re-indexed).
    std::vector<Organization> organizations;
    /// Matching articles this hit stands for: itself plus the near-duplicate copies collapsed
    /// into it (exact). Always 1 when SearchRequest::collapse is false.
    std::size_t copies = 1;
};

/// The answer to a SearchRequest.
struct SearchResults {
    std::string query;
    std::string like;  ///< SearchRequest::like, as given.
    /// Exact number of results: matching articles after collapsing copies, what paging walks.
    std::uint64_t total = 0;
    /// Exact number of matching articles, copies included (the sum of `copies` over all
    /// results). Equals `total` when nothing was collapsed or collapsing is off.
    std::uint64_t total_articles = 0;
    std::vector<SearchHit> hits;
    /// Per facet, value counts over ALL matching articles (not just this page), copies
    /// included, so they add up against `total_articles`, not `total`; the same with or
    /// without collapsing. Most frequent first (ties by value). Empty when
    /// SearchRequest::count_facets is false.
    std::vector<std::pair<Facet, std::vector<FacetCount>>> facets;
    /// Matching articles per source (SearchHit::source as given), over ALL matches, copies
    /// included, most frequent first (ties by value), at most SearchRequest::max_facet_values;
    /// articles without a source are not counted. JSON: facets.source. Empty when
    /// SearchRequest::count_facets is false.
    std::vector<FacetCount> sources;
    /// Matching articles per month ("2024-03"), oldest month first, over ALL matches (copies
    /// included); undated articles are not counted. Empty when SearchRequest::count_facets is false.
    std::vector<FacetCount> months;
    /// Multi-select counts: for each facet the request filters on, its counts over the
    /// articles that match everything else (as if its own filter were off), so a user can
    /// widen a selection. `facets` keeps meaning "over the current matches".
    std::vector<std::pair<Facet, std::vector<FacetCount>>> facets_without_own_filter;
    /// The same for the source, when the request filters on it (SearchRequest::sources or
    /// source: in the query): counts per source over the articles matching everything else.
    /// JSON: facets_without_own_filter.source. Empty otherwise.
    std::vector<FacetCount> sources_without_own_filter;
    /// "Did you mean": for each facet filter value that matches no article, the closest value
    /// in the index, as "facet:Value" ("--country Azerbajan" -> "country:Azerbaijan").
    std::vector<std::string> suggestions;
    /// "Did you mean" for query words: the whole query text with each word that matches no
    /// article replaced by the closest indexed word (Damerau distance 1 for words of up to 4
    /// letters, 2 beyond; ties go to the more frequent word), written in the case of the word
    /// typed; filters, operators, phrases' quotes and the other words stay as they are. Empty
    /// when no word is misspelt, no indexed word is close enough, or the corrected query (under
    /// the same filters) would find neither an article the query misses nor one containing a
    /// replacement. Words the tagger reads as a place or official (Kiev) are not corrected.
    std::string corrected_query;
    /// What the query text asked that was read the forgiving way, one sentence each: an
    /// unmatched quote ignored, an unknown field read as words, operators that do not parse
    /// ("embassy AND") read as words. Empty for a query read as written.
    std::vector<std::string> notes;
};

/// One article as the index holds it (Searcher::article).
struct ArticleRecord {
    Article article;  ///< As indexed (title, body, date, dateline, source, url, language).
    /// The stored facets, officials and organisations (what searches filter and count on),
    /// and every entity mention in the body with byte offsets into `article.body`: mentions
    /// are not stored, so they come from the tagger run again on the stored text (an index
    /// written by an older tagger may show mentions its stored facets lack).
    Tagging tagging;
};

/// What Searchers may share besides a Tagger: the facet data of the index revisions they read
/// (see Searcher::search, "Memory"). Searchers made with copies of one SearcherCache hold one
/// copy of it per index revision instead of one each, read by the first of them that needs it
/// (a server's searchers, one per worker thread, read and hold it once). A cheap handle:
/// copies share one cache. Safe to use from any number of threads at once (it locks; a
/// searcher needing data another is reading waits for that read). Searchers of different
/// indexes may share one. Keeps only what some searcher still holds.
class NEWSFACET_EXPORT SearcherCache {
public:
    /// An empty cache. Cost: one small allocation.
    SearcherCache();
    /// Copies share the cache. Declared so that a move copies too: a cache moved from stays
    /// usable (no move leaves it empty).
    SearcherCache(const SearcherCache&) = default;
    SearcherCache& operator=(const SearcherCache&) = default;
    ~SearcherCache() = default;

private:
    friend class Searcher;
    struct Impl;
    std::shared_ptr<Impl> m_impl;
};

/// A read-only view of an index for searching. Sees the index as it was when opened (or last
/// reopen()ed). Move-only.
///
/// Threads: a Searcher is not safe to share; use one per thread (as Xapian::Database, which it
/// holds: Xapian objects may not be used by two threads at once). search() and info() are
/// not const because they change the searcher: a search may move it to a newer revision,
/// keeps facet data and memoises stems. size() changes nothing, but it too runs Xapian code
/// that promises no thread safety: no member may run in two threads at once. Searchers share
/// nothing mutable with each other or with an Index but a SearcherCache, which locks (each has
/// its own stemmer; a Tagger is immutable), so any number of them, each on its own thread, may search one index while an
/// Index writes it from another thread.
class NEWSFACET_EXPORT Searcher {
public:
    /// Opens the index at `path`: an index directory, a sharded index (see shards.hpp) or a
    /// Xapian stub database file listing shards, local (`auto PATH`) or served by
    /// xapian-tcpsrv (`remote HOST:PORT`); results are the same as from one index holding the
    /// same articles. Throws IndexNotFoundError if there is no newsfacet index there (the
    /// format is checked on the first shard), FormatVersionError for another storage format,
    /// DatabaseError otherwise (a remote shard that cannot be reached).
    explicit Searcher(const std::filesystem::path& path);

    /// As Searcher(path), reading filter values and articles' mentions with `tagger` (a cheap
    /// copy sharing its gazetteer, see Tagger) instead of a built-in tagger of its own: the
    /// searchers of one process (a server's, one per thread) then hold one gazetteer.
    Searcher(const std::filesystem::path& path, const Tagger& tagger);

    /// As Searcher(path, tagger), sharing facet data with the other searchers of `cache`
    /// (see SearcherCache) instead of keeping its own.
    Searcher(const std::filesystem::path& path, const Tagger& tagger, const SearcherCache& cache);
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    /// Runs a search. With facet counts on, each facet the request filters on costs one more
    /// counting pass (multi-select counts). Throws QueryError for a malformed query, UsageError for
    /// a malformed date, DatabaseError on read failure. If a writer commits during the search, the
    /// searcher moves to the new revision and retries once. Cost: visits every match once (exact
    /// total and facet counts), then builds snippets for the requested page only. A query word
    /// matching no article also costs a scan of the indexed words sharing its first letter (see
    /// SearchResults::corrected_query) and, if one is close, one more match to check that the
    /// correction finds something. With SearchRequest::like: reads that article's term list
    /// and the frequencies of its terms; throws ArticleNotFoundError for an unknown id.
    /// Memory: from the second search matching at least 1/16 of the index, the searcher keeps
    /// the facet data of every article in memory (about 30 bytes each; read once, in about
    /// the time one such search takes, or taken from its SearcherCache if a searcher sharing
    /// it read that revision already) and counts from it until the index changes. Local
    /// shards count the same way, their facet data held once for all of them (about 30 bytes
    /// per document number of the shards together: shards of very different sizes cost more).
    /// With a remote shard, counting uses Xapian's built-in value counting instead, which holds
    /// one entry per distinct stored value among the matches, and each remote shard adds
    /// network round trips: the query's term statistics (one exchange), ranking, counting,
    /// and one per hit it holds, the shards' hits read at the same time on a thread per shard
    /// (more with relevance feedback, SearchRequest::like, or a word matching nothing).
    [[nodiscard]] SearchResults search(const SearchRequest& request);

    /// The article with id `id` (any bytes, as indexed), with its stored facets and its
    /// mentions. Throws ArticleNotFoundError for an id not in the index, DatabaseError on read
    /// failure. Cost: one document read and one tagging of its text (about a millisecond for
    /// a news article; proportional to its length).
    [[nodiscard]] ArticleRecord article(const std::string& id);

    /// A summary of the index. Cost: reads the facet values of every article. Not const:
    /// reading moves the database's cursors (see Threads above).
    [[nodiscard]] IndexInfo info();

    /// Number of articles in the index (all shards). Cost: constant.
    [[nodiscard]] std::uint64_t size() const;

    /// Picks up changes committed since the searcher was opened. If the index was replaced
    /// underneath (a stub now naming other databases, as a read replica's after a full copy),
    /// opens it afresh. Throws as the constructor.
    void reopen();

private:
    [[nodiscard]] SearchResults run_search(const SearchRequest& request);

    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace newsfacet
