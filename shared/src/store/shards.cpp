#include <newsfacet/shards.hpp>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <system_error>
#include <thread>

#include <newsfacet/error.hpp>
#include <newsfacet/index.hpp>
#include <newsfacet/reader.hpp>

#include "store/database.hpp"
#include "store/ingest_part.hpp"
#include "store/stub.hpp"

namespace newsfacet {
namespace fs = std::filesystem;

namespace {

using detail::shard_name;
using detail::stub_name;
using detail::stub_text;

// Articles read ahead for each shard: enough to ride out a slow batch commit, few enough
// that memory stays flat.
constexpr std::size_t inbox_capacity = 256;

// Written under another name and renamed: a searcher opening the index meanwhile sees the old
// stub or the new one, never half of one.
void write_stub(const fs::path& path, unsigned shards) {
    const fs::path stub = path / stub_name;
    const fs::path temporary = path / (std::string(stub_name) + ".tmp");
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << stub_text(shards);
        out.flush();
        if (!out) throw DatabaseError("cannot write " + temporary.string());
    }
    std::error_code ec;
    fs::rename(temporary, stub, ec);
    if (ec) throw DatabaseError("cannot write " + stub.string() + ": " + ec.message());
}

}  // namespace

unsigned shard_count(const fs::path& path) {
    const fs::path stub = path / stub_name;
    std::error_code ec;
    if (!fs::exists(stub, ec)) {
        // Only a stub that is not there means "not sharded"; one that cannot be looked at
        // (a directory without search permission) is an error, as an unreadable stub is.
        if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory) {
            throw DatabaseError("cannot read " + stub.string() + ": " + ec.message());
        }
        return 0;
    }
    std::ifstream in(stub);
    if (!fs::is_regular_file(stub, ec) || !in) throw DatabaseError("cannot read " + stub.string());
    std::stringstream read;
    read << in.rdbuf();
    if (in.bad()) throw DatabaseError("cannot read " + stub.string());
    const auto shards = detail::shards_in_stub(read.str(), max_shards);
    if (!shards) {
        throw DatabaseError(stub.string() + " is damaged: a sharded index's stub lists its shards, " +
                            "\"auto shard-0\" to \"auto shard-N\", one a line");
    }
    return *shards;
}

fs::path shard_path(const fs::path& path, unsigned shard) {
    return path / shard_name(shard);
}

unsigned shard_for_id(std::string_view id, unsigned shards) noexcept {
    return detail::shard_of(id, shards);
}

RemovedArticles remove_articles(const fs::path& path, const std::vector<std::string>& ids) {
    // Every shard open before anything is deleted: a locked one fails the call at once.
    const unsigned shards = shard_count(path);
    std::vector<Index> indexes;
    if (shards == 0) indexes.push_back(Index::open(path));
    for (unsigned k = 0; k < shards; ++k) indexes.push_back(Index::open(shard_path(path, k)));
    RemovedArticles removed;
    for (const auto& id : ids) {
        if (indexes[shard_for_id(id, shards)].remove(id)) {
            ++removed.deleted;
        } else {
            removed.missing.push_back(id);
        }
    }
    for (auto& index : indexes) {
        index.commit();
        removed.remaining += index.size();
    }
    return removed;
}

IngestStats ingest_sharded(const fs::path& path, unsigned shards,
                           const std::vector<fs::path>& paths, const IngestHandler& handler,
                           const IngestOptions& options, std::chrono::milliseconds lock_wait) {
    if (shards == 0 || shards > max_shards) {
        throw UsageError("the number of shards must be 1 to " + std::to_string(max_shards) +
                         ", not " + std::to_string(shards));
    }
    std::error_code ec;
    const unsigned existing = shard_count(path);
    if (existing != 0 && existing != shards) {
        throw UsageError(path.string() + " has " + std::to_string(existing) + " shards, not " +
                         std::to_string(shards) +
                         " (an index keeps its number of shards; build a new one to change it)");
    }
    if (existing == 0 && fs::exists(path, ec) &&
        !(fs::is_directory(path, ec) && fs::is_empty(path, ec))) {
        throw UsageError(path.string() +
                         " exists and is not a sharded index (use an empty or new directory)");
    }
    // Open every shard before writing anything: a locked shard fails the run at once.
    std::vector<Index> indexes;
    indexes.reserve(shards);
    // One gazetteer for all: building it is serial work before any thread starts (about
    // 40 ms a shard; bench/results/peers.md, "Indexing throughput, issue 20 (wt-idx)").
    indexes.push_back(Index::create_or_open(shard_path(path, 0), lock_wait));
    for (unsigned k = 1; k < shards; ++k)
        indexes.push_back(detail::IndexAccess::create_or_open(shard_path(path, k), lock_wait, indexes[0].tagger()));
    if (existing == 0) write_stub(path, shards);

    // The caller's callbacks, one at a time; progress as the sum over the shards.
    std::mutex mutex;
    std::vector<IngestStats> progress(shards);
    auto sum = [](const std::vector<IngestStats>& parts) {
        IngestStats total;
        for (const auto& s : parts) {
            total.added += s.added;
            total.replaced += s.replaced;
            total.unchanged += s.unchanged;
            total.merged += s.merged;
            total.deleted += s.deleted;
            total.failed += s.failed;
            total.warnings += s.warnings;
            total.bytes += s.bytes;
            total.input_bytes += s.input_bytes;
            for (const auto& [kind, n] : s.skipped) total.skipped[kind] += n;
        }
        return total;
    };
    std::vector<IngestStats> results(shards);
    std::vector<std::exception_ptr> failures(shards);
    // One reader for every shard (each file read and parsed once, standard input too), each
    // shard with its own threads to prepare and store its articles.
    std::vector<std::unique_ptr<detail::Pipe>> inboxes;
    for (unsigned k = 0; k < shards; ++k) inboxes.push_back(std::make_unique<detail::Pipe>(inbox_capacity));
    std::vector<std::thread> threads;
    auto join_all = [&] {
        for (auto& t : threads) t.join();
    };
    auto no_thread = [&](const std::string& what, const std::system_error& e) {
        // A process limit: the started threads stop reading and finish first.
        for (auto& pipe : inboxes) pipe->abandon();
        join_all();
        return DatabaseError("cannot start a thread for " + what + " of " + path.string() + ": " + e.what() +
                             " (use fewer shards)");
    };
    try {
        threads.emplace_back([&] { detail::read_for_shards(paths, options.read, inboxes); });
    } catch (const std::system_error& e) {
        throw no_thread("reading", e);
    }
    for (unsigned k = 0; k < shards; ++k) {
        try {
            threads.emplace_back([&, k] {
                IngestHandler part;
                if (handler.on_error) {
                    part.on_error = [&](const InputError& e) {
                        std::lock_guard lock(mutex);
                        handler.on_error(e);
                    };
                }
                if (handler.on_warning) {
                    part.on_warning = [&](const std::string& w) {
                        std::lock_guard lock(mutex);
                        handler.on_warning(w);
                    };
                }
                part.on_progress = [&, k](const IngestStats& s) {
                    std::lock_guard lock(mutex);
                    progress[k] = s;
                    if (handler.on_progress) handler.on_progress(sum(progress));
                };
                try {
                    results[k] = detail::translate_errors(shard_path(path, k).native(), [&] {
                        return detail::ingest_part(indexes[k], paths, part, options, inboxes[k].get());
                    });
                } catch (const std::system_error& e) {  // no thread for its preparer
                    failures[k] = std::make_exception_ptr(
                        DatabaseError(shard_path(path, k).string() + ": " + e.what()));
                } catch (...) {
                    failures[k] = std::current_exception();
                }
                inboxes[k]->abandon();  // ingest_part has, unless it never ran
            });
        } catch (const std::system_error& e) {
            throw no_thread("shard " + std::to_string(k), e);
        }
    }
    join_all();
    for (const auto& failure : failures) {
        if (failure) std::rethrow_exception(failure);
    }
    return sum(results);
}

}  // namespace newsfacet
