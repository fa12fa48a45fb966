#pragma once
// The term statistics query building weighs words by, looked up in the index once per search
// or learnt ahead of it in one exchange (a search over remote shards).

#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace newsfacet::detail {

/// How many articles hold a term, and how many articles there are, over one database; each
/// term looked up once. On a remote shard a lookup is a round trip, so a search over remote
/// shards first notes the terms it will ask about (start_noting / stop_noting) and learns
/// their frequencies in one exchange (learn); a term not learnt is still looked up, so the
/// answers never depend on what was learnt ahead. A search's own: not thread-safe. The
/// database must outlive it.
class TermStats {
public:
    explicit TermStats(const Xapian::Database& db) : m_db(db) {}

    [[nodiscard]] const Xapian::Database& database() const noexcept { return m_db; }

    /// Articles in the database. Cost: none for a local database or a remote one (Xapian
    /// keeps the count).
    [[nodiscard]] Xapian::doccount doccount() const { return m_db.get_doccount(); }

    /// Articles holding `term` (0: none). Throws what Xapian throws. Cost: a lookup the first
    /// time a term is asked about, unless learnt; while noting, none.
    [[nodiscard]] Xapian::doccount termfreq(const std::string& term) const;

    /// True if an article holds `term` (termfreq() != 0).
    [[nodiscard]] bool exists(const std::string& term) const { return termfreq(term) != 0; }

    /// From now on, a term neither learnt nor looked up is noted and answered as held by one
    /// article, without a lookup: running a search's query building so finds out what it will
    /// ask about (a few answers differ, so what it builds meanwhile is only a draft).
    void start_noting() noexcept { m_noting = true; }

    /// The terms noted since start_noting(), each once, in the order first asked; stops noting.
    [[nodiscard]] std::vector<std::string> stop_noting();

    /// Remembers that `frequency` articles hold `term`.
    void learn(const std::string& term, Xapian::doccount frequency) { m_known[term] = frequency; }

private:
    const Xapian::Database& m_db;
    mutable std::unordered_map<std::string, Xapian::doccount> m_known;
    mutable std::vector<std::string> m_noted;
    bool m_noting = false;
};

}  // namespace newsfacet::detail
