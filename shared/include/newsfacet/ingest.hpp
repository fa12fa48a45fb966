#pragma once
// Reading files and directories of articles into an index.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <newsfacet/error.hpp>
#include <newsfacet/export.hpp>
#include <newsfacet/index.hpp>
#include <newsfacet/reader.hpp>

namespace newsfacet {

/// What an ingest run did.
struct IngestStats {
    std::uint64_t added = 0;      ///< Articles new to the index.
    std::uint64_t replaced = 0;   ///< Articles whose id was indexed with other content.
    std::uint64_t unchanged = 0;  ///< Articles indexed already with the same content: skipped.
    /// Further copies of a web article (its id is its normalised URL) met in the run's other
    /// files or records, e.g. a feed's summary and the saved page: the fullest body is kept,
    /// whatever the input order (ties go to the larger hash of the body).
    std::uint64_t merged = 0;
    std::uint64_t deleted = 0;    ///< Articles deleted by IngestOptions::prune.
    std::uint64_t failed = 0;     ///< Articles or files that could not be read or indexed.
    std::uint64_t warnings = 0;  ///< Recoverable oddities (e.g. a file read as Windows-1252).
    std::uint64_t bytes = 0;     ///< Text bytes (title + body) indexed.
    std::uint64_t input_bytes = 0;  ///< Input file bytes consumed so far (see input_bytes()).
    /// Records skipped by design, not errors, by kind (ReadHandler::on_skipped): a web
    /// archive's "request", "metadata", "not HTML", "HTTP 4xx"...
    std::map<std::string, std::uint64_t> skipped;
};

/// Callbacks for ingest(). Any may be empty. They run inside the run's open batch: the index's
/// add() and remove() join it, its commit() throws UsageError (the run commits whole batches),
/// and an exception a callback throws ends the run, cancelling the open batch.
struct IngestHandler {
    std::function<void(const InputError&)> on_error;
    std::function<void(const std::string&)> on_warning;
    /// Called after each article, for progress displays.
    std::function<void(const IngestStats&)> on_progress;
};

/// How ingest() works.
struct IngestOptions {
    /// Threads: 1 reads, tags and stores each article in turn; 2 or more read, tag and build
    /// documents on a second thread while the calling thread stores them (Xapian has one
    /// writer; more than 2 currently uses 2). 0 (the default): 2 when the machine has
    /// several cores.
    unsigned threads = 0;
    /// Commit after every this many stored articles (0: only at the end). Bounds the writer's
    /// memory whatever the corpus size, and makes the articles so far visible to searchers.
    /// Small batches are also faster: on Reuters-21578 (12,865 articles) 1,000 took 0.7x the
    /// time and 0.17x the peak memory of Xapian's own 10,000-document flushes.
    std::uint64_t commit_every = 1000;
    /// Re-index every article, even one the index holds with the same content (after an
    /// upgrade of newsfacet this happens by itself: the content hash covers the version).
    bool force = false;
    /// After reading, delete the articles that were read from files at or under `paths` and
    /// are no longer there: the file is gone or no longer holds the article's id (a line
    /// removed from a JSON Lines file). Kept anyway: articles of a file or directory that
    /// reported an error this run, and everything under a path that does not exist (an
    /// unmounted disk must not empty the index). Articles added through Index::add, with no
    /// file, are never pruned.
    bool prune = false;
    /// How files and standard input are read: the format of input without a known
    /// extension, JSON keys for Article fields (see read_articles).
    ReadOptions read;
};

/// Reads every article under `paths` (see read_articles; "-" is standard input, whose
/// articles are never pruned) into `index` and commits.
/// Incremental: an article the index already holds with the same content (and the same
/// newsfacet version) is counted `unchanged` and not tagged again; another with the same id
/// replaces it (also within one run: the last copy of an id wins, with a warning). Each
/// article records the file it came from, for `options.prune`.
/// Crash-safe: changes are stored in batches of `options.commit_every`, each a Xapian
/// transaction, so a crash or kill -9 leaves the index as of its last whole batch (never part
/// of an article or of a batch), and running again over the same paths completes it.
/// Unreadable files, malformed records and paths that do not exist are reported through
/// `handler.on_error`, counted in `failed`, and skipped; everything else still lands.
/// Throws DatabaseError only when the index itself fails (disk full, ...): the batch in
/// progress is dropped and the index keeps every batch committed before. UsageError if an
/// ingest() run on the same index is in progress (this one called from its callback).
/// Callbacks run on the calling thread, in input order, whatever `options.threads`; the
/// index ends up the same either way.
NEWSFACET_EXPORT IngestStats ingest(Index& index, const std::vector<std::filesystem::path>& paths,
                   const IngestHandler& handler = {}, const IngestOptions& options = {});

}  // namespace newsfacet
