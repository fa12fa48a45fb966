#include <newsfacet/ingest.hpp>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
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
#include "store/incremental.hpp"
#include "store/index_access.hpp"
#include "store/schema.hpp"

namespace newsfacet {
namespace {

// How full a copy of a web article is: the copy with the longer body wins, then (equal
// lengths) the larger hash of the body, so that the winner never depends on the input order.
struct Fullness {
    std::size_t body_bytes = 0;
    std::uint64_t body_hash = 0;
    auto operator<=>(const Fullness&) const = default;
};

// An article known by its address (its id is its normalised URL) may come from several files
// of a run (a feed's summary, the saved page): its copies are merged, not warned about.
std::optional<Fullness> web_copy(const Article& article) {
    if (article.url.empty() || article.id != normalize_url(article.url)) return std::nullopt;
    return Fullness{article.body.size(), detail::fnv1a(article.body)};
}

// What the preparing thread hands to the writer, in input order: one article (prepared, or
// found unchanged in the index), an error or a warning; or only input consumed.
struct Item {
    std::optional<detail::PreparedArticle> prepared;
    std::optional<Article> unchanged;  // stored already with the same content hash
    Xapian::docid unchanged_docid = 0;
    std::string file;                  // the file the article was read from
    std::optional<Fullness> web;       // set for an article known by its URL (web_copy)
    std::optional<InputError> error;
    std::optional<std::string> warning;
    std::optional<std::string> skipped;  // a record that is no article by design, by kind
    // From reading, so every part of a sharded run sees it: only part 0 reports it.
    bool from_reader = false;
    std::uint64_t input_bytes = 0;  // input consumed since the previous item
};

// A bounded first-in first-out queue between one producer and one consumer. The bound keeps
// memory flat whatever the corpus size: the producer waits while the writer catches up.
class Pipe {
public:
    explicit Pipe(std::size_t capacity) : m_capacity(capacity) {}

    // False if the consumer has given up (the item is dropped).
    bool push(Item&& item) {
        std::unique_lock lock(m_mutex);
        m_not_full.wait(lock, [&] { return m_items.size() < m_capacity || m_abandoned; });
        if (m_abandoned) return false;
        m_items.push_back(std::move(item));
        m_not_empty.notify_one();
        return true;
    }

    // Nothing once the producer is done and everything was taken.
    std::optional<Item> pop() {
        std::unique_lock lock(m_mutex);
        m_not_empty.wait(lock, [&] { return !m_items.empty() || m_closed; });
        if (m_items.empty()) return std::nullopt;
        Item item = std::move(m_items.front());
        m_items.pop_front();
        m_not_full.notify_one();
        return item;
    }

    void close(std::exception_ptr failure = nullptr) {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_failure = failure;
        m_not_empty.notify_all();
    }

    void abandon() {
        std::lock_guard lock(m_mutex);
        m_abandoned = true;
        m_not_full.notify_all();
    }

    [[nodiscard]] std::exception_ptr failure() {
        std::lock_guard lock(m_mutex);
        return m_failure;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_not_full;
    std::condition_variable m_not_empty;
    std::deque<Item> m_items;
    std::size_t m_capacity;
    bool m_closed = false;
    bool m_abandoned = false;
    std::exception_ptr m_failure;
};

// Reads and prepares every article under `paths`, handing each outcome to `sink` in input
// order; stops early when `sink` returns false. With `committed`, an article the index already
// holds with the same content is not tagged again but handed over as unchanged.
// Articles of other parts are skipped before anything is computed for them.
void prepare_all(const std::vector<std::filesystem::path>& paths, const ReadOptions& options, const Tagger& tagger,
                 detail::CommittedIndex* committed, detail::Part part, const std::function<bool(Item&&)>& sink) {
    // Its own analysis: a stemmer keeps state and must not be shared between threads.
    const detail::Analysis analysis;
    auto generator = detail::make_generator(analysis);
    bool open = true;
    std::uint64_t pending_bytes = 0;
    auto send = [&](Item&& item) {
        item.input_bytes = std::exchange(pending_bytes, 0);
        open = open && sink(std::move(item));
    };
    auto error = [](InputError e) {
        Item item;
        item.error = std::move(e);
        item.from_reader = true;
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
        item.from_reader = true;
        send(std::move(item));
    };
    reader.on_bytes = [&](std::uint64_t n) { pending_bytes += n; };
    reader.on_skipped = [&](std::string_view kind) {
        Item item;
        item.skipped = std::string(kind);
        item.from_reader = true;
        send(std::move(item));
    };
    reader.on_article = [&](Article&& article) {
        if (!open) return;
        if (part.count > 1 && detail::shard_of(article.id, part.count) != part.index) return;
        Item item;
        item.file = current_file;
        item.web = web_copy(article);
        try {
            if (committed && !article.id.empty()) {
                if (auto docid = committed->unchanged(detail::id_term(article.id), detail::content_hash(article, current_file_term))) {
                    item.unchanged_docid = *docid;
                    item.unchanged = std::move(article);
                    send(std::move(item));
                    return;
                }
            }
            item.prepared = detail::IndexAccess::prepare(article, tagger.tag(article), generator, current_file_term);
        } catch (const UsageError& e) {
            item.error = InputError(current_file, 0, e.what());
        }
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
    if (pending_bytes != 0) send({});
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

namespace {

// Reads, prepares and stores every article under `paths` (and prunes), in batches that each
// reach the disk whole (BatchGuard); with `committed`, articles unchanged against it are
// skipped. Commits the last batch; an exception cancels the open one. Throws what the
// callbacks throw, and DatabaseError.
IngestStats store_in_batches(Index& index, const std::vector<std::filesystem::path>& paths,
                             const IngestHandler& handler, const IngestOptions& options, Part part,
                             detail::CommittedIndex* committed) {
    IngestStats stats;
    detail::BatchGuard batch(index);
    const bool reports_reading = part.index == 0;
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
        if (reports_reading) stats.input_bytes += item.input_bytes;
        if (item.warning) {
            if (reports_reading || !item.from_reader) warn(*item.warning);
            return;
        }
        if (item.skipped) {
            if (reports_reading) ++stats.skipped[*item.skipped];
            return;
        }
        if (item.error) {
            unprunable.add(item.error->file());
            if (reports_reading || !item.from_reader) {
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
        prepare_all(paths, options.read, index.tagger(), committed, part, [&](Item&& item) {
            take(std::move(item));
            return true;
        });
    } else {
        // Two threads: this one stores (Xapian has one writer), another reads, tags and
        // builds the documents (term generation costs about as much as storing).
        Pipe pipe(256);
        std::thread preparer([&] {
            try {
                prepare_all(paths, options.read, index.tagger(), committed, part,
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
                        const IngestOptions& options, Part part) {
    std::optional<detail::CommittedIndex> committed;
    if (!options.force) {
        // The index as last committed, read by the preparing thread (the writer's database
        // is not thread-safe). Everything is new to an index never committed.
        index.commit();
        committed.emplace(detail::IndexAccess::path(index));
    }
    auto stats = store_in_batches(index, paths, handler, options, part, committed ? &*committed : nullptr);
    // Changes a callback made outside the batches, and, with `force`, those made before the
    // run if it stored nothing.
    index.commit();
    return stats;
}

}  // namespace detail

IngestStats ingest(Index& index, const std::vector<std::filesystem::path>& paths, const IngestHandler& handler,
                   const IngestOptions& options) {
    return detail::translate_errors(detail::IndexAccess::path(index).native(),
                                    [&] { return detail::ingest_part(index, paths, handler, options, {}); });
}

}  // namespace newsfacet
