// newsfacet-search: ranked, faceted search over a newsfacet index.
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <limits>
#include <optional>
#include <iostream>

#include <CLI/CLI.hpp>

#include <newsfacet/cli/format.hpp>
#include <newsfacet/cli/options.hpp>
#include <newsfacet/cli/tool.hpp>
#include <newsfacet/newsfacet.hpp>

namespace {

void print_error(const std::string& message) { newsfacet::cli::print_tool_error("newsfacet-search", message); }

int run(int argc, char** argv) {
    CLI::App app{"Search a newsfacet index: ranked results with highlighted snippets and facet counts."};
    app.footer(R"(Query syntax: words (stemmed; "strikes" finds "struck"), "exact phrases", AND, OR, NOT
(upper case, in a query not wholly in capitals: a query in capitals is read in lower case),
+required -excluded, title:word, and filters country:X official:"Full Name" location:X
organization:X (or organisation:X) source:X (repeated filters must all hold; write OR
between them for either). Text that does
not parse (an unmatched quote, a stray operator) is read the forgiving way, with a note.
An empty query lists every article, newest first. --like ID finds the articles most like
that one (never itself); query words given with it must also match.

Examples:
  newsfacet-search "all strikes affecting embassies"
  newsfacet-search --country azerbaijan --location kiev strike
  newsfacet-search 'embassy country:Sudan OR country:Libya' --since 2024-06-01
  newsfacet-search --official "Ilham Aliyev" --json ""
  newsfacet-search --organization "United Nations" ceasefire
  newsfacet-search 'organization:Hamas OR organization:Hezbollah' --country lebanon
  newsfacet-search --like nf-2024-1003-beirut-kuwaiti-embassy   articles like this one
  newsfacet-search --like azerbaijan-embassy-kyiv.txt --since 2025-01-01 consulate
  newsfacet-search --facet-values country              countries in the index, with counts
  newsfacet-search --facet-values location --country ukraine
  newsfacet-search --facet-values organization         organisations in the index, with counts
  newsfacet-search --verbatim strikes                   the word as typed, no expansion
  newsfacet-search --no-expand strikes                  strike, struck...: no attack words
  newsfacet-search --batch queries.txt --json -n 5      one JSON line per query (with took_ms)
  printf 'embassy\nport\n' | newsfacet-search --batch - --country ukraine
  newsfacet-search --no-collapse "grain exports"      list near-duplicate copies separately
  newsfacet-search --db shards.stub embassy           shards listed in a Xapian stub file
                                                      ("auto /path/shard-0", "remote host:33333")

The index is --db, else $NEWSFACET_DB, else ./newsfacet.db. Colour on a terminal unless
NO_COLOR is set. Exit status: 0 success (also with no results), 1 runtime error (also an
unknown --like id), 2 usage error (with --batch: a refused query is reported on its line, the
others still run, and the exit status is 2).)");
    std::string db, since, until, like, color = "auto", sort = "relevance";
    std::vector<std::string> words, countries, officials, locations, organizations, sources;
    std::size_t limit = 10, offset = 0;
    bool json = false, no_facets = false, no_collapse = false;
    std::string facet_values, batch;
    bool verbatim = false, no_expand = false;
    app.add_option("--db", db,
                   "Index directory, sharded index, or Xapian stub file of local and remote (xapian-tcpsrv) "
                   "shards (default: $NEWSFACET_DB or ./newsfacet.db)");
    app.add_option("--country", countries, "Only articles about this country (repeatable: all must hold)")
        ->allow_extra_args(false);
    app.add_option("--official", officials, "Only articles naming this official (repeatable)")
        ->allow_extra_args(false);
    app.add_option("--location", locations, "Only articles about this place (repeatable)")
        ->allow_extra_args(false);
    app.add_option("--organization,--organisation", organizations,
                   "Only articles about this organisation: \"United Nations\", Hamas (repeatable)")
        ->allow_extra_args(false);
    app.add_option("--source", sources, "Only articles from this source (repeatable)")
        ->allow_extra_args(false);
    app.add_option("--since", since,
                   "Only articles dated on or after this ISO date: 2024, 2024-03, 2024-03-04 or a date-time "
                   "(a year or month from its first day)");
    app.add_option("--until", until,
                   "Only articles dated on or before this ISO date: 2024, 2024-03, 2024-03-04 or a date-time "
                   "(a year, month or day through its last second)");
    app.add_option("-n,--limit", limit, "Results to show")->check(CLI::NonNegativeNumber)->capture_default_str();
    app.add_option("--offset", offset, "Results to skip (for paging)")->check(CLI::NonNegativeNumber)->capture_default_str();
    app.add_option("--sort", sort, "Order: relevance, newest or oldest (undated articles last)")
        ->check(CLI::IsMember({"relevance", "newest", "oldest"}))
        ->capture_default_str();
    app.add_option("--like", like,
                   "More like this: articles most like the article with this id (never itself)");
    app.add_flag("--json", json, "Print one JSON object (schema in README)");
    app.add_flag("--no-facets", no_facets, "Skip facet counts");
    app.add_flag("--no-collapse", no_collapse,
                 "Show near-duplicate copies of a story as separate results (by default they are "
                 "collapsed into one result that says how many copies it stands for)");
    app.add_option("--facet-values", facet_values,
                   "List every value of this facet (country, official, location, organization) with its "
                   "count over the matching articles (all of them for an empty query), instead of results");
    app.add_option("--batch", batch,
                   "Run one query per line of FILE (- for standard input) with the other options; "
                   "with --json, one JSON object a line");
    app.add_flag("--no-expand", no_expand,
                 "Search the words and their stems only: no synonyms, relatives, concept "
                 "coordination or entity matching");
    app.add_flag("--verbatim", verbatim, "Search the words exactly as typed: --no-expand and no stemming");
    app.add_option("--color", color, "Colour: auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    app.add_option("query", words, "Query (several words are joined with spaces)");
    if (auto done = newsfacet::cli::parse_command_line(app, "newsfacet-search", argc, argv)) return *done;
    // Combinations checked before anything is read or opened.
    if (!batch.empty() && (!words.empty() || !facet_values.empty())) {
        print_error("--batch takes its queries from FILE: give no query and no --facet-values (see --help)");
        return newsfacet::cli::exit_usage_error;
    }
    if (!facet_values.empty() && no_facets) {
        print_error("--facet-values lists facet counts: it cannot be combined with --no-facets");
        return newsfacet::cli::exit_usage_error;
    }
    newsfacet::SearchRequest request;
    for (const auto& w : words) request.query += (request.query.empty() ? "" : " ") + w;
    request.like = like;
    request.filters[newsfacet::Facet::country] = countries;
    request.filters[newsfacet::Facet::official] = officials;
    request.filters[newsfacet::Facet::location] = locations;
    request.filters[newsfacet::Facet::organization] = organizations;
    request.sources = sources;
    request.since = since;
    request.until = until;
    request.limit = limit;
    request.offset = offset;
    request.count_facets = !no_facets;
    request.expand = !verbatim && !no_expand;
    request.stem = !verbatim;
    request.collapse = !no_collapse;
    request.sort = sort == "newest"   ? newsfacet::SortOrder::newest
                   : sort == "oldest" ? newsfacet::SortOrder::oldest
                                      : newsfacet::SortOrder::relevance;

    std::optional<newsfacet::Facet> listed;
    if (!facet_values.empty()) {
        listed = newsfacet::facet_from_name(facet_values);  // UsageError for an unknown facet
        request.limit = 0;
        request.count_facets = true;
        request.collapse = false;  // facet counts count every article either way: skip the work
        request.max_facet_values = std::numeric_limits<std::size_t>::max();
    }

    std::filesystem::path path = db.empty() ? newsfacet::cli::default_index_path() : std::filesystem::path(db);
    const char* no_color = std::getenv("NO_COLOR");
    bool use_color = color == "always" ||
                     (color == "auto" && isatty(STDOUT_FILENO) && !(no_color && *no_color));
    if (!batch.empty()) {
        std::ifstream file;
        if (batch != "-") {
            file.open(batch);
            if (!file) throw newsfacet::Error("cannot read batch file '" + batch + "'");
        }
        newsfacet::Searcher searcher(path);
        auto summary = newsfacet::run_batch(searcher, request, batch == "-" ? std::cin : file,
                                            [&](const newsfacet::BatchItem& item) {
            if (json) {
                std::cout << newsfacet::to_json(item) << "\n";
            } else if (item.results) {
                std::cout << "== " << item.query << "\n" << newsfacet::cli::to_text(*item.results, {use_color});
            } else {
                print_error("line " + std::to_string(item.line) + ": " + item.error);
            }
            std::cout.flush();
        });
        if (file.is_open() && file.bad()) throw newsfacet::Error("error reading batch file '" + batch + "'");
        return summary.failed > 0 ? newsfacet::cli::exit_usage_error : newsfacet::cli::exit_success;
    }
    newsfacet::Searcher searcher(path);
    auto results = searcher.search(request);
    if (listed) {
        for (const auto& [facet, counts] : results.facets) {
            if (facet != *listed) continue;
            std::cout << (json ? newsfacet::to_json(counts, 2) + "\n" : newsfacet::cli::to_text(counts));
        }
        return 0;
    }
    if (json) {
        std::cout << newsfacet::to_json(results, 2) << "\n";
        return 0;
    }
    std::cout << newsfacet::cli::to_text(results, {use_color});
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    return newsfacet::cli::run_tool("newsfacet-search", [&] { return run(argc, argv); });
}
