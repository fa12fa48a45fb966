#include <newsfacet/ingest.hpp>

#include <algorithm>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <utility>

#include <newsfacet/reader.hpp>

#include "text/analysis.hpp"
#include "text/hash.hpp"
#include "store/database.hpp"
#include "store/ingest_part.hpp"
#include "store/ingest_pipe.hpp"
#include "store/incremental.hpp"
#include "store/index_access.hpp"
#include "store/schema.hpp"

namespace newsfacet {
namespace {

using detail::Fullness;
using detail::Item;
using detail::Pipe;

// An article known by its address (its id is its normalised URL) may come from several files
// of a run (a feed's summary, the saved page): its copies are merged, not warned about.
std::optional<Fullness> web_copy(const Article& article) {
    if (article.url.empty() || article.id != normalize_url(article.url)) return std::nullopt;
    return Fullness{article.body.size(), detail::fnv1a(article.body)};
}

// Reads every article under `paths`, handing each (as read: Item::read) and what reading
// reports to `sink` in input order; stops early when `sink` returns false.
void read_all(const std::vector<std::filesystem::path>& paths, const ReadOptions& options,
              const std::function<bool(Item&&)>& sink) {
    bool open = true;
    std::uint64_t pending_bytes = 0;
    auto send = [&](Item&& item) {
        item.input_bytes = std::exchange(pending_bytes, 0);
        open = open && sink(std::move(item));
    };
    auto error = [](InputError e) {
        Item item;
        item.error = std::move(e);
        return item;
    };
    std::string current_file;
    std::string current_file_term;
    ReadHandler reader;
    reader.on_file = [&](const std::filesystem::path& file) {
        current_file = file.string();
        current_file_term = detail::file_term(file);
    };
    reader.on_error = [&](const InputError& e) { send(error(e)); };
    reader.on_warning = [&](const std::string& w) {
        Item item;
        item.warning = w;
        send(std::move(item));
    };
    reader.on_bytes = [&](std::uint64_t n) { pending_bytes += n; };
    reader.on_skipped = [&](std::string_view kind) {
        Item item;
        item.skipped = std::string(kind);
        send(std::move(item));
    };
    reader.on_article = [&](Article&& article) {
        if (!open) return;
        Item item;
        item.read = std::move(article);
        item.file = current_file;
        item.file_term = current_file_term;
        send(std::move(item));
    };
    for (const auto& path : paths) {
        if (!open) break;
        current_file = path.string();
        current_file_term.clear();
        try {
            read_articles(path, reader, options);
        } catch (const InputError& e) {
            send(error(e));
        }
    }
    if (pending_bytes != 0 && open) send({});
}

// Turns articles as read into what the writer stores: tagged and built into documents, or,
// with `committed`, found unchanged in the index (then not tagged again). One per thread.
class Preparer {
public:
    Preparer(const Tagger& tagger, detail::CommittedIndex* committed)
        : m_tagger(tagger), m_committed(committed), m_generator(detail::make_generator(m_analysis)) {}

    // Prepares item.read, if set; other items pass as they are.
    Item prepare(Item item) {
        if (!item.read) return item;
        Article article = std::move(*item.read);
        item.read.reset();
        item.web = web_copy(article);
        try {
            if (m_committed && !article.id.empty()) {
                if (auto docid = m_committed->unchanged(detail::id_term(article.id),
                                                        detail::content_hash(article, item.file_term))) {
                    item.unchanged_docid = *docid;
                    item.unchanged = std::move(article);
                    return item;
                }
            }
            item.prepared =
                detail::IndexAccess::prepare(article, m_tagger.tag(article), m_generator, item.file_term);
        } catch (const UsageError& e) {
            item.error = InputError(item.file, 0, e.what());
        }
        return item;
    }

private:
    const Tagger& m_tagger;
    detail::CommittedIndex* m_committed;
    // Its own analysis: a stemmer keeps state and must not be shared between threads.
    const detail::Analysis m_analysis;
    Xapian::TermGenerator m_generator;
};

// Where a run's articles come from: read here from `paths`, or from another thread's reader.
// Either way, hands `sink` each prepared item in input order, until `sink` returns false.
void prepare_all(const std::vector<std::filesystem::path>& paths, Pipe* inbox, const ReadOptions& options,
                 const Tagger& tagger, detail::CommittedIndex* committed, const std::function<bool(Item&&)>& sink) {
    Preparer preparer(tagger, committed);
    if (!inbox) {
        read_all(paths, options, [&](Item&& item) { return sink(preparer.prepare(std::move(item))); });
        return;
    }
    while (auto item = inbox->pop()) {
        if (!sink(preparer.prepare(std::move(*item)))) {
            inbox->abandon();
            return;
        }
    }
    if (auto failure = inbox->failure()) std::rethrow_exception(failure);
}

// Which documents a run has seen (stored or found unchanged), by docid: one bit each.
class Seen {
public:
    // True if it was seen before.
    bool mark(Xapian::docid docid) {
        if (docid >= m_bits.size()) m_bits.resize(std::max<std::size_t>(docid + 1, m_bits.size() * 2));
        const bool before = m_bits[docid];
        m_bits[docid] = true;
        return before;
    }
    [[nodiscard]] bool contains(Xapian::docid docid) const { return docid < m_bits.size() && m_bits[docid]; }

private:
    std::vector<bool> m_bits;
};

// Files and directories whose articles --prune must keep: they could not be read whole, so
// an article missing from them may only be unreadable. A file with many bad lines is one
// entry: lookups stay cheap whatever the number of errors.
class Unprunable {
public:
    void add(const std::string& file) {
        if (!m_reported.insert(file).second) return;
        std::error_code ec;
        if (std::filesystem::is_directory(file, ec)) {
            m_prefixes.insert(std::string(detail::prefix_file) + detail::file_key(file) + "/");
        } else {
            m_terms.insert(detail::file_term(archive_of(file)));
        }
    }
    [[nodiscard]] bool contains(const std::string& file_term) const {
        if (m_terms.count(file_term) != 0) return true;
        for (const auto& prefix : m_prefixes) {
            if (file_term.compare(0, prefix.size(), prefix) == 0) return true;
        }
        return false;
    }

private:
    // An error in an archive member names ARCHIVE/MEMBER, no path on disk: its articles are
    // stored with the archive's file term. Other names are kept as they are.
    static std::filesystem::path archive_of(const std::filesystem::path& file) {
        std::error_code ec;
        auto path = file;
        while (!std::filesystem::exists(path, ec) && path.has_relative_path() && path.has_parent_path()) {
            path = path.parent_path();
        }
        return path != file && std::filesystem::is_regular_file(path, ec) ? path : file;
    }

    std::set<std::string> m_reported;  // as the errors named them
    std::set<std::string> m_terms;
    std::set<std::string> m_prefixes;  // directories that could not be read
};

}  // namespace

namespace detail {

unsigned shard_of(std::string_view id, unsigned shards) noexcept {
    return shards <= 1 ? 0 : static_cast<unsigned>(fnv1a(id) % shards);
}

void read_for_shards(const std::vector<std::filesystem::path>& paths, const ReadOptions& options,
                     const std::vector<std::unique_ptr<Pipe>>& shards) noexcept {
    const auto count = static_cast<unsigned>(shards.size());
    std::vector<bool> open(count, true);
    unsigned still_open = count;
    auto hand = [&](unsigned shard, Item&& item) {
        if (open[shard] && !shards[shard]->push(std::move(item))) {
            open[shard] = false;
            --still_open;
        }
    };
    std::exception_ptr failure;
    try {
        read_all(paths, options, [&](Item&& item) {
            if (item.read) {
                hand(shard_of(item.read->id, count), std::move(item));
            } else if (item.error) {
                for (unsigned k = 1; k < count; ++k) {
                    Item copy;
                    copy.error = item.error;
                    copy.report = false;
                    hand(k, std::move(copy));
                }
                hand(0, std::move(item));
            } else {
                hand(0, std::move(item));
            }
            return still_open != 0;
        });
    } catch (...) {
        failure = std::current_exception();
    }
    for (const auto& pipe : shards) pipe->close(failure);
}

namespace {

// Reads, prepares and stores every article under `paths` (and prunes), in batches that each
// reach the disk whole (BatchGuard); with `committed`, articles unchanged against it are
// skipped. Commits the last batch; an exception cancels the open one. Throws what the
// callbacks throw, and DatabaseError.
IngestStats store_in_batches(Index& index, const std::vector<std::filesystem::path>& paths,
                             Pipe* inbox, const IngestHandler& handler, const IngestOptions& options,
                             detail::CommittedIndex* committed) {
    IngestStats stats;
    detail::BatchGuard batch(index);
    Seen seen;
    // The fullest copy so far of each web article stored or kept, by the hash of its id.
    std::unordered_map<std::uint64_t, Fullness> web_copies;
    Unprunable unprunable;
    std::uint64_t in_batch = 0;  // changes in the open batch
    auto progress = [&] {
        if (handler.on_progress) handler.on_progress(stats);
    };
    auto warn = [&](const std::string& warning) {
        ++stats.warnings;
        if (handler.on_warning) handler.on_warning(warning);
    };
    // Every change goes into a batch (a Xapian transaction) of commit_every changes.
    auto changed = [&] {
        if (options.commit_every != 0 && ++in_batch == options.commit_every) {
            batch.commit();
            in_batch = 0;
        }
    };
    auto store = [&](const detail::PreparedArticle& prepared, const std::string& file, bool merged) {
        batch.open();
        auto stored = detail::IndexAccess::store(index, prepared);
        if (seen.mark(stored.docid) && !merged) {
            warn(file + ": id '" + prepared.document.get_value(detail::slot_id) +
                 "' occurs more than once in this run: the last copy is kept");
        }
        ++(stored.outcome == AddOutcome::added ? stats.added : stats.replaced);
        stats.bytes += prepared.text_bytes;
        changed();
    };
    // Whether an article is a further copy of a web article met earlier in this run (counted
    // as merged), and whether it is no fuller than the copy kept (then it is passed over).
    struct Merge {
        bool merged = false;
        bool passed_over = false;
    };
    auto merge = [&](const Item& item, const std::string& id) {
        if (!item.web) return Merge{};
        auto [kept, first] = web_copies.try_emplace(detail::fnv1a(id), *item.web);
        if (first) return Merge{};
        ++stats.merged;
        if (*item.web <= kept->second) return Merge{true, true};
        kept->second = *item.web;
        return Merge{true, false};
    };
    // Every callback runs on the caller's thread, in input order, whatever the threads.
    auto take = [&](Item&& item) {
        stats.input_bytes += item.input_bytes;
        if (item.warning) {
            warn(*item.warning);
            return;
        }
        if (item.skipped) {
            ++stats.skipped[*item.skipped];
            return;
        }
        if (item.error) {
            unprunable.add(item.error->file());
            if (item.report) {
                ++stats.failed;
                if (handler.on_error) handler.on_error(*item.error);
            }
        } else if (item.unchanged) {
            const auto m = merge(item, item.unchanged->id);
            if (m.passed_over) {
                // The index may still hold a copy stored earlier in this run: it stays seen.
            } else if (seen.contains(item.unchanged_docid)) {
                // A second copy of an id in this run, found unchanged against the index as
                // committed before the first copy was stored: store it after all, so that the
                // last (or, for a web article, the fullest) copy wins here too.
                store(detail::IndexAccess::prepare(index, *item.unchanged, detail::file_term(item.file)), item.file,
                      m.merged);
            } else {
                seen.mark(item.unchanged_docid);
                ++stats.unchanged;
            }
        } else if (item.prepared) {
            const auto m = merge(item, item.prepared->document.get_value(detail::slot_id));
            if (!m.passed_over) store(*item.prepared, item.file, m.merged);
        }
        progress();
    };

    const unsigned threads =
        options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    if (threads <= 1) {
        prepare_all(paths, inbox, options.read, index.tagger(), committed, [&](Item&& item) {
            take(std::move(item));
            return true;
        });
    } else {
        // Two threads: this one stores (Xapian has one writer), another reads, tags and
        // builds the documents (term generation costs about as much as storing).
        Pipe pipe(256);
        std::thread preparer([&] {
            try {
                prepare_all(paths, inbox, options.read, index.tagger(), committed,
                            [&](Item&& item) { return pipe.push(std::move(item)); });
                pipe.close();
            } catch (...) {
                pipe.close(std::current_exception());
            }
        });
        try {
            while (auto item = pipe.pop()) take(std::move(*item));
        } catch (...) {
            pipe.abandon();
            preparer.join();
            throw;
        }
        preparer.join();
        if (auto failure = pipe.failure()) std::rethrow_exception(failure);
    }
    if (options.prune) {
        batch.commit();
        in_batch = 0;
        std::vector<Xapian::docid> stale;
        for (const auto& path : paths) {
            std::error_code ec;
            // A path that is not there (a typo, an unmounted disk) prunes nothing.
            if (!std::filesystem::exists(path, ec)) continue;
            auto found = detail::stale_documents(
                detail::IndexAccess::database(index), path, [&](Xapian::docid docid, const std::string& file_term) {
                    return seen.contains(docid) || unprunable.contains(file_term);
                });
            stale.insert(stale.end(), found.begin(), found.end());
        }
        std::sort(stale.begin(), stale.end());
        stale.erase(std::unique(stale.begin(), stale.end()), stale.end());
        for (auto docid : stale) {
            batch.open();
            detail::IndexAccess::remove(index, docid);
            ++stats.deleted;
            changed();
        }
        if (!stale.empty()) progress();
    }
    batch.commit();
    return stats;
}

}  // namespace

IngestStats ingest_part(Index& index, const std::vector<std::filesystem::path>& paths, const IngestHandler& handler,
                        const IngestOptions& options, Pipe* inbox) {
    // However this ends, the reader must not wait for this part any more.
    struct Abandon {
        Pipe* inbox;
        ~Abandon() {
            if (inbox) inbox->abandon();
        }
    } abandon{inbox};
    std::optional<detail::CommittedIndex> committed;
    if (!options.force) {
        // The index as last committed, read by the preparing thread (the writer's database
        // is not thread-safe). Everything is new to an index never committed.
        index.commit();
        committed.emplace(detail::IndexAccess::path(index));
    }
    auto stats = store_in_batches(index, paths, inbox, handler, options, committed ? &*committed : nullptr);
    // Changes a callback made outside the batches, and, with `force`, those made before the
    // run if it stored nothing.
    index.commit();
    return stats;
}

}  // namespace detail

IngestStats ingest(Index& index, const std::vector<std::filesystem::path>& paths, const IngestHandler& handler,
                   const IngestOptions& options) {
    return detail::translate_errors(detail::IndexAccess::path(index).native(),
                                    [&] { return detail::ingest_part(index, paths, handler, options); });
}

}  // namespace newsfacet
