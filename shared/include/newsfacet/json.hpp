#pragma once
// The JSON forms of newsfacet's results, as printed by the command-line tools.

#include <string>
#include <vector>

#include <newsfacet/article.hpp>
#include <newsfacet/batch.hpp>
#include <newsfacet/facets.hpp>
#include <newsfacet/index.hpp>
#include <newsfacet/searcher.hpp>
#include <newsfacet/export.hpp>

namespace newsfacet {

/// Search results as one JSON object:
/// {"query", "like", "total" (results, copies collapsed), "total_articles" (copies included,
///  never below "total"), "results": [{"rank", "id", "title", "date", "source", "url", "score",
///  "snippet" (HTML), "facets": {"country": [...], "official": [...], "location": [...],
///  "organization": [...]},
///  "officials": [{"name", "role", "country"}], "organizations": [{"name", "kind"}], "copies"}],
///  "facets": {"country": [{"value", "count"}], "official": [...], "location": [...],
///  "organization": [...], "source": [...]},  (source: SearchResults::sources)
///  "date_histogram": [{"month": "2024-03", "count"}],
///  "facets_without_own_filter": {"country": [{"value", "count"}], ..., "source": [...]},
///  (filtered facets only; source when filtered on and counted: SearchResults::sources_without_own_filter)
///  "suggestions": ["country:Azerbaijan", ...],  (did you mean, for filter values matching nothing)
///  "corrected_query": "..."}  (did you mean, for misspelt query words; "" for none)
/// `indent` < 0 prints one line.
[[nodiscard]] NEWSFACET_EXPORT std::string to_json(const SearchResults& results, int indent = -1);

/// One result as one JSON object: an element of the "results" of to_json(SearchResults)
/// (newsfacet-serve's JSON-lines export writes one a line).
[[nodiscard]] NEWSFACET_EXPORT std::string to_json(const SearchHit& hit, int indent = -1);

/// A tagging as one JSON object: {"id", "facets": {...}, "officials": [...],
/// "organizations": [{"name", "kind"}], "mentions": [{"facet", "value", "text", "start", "end",
/// "demonym"}]}.
[[nodiscard]] NEWSFACET_EXPORT std::string to_json(const std::string& id, const Tagging& tagging, int indent = -1);

/// One batch line as JSON: the results object of to_json(SearchResults) plus "line" and
/// "took_ms"; for a refused query {"line", "query", "error", "took_ms"} instead.
[[nodiscard]] NEWSFACET_EXPORT std::string to_json(const BatchItem& item, int indent = -1);

/// An article as one JSON object: {"id", "title", "body", "date", "dateline", "source", "url"}
/// (the format newsfacet-index reads back).
[[nodiscard]] NEWSFACET_EXPORT std::string to_json(const Article& article, int indent = -1);

/// A stored article with its tagging as one JSON object: the fields of to_json(Article),
/// and "facets", "officials", "organizations" and "mentions" as
/// to_json(id, Tagging) writes them (mentions' "start"/"end" are byte offsets into "body").
[[nodiscard]] NEWSFACET_EXPORT std::string to_json(const ArticleRecord& record, int indent = -1);

/// Facet value counts as a JSON array: [{"value", "count"}].
[[nodiscard]] NEWSFACET_EXPORT std::string to_json(const std::vector<FacetCount>& counts, int indent = -1);

/// An index summary: {"path", "articles", "size_bytes", "format_version",
/// "facets": {"country": [{"value", "count"}], ...}}.
[[nodiscard]] NEWSFACET_EXPORT std::string to_json(const IndexInfo& info, int indent = -1);

}  // namespace newsfacet
