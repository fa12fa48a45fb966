#pragma once
// What flows between the threads of an ingest run: the reader, the preparing threads (tagging,
// term generation) and each index's writer (ingest.cpp, shards.cpp).

#include <compare>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string>

#include <newsfacet/article.hpp>
#include <newsfacet/error.hpp>

#include "store/index_access.hpp"

namespace newsfacet::detail {

/// How full a copy of a web article is: the copy with the longer body wins, then (equal
/// lengths) the larger hash of the body, so that the winner never depends on the input order.
struct Fullness {
    std::size_t body_bytes = 0;
    std::uint64_t body_hash = 0;
    auto operator<=>(const Fullness&) const = default;
};

/// One step of an ingest run, in input order: an article as read (`read`, not prepared yet),
/// prepared, or found unchanged in the index; an error, a warning or a skipped record; or only
/// input consumed.
struct Item {
    std::optional<Article> read;  ///< read and not prepared yet (file_term: its file's term)
    std::string file_term;
    std::optional<PreparedArticle> prepared;
    std::optional<Article> unchanged;  ///< stored already with the same content hash
    Xapian::docid unchanged_docid = 0;
    std::string file;                  ///< the file the article was read from
    std::optional<Fullness> web;       ///< set for an article known by its URL (web_copy)
    std::optional<InputError> error;
    /// False for the copies of a reading error that a sharded run hands every shard (each
    /// keeps that file's articles from --prune) but only one reports and counts.
    bool report = true;
    std::optional<std::string> warning;
    std::optional<std::string> skipped;  ///< a record that is no article by design, by kind
    std::uint64_t input_bytes = 0;       ///< input consumed since the previous item
};

/// A bounded first-in first-out queue between one producer and one consumer. The bound keeps
/// memory flat whatever the corpus size: the producer waits while the consumer catches up.
class Pipe {
public:
    explicit Pipe(std::size_t capacity) : m_capacity(capacity) {}

    /// False if the consumer has given up (the item is dropped).
    bool push(Item&& item) {
        std::unique_lock lock(m_mutex);
        m_not_full.wait(lock, [&] { return m_items.size() < m_capacity || m_abandoned; });
        if (m_abandoned) return false;
        m_items.push_back(std::move(item));
        m_not_empty.notify_one();
        return true;
    }

    /// Nothing once the producer is done and everything was taken.
    std::optional<Item> pop() {
        std::unique_lock lock(m_mutex);
        m_not_empty.wait(lock, [&] { return !m_items.empty() || m_closed; });
        if (m_items.empty()) return std::nullopt;
        Item item = std::move(m_items.front());
        m_items.pop_front();
        m_not_full.notify_one();
        return item;
    }

    /// The producer is done; `failure`, if any, is why it stopped early.
    void close(std::exception_ptr failure = nullptr) {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_failure = failure;
        m_not_empty.notify_all();
    }

    /// The consumer takes nothing more: push() drops and returns false from now on.
    void abandon() {
        std::lock_guard lock(m_mutex);
        m_abandoned = true;
        m_items.clear();
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

}  // namespace newsfacet::detail
