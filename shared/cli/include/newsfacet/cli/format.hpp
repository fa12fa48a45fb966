#pragma once
// Human-readable forms of newsfacet's results, as the command-line tools print them (terminal
// text, colours, progress). Part of the static newsfacet_cli library the tools link, not of
// libnewsfacet (whose machine-readable form is <newsfacet/json.hpp>).

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include <newsfacet/index.hpp>
#include <newsfacet/ingest.hpp>
#include <newsfacet/searcher.hpp>

namespace newsfacet::cli {

/// How to mark matches in text output.
struct TextStyle {
    bool color = false;  ///< ANSI colours (bold titles, highlighted matches); else plain marks.
};

/// Search results for a terminal: a line counting matching articles (and the results, when
/// near-duplicate copies were collapsed), "Did you mean" lines (the corrected query, then
/// filter values), numbered results (title with "(+N copies)" when it stands for copies,
/// date, source, id, facets, officials with role and country, snippet with matches marked),
/// then facet counts over all matching articles. Without colour,
/// matches are wrapped in [brackets].
[[nodiscard]] std::string to_text(const SearchResults& results, const TextStyle& style = {});

/// Facet value counts for a terminal: one "COUNT<TAB>VALUE" line each, most frequent first.
[[nodiscard]] std::string to_text(const std::vector<FacetCount>& counts);

/// An index summary for a terminal.
[[nodiscard]] std::string to_text(const IndexInfo& info);

/// One line of indexing progress for a terminal (no newline): with `total_input_bytes`
/// known, a bar, percentage and time left, e.g.
/// "[########------------] 41% 5,210 articles, 1,120/s, 1.9 MB/s, 0:07 left";
/// without it (0), just the counts and rates. Articles count those added, replaced and found
/// unchanged. `seconds` is the time since the start.
[[nodiscard]] std::string progress_line(const IngestStats& stats, std::uint64_t total_input_bytes, double seconds);

/// Records skipped by design (IngestStats::skipped), most frequent kind first, e.g.
/// "312 records skipped: 150 request, 150 metadata, 12 not HTML"; "" when there are none.
[[nodiscard]] std::string skipped_text(const std::map<std::string, std::uint64_t>& skipped);

/// The line that ends an indexing run, e.g. "12,865 added, 0 replaced, 0 unchanged, 0 deleted,
/// 2 failed in 9.81 s (1.75 MB/s); 12,865 articles, 83.1 MB in news.db", then
/// "; " and skipped_text() when records were skipped.
[[nodiscard]] std::string summary_line(const IngestStats& stats, double seconds, std::uint64_t articles,
                                       std::uint64_t index_bytes, const std::filesystem::path& index_path);

}  // namespace newsfacet::cli
