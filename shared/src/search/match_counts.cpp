#include "search/match_counts.hpp"

#include <map>
#include <string>

#include "store/schema.hpp"
#include "text/dates.hpp"

namespace newsfacet::detail {

struct MatchCounts::Portable {
    // One built-in spy per slot counted; the counts are read out of them after the match.
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> facet_spies;  // as m_what.facets
    std::unique_ptr<Xapian::ValueCountMatchSpy> month_spy;
    std::unique_ptr<Xapian::ValueCountMatchSpy> key_spy;
    std::vector<std::map<std::string, std::uint64_t, std::less<>>> facet_counts;
    std::map<std::string, std::uint64_t, std::less<>> month_counts;
    std::uint64_t groups = 0;
    std::map<std::string, std::uint64_t, std::less<>> copies;  // matches per shared near-duplicate key
};

MatchCounts::MatchCounts(const Xapian::Database& db, SpyCounts what, bool portable,
                         std::span<const Xapian::Database> shards)
    : m_db(db), m_shards(shards), m_what(std::move(what)) {
    if (m_what.sources) m_source_spy = std::make_unique<Xapian::ValueCountMatchSpy>(slot_source);
    if (!portable) {
        m_spy.emplace(db, m_what);
        return;
    }
    m_portable = std::make_unique<Portable>();
    for (auto facet : m_what.facets) {
        m_portable->facet_spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(facet_slot(facet)));
    }
    if (m_what.months) m_portable->month_spy = std::make_unique<Xapian::ValueCountMatchSpy>(slot_month);
    if (m_what.groups) m_portable->key_spy = std::make_unique<Xapian::ValueCountMatchSpy>(slot_collapse);
}

MatchCounts::~MatchCounts() = default;

namespace {

// Runs `query` unweighted over `db` with `spies`; returns the number of matches. Asked to
// check every document, the matcher sees every match: the bound is exact.
Xapian::MSet run_spies(const Xapian::Database& db, const Xapian::Query& query,
                       const std::vector<Xapian::MatchSpy*>& spies) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    for (auto* spy : spies) enquire.add_matchspy(spy);
    return enquire.get_mset(0, 0, db.get_doccount());
}

}  // namespace

void MatchCounts::run(const Xapian::Query& query) {
    std::vector<Xapian::MatchSpy*> spies;
    if (m_source_spy) spies.push_back(m_source_spy.get());
    if (m_spy) {
        spies.push_back(&*m_spy);
        if (m_shards.size() > 1) {
            // Shard by shard; the source spy adds every shard's counts up.
            for (std::size_t k = 0; k < m_shards.size(); ++k) {
                m_spy->from_shard(static_cast<unsigned>(k), static_cast<unsigned>(m_shards.size()));
                m_matches += run_spies(m_shards[k], query, spies).get_matches_lower_bound();
            }
            return;
        }
        m_matches = run_spies(m_db, query, spies).get_matches_lower_bound();
        return;
    }
    m_matches = run_spies(m_db, query, portable_spies()).get_matches_lower_bound();
    read_portable_spies();
    if (!months_complete()) count_months_by_date(query);
}

std::vector<Xapian::MatchSpy*> MatchCounts::portable_spies() const {
    std::vector<Xapian::MatchSpy*> spies;
    if (m_source_spy) spies.push_back(m_source_spy.get());
    for (const auto& spy : m_portable->facet_spies) spies.push_back(spy.get());
    if (m_portable->month_spy) spies.push_back(m_portable->month_spy.get());
    if (m_portable->key_spy) spies.push_back(m_portable->key_spy.get());
    return spies;
}

void MatchCounts::read_portable_spies() {
    auto& p = *m_portable;
    p.facet_counts.resize(p.facet_spies.size());
    for (std::size_t i = 0; i < p.facet_spies.size(); ++i) {
        const auto& spy = *p.facet_spies[i];
        for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
            const auto n = it.get_termfreq();
            for_each_value(*it, [&](std::string_view value) {
                auto [at, added] = p.facet_counts[i].try_emplace(std::string(value), 0);
                at->second += n;
            });
        }
    }
    if (p.month_spy) {
        for (auto it = p.month_spy->values_begin(); it != p.month_spy->values_end(); ++it) {
            if (*it != month_undated) p.month_counts[*it] += it.get_termfreq();
        }
    }
    if (p.key_spy) {
        // The spy skips empty values: matches without a key are each their own group.
        std::uint64_t keyed = 0;
        std::uint64_t keys = 0;
        for (auto it = p.key_spy->values_begin(); it != p.key_spy->values_end(); ++it) {
            keyed += it.get_termfreq();
            ++keys;
            // Most keys are one article's: only shared ones are kept (copies() says 0 for others).
            if (it.get_termfreq() > 1) p.copies.emplace(*it, it.get_termfreq());
        }
        p.groups = collapsed_count(m_matches, keyed, keys);
    }
}

bool MatchCounts::months_complete() const {
    const auto& p = *m_portable;
    if (!p.month_spy) return true;
    std::uint64_t seen = 0;
    for (auto it = p.month_spy->values_begin(); it != p.month_spy->values_end(); ++it) seen += it.get_termfreq();
    return seen == m_matches;
}

void MatchCounts::count_months_by_date(const Xapian::Query& query) {
    // Articles written before slot_month existed: their dates are counted, one value per
    // article (a match more, and an entry per distinct date).
    Xapian::ValueCountMatchSpy dates(slot_date);
    (void)run_spies(m_db, query, {&dates});
    auto& months = m_portable->month_counts;
    months.clear();
    for (auto it = dates.values_begin(); it != dates.values_end(); ++it) {
        const std::string date = *it;
        if (auto month = month_of(date); !month.empty()) months[std::string(month)] += it.get_termfreq();
    }
}

std::uint64_t MatchCounts::copies(const std::string& key) const {
    const auto found = m_portable->copies.find(key);
    return found == m_portable->copies.end() ? 0 : found->second;
}

void MatchCounts::use(std::shared_ptr<const FacetColumns> columns) {
    if (m_spy) m_spy->use(std::move(columns));
}

std::uint64_t MatchCounts::matches() const { return m_matches; }

std::uint64_t MatchCounts::groups() const { return m_spy ? m_spy->groups() : m_portable->groups; }

std::vector<FacetCount> MatchCounts::months() const {
    if (m_spy) return m_spy->months();
    std::vector<FacetCount> out;
    for (const auto& [month, count] : m_portable->month_counts) out.push_back({month, count});
    return month_order(std::move(out));
}

std::vector<FacetCount> MatchCounts::source_counts(std::size_t limit) const {
    std::vector<FacetCount> out;
    if (!m_source_spy) return out;
    for (auto it = m_source_spy->values_begin(); it != m_source_spy->values_end(); ++it) {
        if (!(*it).empty()) out.push_back({*it, it.get_termfreq()});
    }
    return ranked_counts(std::move(out), limit);
}

std::vector<FacetCount> MatchCounts::counts(Facet facet, std::size_t limit) const {
    if (m_spy) return m_spy->counts(facet, limit);
    std::vector<FacetCount> out;
    for (std::size_t i = 0; i < m_what.facets.size(); ++i) {
        if (m_what.facets[i] != facet) continue;
        for (const auto& [value, count] : m_portable->facet_counts[i]) out.push_back({value, count});
    }
    return ranked_counts(std::move(out), limit);
}

}  // namespace newsfacet::detail
