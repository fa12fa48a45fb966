#include <newsfacet/ingest.hpp>

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include <newsfacet/reader.hpp>

#include "analysis.hpp"
#include "index_access.hpp"

namespace newsfacet {
namespace {

// What the preparing thread hands to the writer, in input order.
struct Item {
    std::optional<detail::PreparedArticle> prepared;
    std::optional<InputError> error;
    std::optional<std::string> warning;
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
// order; stops early when `sink` returns false.
void prepare_all(const std::vector<std::filesystem::path>& paths, const Tagger& tagger,
                 const std::function<bool(Item&&)>& sink) {
    // Its own analysis: a stemmer keeps state and must not be shared between threads.
    auto analysis = detail::make_analysis();
    auto generator = detail::make_generator(*analysis);
    bool open = true;
    std::uint64_t pending_bytes = 0;
    auto send = [&](Item&& item) {
        item.input_bytes = std::exchange(pending_bytes, 0);
        open = open && sink(std::move(item));
    };
    std::string current_file;
    ReadHandler reader;
    reader.on_error = [&](const InputError& e) { send({std::nullopt, e, std::nullopt}); };
    reader.on_warning = [&](const std::string& w) { send({std::nullopt, std::nullopt, w}); };
    reader.on_bytes = [&](std::uint64_t n) { pending_bytes += n; };
    reader.on_article = [&](Article&& article) {
        if (!open) return;
        Item item;
        try {
            item.prepared = detail::IndexAccess::prepare(article, tagger.tag(article), generator);
        } catch (const UsageError& e) {
            item.error = InputError(current_file, 0, e.what());
        }
        send(std::move(item));
    };
    for (const auto& path : paths) {
        if (!open) break;
        current_file = path.string();
        try {
            read_articles(path, reader);
        } catch (const InputError& e) {
            send({std::nullopt, e, std::nullopt});
        }
    }
    if (pending_bytes != 0) send({});
}

}  // namespace

IngestStats ingest(Index& index, const std::vector<std::filesystem::path>& paths, const IngestHandler& handler,
                   const IngestOptions& options) {
    IngestStats stats;
    auto fail = [&](const InputError& e) {
        ++stats.failed;
        if (handler.on_error) handler.on_error(e);
    };
    // Every callback runs on the caller's thread, in input order, whatever the threads.
    auto take = [&](Item&& item) {
        stats.input_bytes += item.input_bytes;
        if (!item.prepared && !item.error && !item.warning) {
            if (handler.on_progress) handler.on_progress(stats);
            return;
        }
        if (item.warning) {
            ++stats.warnings;
            if (handler.on_warning) handler.on_warning(*item.warning);
            return;
        }
        if (item.error) {
            fail(*item.error);
        } else {
            auto outcome = detail::IndexAccess::store(index, *item.prepared);
            ++(outcome == AddOutcome::added ? stats.added : stats.replaced);
            stats.bytes += item.prepared->text_bytes;
            if (options.commit_every != 0 && (stats.added + stats.replaced) % options.commit_every == 0) index.commit();
        }
        if (handler.on_progress) handler.on_progress(stats);
    };

    const unsigned threads = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    if (threads <= 1) {
        prepare_all(paths, index.tagger(), [&](Item&& item) {
            take(std::move(item));
            return true;
        });
        index.commit();
        return stats;
    }

    // Two threads: this one stores (Xapian has one writer), another reads, tags and builds
    // the documents (term generation costs about as much as storing).
    Pipe pipe(256);
    std::thread preparer([&] {
        try {
            prepare_all(paths, index.tagger(), [&](Item&& item) { return pipe.push(std::move(item)); });
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
    index.commit();
    return stats;
}

}  // namespace newsfacet
