// newsfacet-index: add articles to an index, tag without indexing, delete, summarise.
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>

#include <CLI/CLI.hpp>

#include <newsfacet/cli/format.hpp>
#include <newsfacet/cli/options.hpp>
#include <newsfacet/cli/tool.hpp>
#include <newsfacet/newsfacet.hpp>

namespace {

void print_error(const std::string& message) { newsfacet::cli::print_tool_error("newsfacet-index", message); }

// --wait's time: -1 (given without a value) means no limit.
std::chrono::milliseconds lock_wait(double wait_seconds) {
    using std::chrono::milliseconds;
    return wait_seconds < 0 ? milliseconds::max() : milliseconds(static_cast<std::int64_t>(wait_seconds * 1000));
}

// Opens the index for writing; with `wait_seconds` (-1: no limit) waits while another
// indexer holds it, saying so once.
newsfacet::Index open_for_indexing(const std::filesystem::path& path, double wait_seconds, bool quiet) {
    if (wait_seconds == 0) return newsfacet::Index::create_or_open(path);
    try {
        return newsfacet::Index::create_or_open(path);
    } catch (const newsfacet::IndexLockedError&) {
        if (!quiet) print_error("waiting for another indexer to finish with " + path.string() + "...");
    }
    return newsfacet::Index::create_or_open(path, lock_wait(wait_seconds));
}

// The command line, as parsed.
struct Options {
    std::string db;
    std::vector<std::string> args;
    bool tag_only = false, remove = false, info = false, json = false, quiet = false, dump = false;
    bool prune = false, force = false;
    double wait_seconds = 0;  // -1: until the index is free
    unsigned threads = 0;
    unsigned shards = 0;
    std::uint64_t commit_every = 1000;
    std::string format;
    std::string merge;  // --merge OUT
    std::vector<std::string> fields;
    std::vector<std::string> indexing_only;  // the options given that only indexing uses
};

// What is wrong with a combination of options, or "" if nothing: checked right after
// parsing, before anything is read or opened.
std::string invalid_combination(const Options& o) {
    const bool merge = !o.merge.empty();
    if (o.tag_only + o.remove + o.info + o.dump + merge > 1) {
        return "--tag-only, --dump, --delete, --info and --merge cannot be combined";
    }
    const char* mode = o.tag_only ? "--tag-only"
                       : o.dump   ? "--dump"
                       : o.remove ? "--delete"
                       : o.info   ? "--info"
                       : merge    ? "--merge"
                                  : nullptr;
    if (mode && !o.indexing_only.empty()) return o.indexing_only.front() + " only applies when indexing, not with " + mode;
    // --tag-only and --dump print JSON lines anyway: --json there changes nothing.
    if (o.json && !(o.info || o.tag_only || o.dump)) return "--json only applies with --info";
    if ((o.remove || o.info || merge) && (!o.format.empty() || !o.fields.empty())) {
        return std::string(mode) + " reads no files: --format and --field do not apply";
    }
    if ((o.info || merge) && !o.args.empty()) return std::string(mode) + " takes no paths";
    if (!o.info && !merge && o.args.empty()) return o.remove ? "--delete needs at least one ID" : "no files or directories given (see --help)";
    if (o.wait_seconds < 0 && o.wait_seconds != -1) return "--wait=SECONDS needs a number of seconds >= 0";
    return {};
}

// --format and --field as the library takes them. Throws UsageError for a bad one.
newsfacet::ReadOptions read_options(const Options& o) {
    newsfacet::ReadOptions read;
    if (!o.format.empty()) read.format = newsfacet::parse_input_format(o.format);
    for (const auto& f : o.fields) read.fields.push_back(newsfacet::parse_field_mapping(f));
    return read;
}

// --tag-only and --dump: each article read, as a JSON line; nothing is indexed.
int print_articles(const Options& o) {
    const auto options = read_options(o);
    newsfacet::Tagger tagger;
    std::uint64_t failed = 0;
    newsfacet::ReadHandler handler;
    handler.on_article = [&](newsfacet::Article&& a) {
        std::cout << (o.dump ? newsfacet::to_json(a) : newsfacet::to_json(a.id, tagger.tag(a))) << "\n";
    };
    handler.on_error = [&](const newsfacet::InputError& e) {
        ++failed;
        print_error(e.what());
    };
    handler.on_warning = [](const std::string& w) { print_error("warning: " + w); };
    std::map<std::string, std::uint64_t> skipped;
    handler.on_skipped = [&](std::string_view kind) { ++skipped[std::string(kind)]; };
    for (const auto& p : o.args) {
        try {
            newsfacet::read_articles(p, handler, options);
        } catch (const newsfacet::InputError& e) {
            handler.on_error(e);
        }
    }
    // On stderr, as the indexing summary: standard output holds the JSON lines only.
    if (!skipped.empty() && !o.quiet) std::cerr << newsfacet::cli::skipped_text(skipped) << "\n";
    return failed ? newsfacet::cli::exit_partial : newsfacet::cli::exit_success;
}

int print_info(const Options& o, const std::filesystem::path& path) {
    newsfacet::Searcher searcher(path);
    auto summary = searcher.info();
    std::cout << (o.json ? newsfacet::to_json(summary, 2) + "\n" : newsfacet::cli::to_text(summary));
    return newsfacet::cli::exit_success;
}

int delete_articles(const Options& o, const std::filesystem::path& path) {
    const auto removed = newsfacet::remove_articles(path, o.args);
    for (const auto& id : removed.missing) print_error("no article with id '" + id + "'");
    if (!o.quiet) {
        std::cerr << "deleted " << removed.deleted << " article(s); " << removed.remaining << " remain in "
                  << path.string() << "\n";
    }
    return removed.missing.empty() ? newsfacet::cli::exit_success : newsfacet::cli::exit_partial;
}

int merge_index(const Options& o, const std::filesystem::path& path) {
    const auto start = std::chrono::steady_clock::now();
    const auto articles = newsfacet::merge_shards(path, o.merge);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!o.quiet) {
        std::cerr << "merged " << newsfacet::shard_count(path) << " shards of " << path.string() << " into "
                  << o.merge << ": " << articles << " article(s) in " << std::fixed << std::setprecision(1) << secs
                  << " s\n";
    }
    return newsfacet::cli::exit_success;
}

int index_files(const Options& o, const std::filesystem::path& path) {
    // Checked before the index is opened or created: a typo must not leave an empty index.
    (void)read_options(o);
    const unsigned existing_shards = newsfacet::shard_count(path);
    const bool sharded = o.shards != 0 || existing_shards != 0;
    std::optional<newsfacet::Index> index;
    if (!sharded) index.emplace(open_for_indexing(path, o.wait_seconds, o.quiet));
    bool tty = isatty(STDERR_FILENO) && !o.quiet;
    auto start = std::chrono::steady_clock::now();
    auto last_draw = start;
    newsfacet::IngestHandler handler;
    handler.on_error = [&](const newsfacet::InputError& e) {
        if (tty) std::cerr << "\r\x1b[K";
        print_error(e.what());
    };
    handler.on_warning = [&](const std::string& w) {
        if (tty) std::cerr << "\r\x1b[K";
        print_error("warning: " + w);
    };
    std::vector<std::filesystem::path> paths(o.args.begin(), o.args.end());
    const std::uint64_t total_bytes = tty ? newsfacet::input_bytes(paths) : 0;
    handler.on_progress = [&](const newsfacet::IngestStats& s) {
        auto now = std::chrono::steady_clock::now();
        if (!tty || now - last_draw < std::chrono::milliseconds(200)) return;
        last_draw = now;
        std::cerr << "\r\x1b[K"
                  << newsfacet::cli::progress_line(s, total_bytes, std::chrono::duration<double>(now - start).count());
    };
    newsfacet::IngestOptions options;
    options.read = read_options(o);
    options.threads = o.threads;
    options.commit_every = o.commit_every;
    options.prune = o.prune;
    options.force = o.force;
    newsfacet::IngestStats stats;
    std::uint64_t articles = 0;
    if (sharded) {
        stats = newsfacet::ingest_sharded(path, o.shards != 0 ? o.shards : existing_shards, paths, handler, options,
                                          lock_wait(o.wait_seconds));
        articles = newsfacet::Searcher(path).size();
    } else {
        stats = newsfacet::ingest(*index, paths, handler, options);
        articles = index->size();
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (tty) std::cerr << "\r\x1b[K";
    if (!o.quiet) {
        std::cerr << newsfacet::cli::summary_line(stats, secs, articles, newsfacet::disk_size(path), path) << "\n";
    }
    return stats.failed ? newsfacet::cli::exit_partial : newsfacet::cli::exit_success;
}

int run(int argc, char** argv) {
    CLI::App app{"Index news articles for newsfacet-search."};
    app.footer(R"(Formats: .txt/.md (first line is the title when a blank line follows it), .json (one
article object or an array), .jsonl (one object a line), .html (an article page: main text,
headline, date), .warc (a web archive's HTML pages), .rss/.atom/.rdf/.xml (RSS 2.0, RSS 1.0
or Atom feeds: an article per item; a .xml file in a folder that is not a feed is skipped
with a warning); other files are read when they start like JSON, HTML, a WARC record or a
feed. "-" reads standard input (sniffed the same way; --format txt for text).
Fields: id, title, body, date, dateline, source, url, language, also under the names common scrapers
and datasets use (headline; maintext, text, content; date_publish, published_at,
datePublished; source_domain, publisher; link...); --field maps any other key. An object
with a url and no id takes the normalised url as its id. Directories are read recursively
(README/LICENSE skipped). Compressed files (.gz .bz2 .xz .zst) are read in the format of
their inner name; archives (.tar, .tar.gz/.tgz, .tar.bz2/.xz/.zst, .zip) like a directory,
ids ARCHIVE/PATH; both told by their first bytes, on standard input too.
Each article is tagged with four facets: country, official, location and organization
(organisations with their kind: international body, armed group, government body, party,
company or other).

Examples:
  newsfacet-index corpus/                      index a folder into ./newsfacet.db
  newsfacet-index --prune corpus/              again: new and changed articles only, and delete
                                               those whose file (or JSONL line) is gone
  newsfacet-index --wait=600 feed.jsonl        wait up to 10 minutes for a running indexer
  newsfacet-index --db /data/news.db feed.jsonl
  newsfacet-index --db big.db --shards 4 archive/  build 4 shards in parallel (big.db/shard-0..3
                                               and big.db/XAPIANDB, which newsfacet-search opens)
  newsfacet-index --db big.db --merge merged.db  one compacted index from big.db's shards, which
                                               stay as they are (newsfacet-search --db merged.db)
  newsfacet-index --tag-only article.txt       print the facets found, index nothing
                                               ("organizations": [{"name", "kind"}], mentions
                                               with their byte offsets)
  newsfacet-index --dump corpus/ > corpus.jsonl  the articles as read, as JSON lines
  zcat dump.jsonl.gz | newsfacet-index -       index JSON lines from a pipe
  newsfacet-index crawl.warc                   index the HTML pages of a web archive (other
                                               records are counted in the summary)
  newsfacet-index saved-feeds/                 every item of the RSS and Atom feeds in a folder
  newsfacet-index pages.tar.gz                 index the pages in an archive
  newsfacet-index --field body=story.text --field date=meta.published dump.jsonl
                                               read the body and date from other keys
  newsfacet-index --delete nf-2024-0312-odesa-consulate
  newsfacet-index --info --json

Re-running is incremental: articles indexed already with the same content are counted
"unchanged" and skipped (--force re-indexes them). An index written by an older build
(before the organization facet, say) is re-indexed article by article on the next run over
the same input, which adds what the newer build stores. Articles are committed in batches
(--commit-every), each whole or not at all: after a crash or kill, run the same command
again and it completes the index.

Exit status: 0 success, 1 runtime error (also: the index is locked by another indexer),
2 usage error, 3 some articles or files could not be read (the rest are indexed).
The index is --db, else $NEWSFACET_DB, else ./newsfacet.db.)");
    Options o;
    app.add_option("--db", o.db, "Index directory (default: $NEWSFACET_DB or ./newsfacet.db)");
    app.add_flag("--tag-only", o.tag_only, "Print each article's facets and mentions as JSON lines; index nothing");
    app.add_flag("--dump", o.dump, "Print each article as read (JSON lines: id, title, body, date, ...); index nothing");
    app.add_flag("--delete", o.remove, "Delete the articles with the given IDs");
    app.add_flag("--info", o.info, "Summarise the index: articles, size, format, facet values");
    app.add_flag("--json", o.json, "With --info: print JSON");
    app.add_option("--merge", o.merge,
                   "Write one compacted index at OUT from the sharded index --db (its shards are left as they are); "
                   "OUT must be new or an empty directory")
        ->option_text("OUT");
    app.add_flag("-q,--quiet", o.quiet, "No progress or summary on stderr");
    std::vector<CLI::Option*> indexing_only;
    indexing_only.push_back(
        app.add_option("--threads", o.threads,
                       "1: read, tag and store each article in turn; 2: tag and build documents on a "
                       "second thread while this one stores them (0, the default: 2 on a multi-core machine); with --shards, "
                       "per shard")
            ->check(CLI::NonNegativeNumber)
            ->capture_default_str());
    indexing_only.push_back(
        app.add_option("--commit-every", o.commit_every,
                       "Commit after every N articles, bounding memory and showing progress to searchers (0: at the end)")
            ->capture_default_str());
    indexing_only.push_back(
        app.add_option("--shards", o.shards,
                       "Split a new index into N shards built in parallel (an article's shard is a hash of its id); "
                       "a sharded index is found again without it")
            ->check(CLI::Range(1u, newsfacet::max_shards)));
    indexing_only.push_back(
        app.add_flag("--prune", o.prune,
                     "Delete the articles read earlier from files under the given paths that are gone or no longer "
                     "hold them (kept: files that could not be read this time, paths that do not exist)"));
    indexing_only.push_back(
        app.add_flag("--force", o.force, "Re-index every article, even those indexed already with the same content"));
    indexing_only.push_back(
        app.add_flag("--wait{-1}", o.wait_seconds,
                     "When indexing, if another indexer holds the index, wait for it (--wait=SECONDS: at most that long) instead of "
                     "failing at once"));
    app.add_option("--format", o.format,
                   "The format of standard input (\"-\") and of named files whose extension names none: "
                   "txt, md, json, jsonl, html, warc or rss (also: feed, atom, rdf) (default: by the first bytes)");
    app.add_option("--field", o.fields,
                   "FIELD=KEY: read the article field (id, title, body, date, dateline, source, url, language) from KEY of "
                   "JSON input; KEY may be a dotted path (source.name); repeatable")
        ->allow_extra_args(false);
    app.add_option("paths", o.args, "Files or directories to index, - for standard input (IDs with --delete)");
    if (auto done = newsfacet::cli::parse_command_line(app, "newsfacet-index", argc, argv)) return *done;
    for (const auto* option : indexing_only) {
        if (option->count() > 0) o.indexing_only.push_back(option->get_name());
    }
    if (auto problem = invalid_combination(o); !problem.empty()) {
        print_error(problem);
        return newsfacet::cli::exit_usage_error;
    }
    const std::filesystem::path path = o.db.empty() ? newsfacet::cli::default_index_path() : std::filesystem::path(o.db);
    if (o.tag_only || o.dump) return print_articles(o);
    if (o.info) return print_info(o, path);
    if (o.remove) return delete_articles(o, path);
    if (!o.merge.empty()) return merge_index(o, path);
    return index_files(o, path);
}

}  // namespace

int main(int argc, char** argv) {
    // A file size limit (ulimit -f) must end in a clear "File too large" error, not a kill:
    // the index then keeps its last committed batch.
    std::signal(SIGXFSZ, SIG_IGN);
    return newsfacet::cli::run_tool("newsfacet-index", [&] { return run(argc, argv); });
}
