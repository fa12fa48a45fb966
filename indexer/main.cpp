// newsfacet-index: add articles to an index, tag without indexing, delete, summarise.
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <optional>

#include <CLI/CLI.hpp>

#include <newsfacet/newsfacet.hpp>

namespace {

void print_error(const std::string& message) { newsfacet::print_tool_error("newsfacet-index", message); }

// Opens the index for writing; with `wait_seconds` (-1: no limit) waits while another
// indexer holds it, saying so once.
newsfacet::Index open_for_indexing(const std::filesystem::path& path, double wait_seconds, bool quiet) {
    if (wait_seconds == 0) return newsfacet::Index::create_or_open(path);
    try {
        return newsfacet::Index::create_or_open(path);
    } catch (const newsfacet::IndexLockedError&) {
        if (!quiet) print_error("waiting for another indexer to finish with " + path.string() + "...");
    }
    using std::chrono::milliseconds;
    const auto limit = wait_seconds < 0 ? milliseconds::max() : milliseconds(static_cast<std::int64_t>(wait_seconds * 1000));
    return newsfacet::Index::create_or_open(path, limit);
}

int run(int argc, char** argv) {
    CLI::App app{"Index news articles for newsfacet-search."};
    app.footer(R"(Formats: .txt/.md (first line is the title when a blank line follows it), .json (one
article object or an array), .jsonl (one object a line). Fields: id, title, body (or text),
date, dateline, source, url. Directories are read recursively (README/LICENSE skipped).

Examples:
  newsfacet-index corpus/                      index a folder into ./newsfacet.db
  newsfacet-index --prune corpus/              again: new and changed articles only, and delete
                                               those whose file (or JSONL line) is gone
  newsfacet-index --wait=600 feed.jsonl        wait up to 10 minutes for a running indexer
  newsfacet-index --db /data/news.db feed.jsonl
  newsfacet-index --db big.db --shards 4 archive/  build 4 shards in parallel (big.db/shard-0..3
                                               and big.db/XAPIANDB, which newsfacet-search opens)
  newsfacet-index --tag-only article.txt       print the facets found, index nothing
  newsfacet-index --dump corpus/ > corpus.jsonl  the articles as read, as JSON lines
  newsfacet-index --delete nf-2024-0312-odesa-consulate
  newsfacet-index --info --json

Re-running is incremental: articles indexed already with the same content are counted
"unchanged" and skipped (--force re-indexes them). Articles are committed in batches
(--commit-every), each whole or not at all: after a crash or kill, run the same command
again and it completes the index.

Exit status: 0 success, 1 runtime error (also: the index is locked by another indexer),
2 usage error, 3 some articles or files could not be read (the rest are indexed).
The index is --db, else $NEWSFACET_DB, else ./newsfacet.db.)");
    std::string db;
    std::vector<std::string> args;
    bool tag_only = false, remove = false, info = false, json = false, quiet = false, dump = false;
    bool prune = false, force = false;
    double wait_seconds = 0;  // -1: until the index is free
    unsigned threads = 0;
    unsigned shards = 0;
    std::uint64_t commit_every = 1000;
    app.add_option("--db", db, "Index directory (default: $NEWSFACET_DB or ./newsfacet.db)");
    app.add_flag("--tag-only", tag_only, "Print each article's facets and mentions as JSON lines; index nothing");
    app.add_flag("--dump", dump, "Print each article as read (JSON lines: id, title, body, date, ...); index nothing");
    app.add_flag("--delete", remove, "Delete the articles with the given IDs");
    app.add_flag("--info", info, "Summarise the index: articles, size, format, facet values");
    app.add_flag("--json", json, "With --info: print JSON");
    app.add_flag("-q,--quiet", quiet, "No progress or summary on stderr");
    app.add_option("--threads", threads,
                   "1: read, tag and store each article in turn; 2: tag and build documents on a "
                   "second thread while this one stores them (0, the default: 2 on a multi-core machine)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    app.add_option("--commit-every", commit_every,
                   "Commit after every N articles, bounding memory and showing progress to searchers (0: at the end)")
        ->capture_default_str();
    app.add_option("--shards", shards,
                   "Split a new index into N shards built in parallel (an article's shard is a hash of its id); "
                   "a sharded index is found again without it")
        ->check(CLI::Range(1u, newsfacet::max_shards));
    app.add_flag("--prune", prune,
                  "Delete the articles read earlier from files under the given paths that are gone or no longer "
                  "hold them (kept: files that could not be read this time, paths that do not exist)");
    app.add_flag("--force", force, "Re-index every article, even those indexed already with the same content");
    app.add_flag("--wait{-1}", wait_seconds,
                 "If another indexer holds the index, wait for it (--wait=SECONDS: at most that long) instead of "
                 "failing at once");
    app.add_option("paths", args, "Files or directories to index (IDs with --delete)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);
        print_error(std::string(e.what()) + " (see --help)");
        return newsfacet::exit_usage_error;
    }
    if (int modes = tag_only + remove + info + dump; modes > 1) {
        print_error("--tag-only, --dump, --delete and --info cannot be combined");
        return newsfacet::exit_usage_error;
    }
    if (!info && args.empty()) {
        print_error(remove ? "--delete needs at least one ID" : "no files or directories given (see --help)");
        return newsfacet::exit_usage_error;
    }
    if (info && !args.empty()) {
        print_error("--info takes no paths");
        return newsfacet::exit_usage_error;
    }
    std::filesystem::path path = db.empty() ? newsfacet::default_index_path() : std::filesystem::path(db);

    if (tag_only || dump) {
        newsfacet::Tagger tagger;
        std::uint64_t failed = 0;
        newsfacet::ReadHandler handler;
        handler.on_article = [&](newsfacet::Article&& a) {
            std::cout << (dump ? newsfacet::to_json(a) : newsfacet::to_json(a.id, tagger.tag(a))) << "\n";
        };
        handler.on_error = [&](const newsfacet::InputError& e) {
            ++failed;
            print_error(e.what());
        };
        handler.on_warning = [](const std::string& w) { print_error("warning: " + w); };
        for (const auto& p : args) {
            try {
                newsfacet::read_articles(p, handler);
            } catch (const newsfacet::InputError& e) {
                handler.on_error(e);
            }
        }
        return failed ? newsfacet::exit_partial : 0;
    }
    if (info) {
        newsfacet::Searcher searcher(path);
        auto summary = searcher.info();
        std::cout << (json ? newsfacet::to_json(summary, 2) + "\n" : newsfacet::to_text(summary));
        return 0;
    }
    const unsigned existing_shards = newsfacet::shard_count(path);
    if (shards != 0 && (tag_only || dump || remove || info)) {
        print_error("--shards only applies when indexing");
        return newsfacet::exit_usage_error;
    }
    if (remove) {
        // A sharded index: each id is deleted from its own shard.
        std::vector<newsfacet::Index> indexes;
        if (existing_shards == 0) {
            indexes.push_back(newsfacet::Index::open(path));
        } else {
            for (unsigned k = 0; k < existing_shards; ++k) indexes.push_back(newsfacet::Index::open(newsfacet::shard_path(path, k)));
        }
        std::uint64_t missing = 0;
        for (const auto& id : args) {
            if (!indexes[newsfacet::shard_for_id(id, static_cast<unsigned>(indexes.size()))].remove(id)) {
                ++missing;
                print_error("no article with id '" + id + "'");
            }
        }
        std::uint64_t remain = 0;
        for (auto& index : indexes) {
            index.commit();
            remain += index.size();
        }
        if (!quiet) {
            std::cerr << "deleted " << (args.size() - missing) << " article(s); " << remain << " remain in "
                      << path.string() << "\n";
        }
        return missing ? newsfacet::exit_partial : 0;
    }

    if (wait_seconds < 0 && wait_seconds != -1) {
        print_error("--wait=SECONDS needs a number of seconds >= 0");
        return newsfacet::exit_usage_error;
    }
    if ((prune || force) && (tag_only || dump || remove || info)) {
        print_error("--prune and --force only apply when indexing");
        return newsfacet::exit_usage_error;
    }
    const bool sharded = shards != 0 || existing_shards != 0;
    std::optional<newsfacet::Index> index;
    if (!sharded) index.emplace(open_for_indexing(path, wait_seconds, quiet));
    bool tty = isatty(STDERR_FILENO) && !quiet;
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
    std::vector<std::filesystem::path> paths(args.begin(), args.end());
    const std::uint64_t total_bytes = tty ? newsfacet::input_bytes(paths) : 0;
    handler.on_progress = [&](const newsfacet::IngestStats& s) {
        auto now = std::chrono::steady_clock::now();
        if (!tty || now - last_draw < std::chrono::milliseconds(200)) return;
        last_draw = now;
        std::cerr << "\r\x1b[K" << newsfacet::progress_line(s, total_bytes, std::chrono::duration<double>(now - start).count());
    };
    newsfacet::IngestOptions options;
    options.threads = threads;
    options.commit_every = commit_every;
    options.prune = prune;
    options.force = force;
    newsfacet::IngestStats stats;
    std::uint64_t articles = 0;
    if (sharded) {
        using std::chrono::milliseconds;
        const auto wait = wait_seconds < 0 ? milliseconds::max() : milliseconds(static_cast<std::int64_t>(wait_seconds * 1000));
        stats = newsfacet::ingest_sharded(path, shards != 0 ? shards : existing_shards, paths, handler, options, wait);
        articles = newsfacet::Searcher(path).size();
    } else {
        stats = newsfacet::ingest(*index, paths, handler, options);
        articles = index->size();
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (tty) std::cerr << "\r\x1b[K";
    if (!quiet) std::cerr << newsfacet::summary_line(stats, secs, articles, newsfacet::disk_size(path), path) << "\n";
    return stats.failed ? newsfacet::exit_partial : 0;
}

}  // namespace

int main(int argc, char** argv) {
    // A file size limit (ulimit -f) must end in a clear "File too large" error, not a kill:
    // the index then keeps its last committed batch.
    std::signal(SIGXFSZ, SIG_IGN);
    return newsfacet::run_tool("newsfacet-index", [&] { return run(argc, argv); });
}
