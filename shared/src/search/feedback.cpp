#include "search/feedback.hpp"

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>

#include "search/spelling.hpp"
#include "store/database.hpp"
#include "store/schema.hpp"
#include "text/ranking.hpp"

namespace newsfacet::detail {
namespace {

// The figures behind these constants: bench/results/ranking.md ("Pseudo-relevance feedback"),
// measured with bench/eval-relevance on all eight judged sets.
//
// How many of the best-ranked articles stand for the subject. 5 did better than 10 (10 dragged
// in the vocabulary of articles further from the subject: ADI fell 6% at weight 0.3) and than 3.
constexpr Xapian::doccount feedback_articles = 5;
// Only articles that score at least this share of the first one's weight: the first results
// must agree. Without it, "strikes on embassies" learnt the words of the labour strikes that
// ranked 3rd to 5th and lifted one above an embassy article (ApiThesaurusRanking).
// 0.6 keeps most of the gain (geometric mean 1.051 against 1.054 without; 0.7: 1.048); at 0.5
// the labour strikes still take part.
constexpr double feedback_min_share = 0.6;
// A word must be in at least this many of them: the subject's vocabulary, not one article's.
// 3 lost ADI again (too few terms left for its short abstracts).
constexpr int feedback_min_articles = 2;
// How many words the feedback adds (10, 20 and 30 ranked alike; 20 the best by a hair).
constexpr Xapian::termcount feedback_terms_wanted = 20;
// Feedback only for short queries (words other than stop words). Given to every query it raised
// the judged sets more (geometric mean of MAP ratios 1.063 against 1.047, on 148028a) but cost
// a first ranking pass, the term lists of the first articles and a wider second pass: on the
// 1,000 Reuters headline queries p50 1.8 -> 3.0 ms, against the limit of 20%. Short
// queries keep nearly all of the gain on the news sets (their topic queries are short; the long
// queries of the classic sets lose theirs), and few headlines are that short: up to 4 words
// cost 7% at p50 and 10% at p95, up to 5 words 24% at p95.
constexpr std::size_t feedback_max_words = 4;

// The window's articles by docid (a local search): Xapian runs a posting source on each
// database of a search with that database's own docids, so they are kept per database UUID.
class WindowArticles : public Xapian::PostingSource {
public:
    using ByDatabase = std::unordered_map<std::string, std::vector<Xapian::docid>>;

    explicit WindowArticles(std::shared_ptr<const ByDatabase> ids) : m_by_database(std::move(ids)) {}

    [[nodiscard]] PostingSource* clone() const override { return new WindowArticles(m_by_database); }

    void init(const Xapian::Database& db) override {
        const auto found = m_by_database->find(db.get_uuid());
        m_ids = found == m_by_database->end() ? nullptr : &found->second;
        m_at = 0;
        m_started = false;
    }

    [[nodiscard]] Xapian::doccount get_termfreq_min() const override { return size(); }
    [[nodiscard]] Xapian::doccount get_termfreq_est() const override { return size(); }
    [[nodiscard]] Xapian::doccount get_termfreq_max() const override { return size(); }

    void next(double) override {
        if (m_started) ++m_at;
        m_started = true;
    }

    void skip_to(Xapian::docid did, double) override {
        m_started = true;
        if (at_end()) return;
        m_at = static_cast<std::size_t>(std::lower_bound(m_ids->begin() + static_cast<std::ptrdiff_t>(m_at), m_ids->end(), did) -
                                        m_ids->begin());
    }

    [[nodiscard]] bool at_end() const override { return m_at >= size(); }
    [[nodiscard]] Xapian::docid get_docid() const override { return (*m_ids)[m_at]; }

private:
    [[nodiscard]] Xapian::doccount size() const { return m_ids ? static_cast<Xapian::doccount>(m_ids->size()) : 0; }

    std::shared_ptr<const ByDatabase> m_by_database;
    const std::vector<Xapian::docid>* m_ids = nullptr;
    std::size_t m_at = 0;
    bool m_started = false;
};

// The window's articles as a query that only filters: by docid on local databases, where
// each id term would be a lookup (2.2 ms for 300 on reuters-train against 0.5), by their id
// terms where a shard is remote (stock xapian-tcpsrv knows no posting source of ours) or the
// databases cannot be told apart by UUID. The same articles either way.
Xapian::Query window_articles(const std::vector<RankedMatch>& window, const Xapian::Database& db, bool remote) {
    std::vector<std::string> uuids;
    if (!remote) {
        const std::string joined = db.get_uuid();
        for (std::size_t start = 0; start <= joined.size();) {
            const auto colon = std::min(joined.find(':', start), joined.size());
            uuids.push_back(joined.substr(start, colon - start));
            start = colon + 1;
        }
    }
    const std::set<std::string> distinct(uuids.begin(), uuids.end());
    const bool by_docid = !remote && uuids.size() == db.size() && distinct.size() == uuids.size() && !distinct.contains("");
    if (!by_docid) {
        std::vector<Xapian::Query> ids;
        for (const auto& match : window) ids.emplace_back(id_term(match.position.get_sort_key()));
        return Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end());
    }
    const auto n = uuids.size();
    auto by_database = std::make_shared<WindowArticles::ByDatabase>();
    for (const auto& match : window) {
        const auto at = part_docid(*match.position, n);
        (*by_database)[uuids[at.part]].push_back(at.docid);
    }
    for (auto& [uuid, ids] : *by_database) std::sort(ids.begin(), ids.end());
    return Xapian::Query((new WindowArticles(by_database))->release());
}

}  // namespace

bool wants_feedback(const SearchRequest& request, const Analysis& analysis) {
    if (!request.expand || !request.like.empty()) return false;
    std::size_t words = 0;
    for (const auto& word : query_words(request.query)) {
        if (!analysis.stopper(word.term) && ++words > feedback_max_words) return false;
    }
    return words > 0;
}

std::vector<RankedMatch> feedback_candidates(const Xapian::Query& query, const Xapian::Database& db) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(ranking_weight());
    enquire.set_sort_by_relevance_then_value(slot_id, false);
    return ranked_page(enquire, 0, feedback_articles + 1, true, false);
}

std::vector<WeightedTerm> feedback_terms(const std::vector<RankedMatch>& top, const Xapian::Query& query,
                                         const Xapian::Database& db, const std::vector<Xapian::Database>& parts,
                                         const Analysis& analysis) {
    // When every match would be a feedback article, there is nothing else to rank: feedback
    // would only reorder them by their own majority ("zebra harbour": ApiCommonWords).
    if (top.size() <= feedback_articles) return {};
    std::vector<Xapian::docid> agreeing;
    for (std::size_t i = 0; i < feedback_articles; ++i) {
        if (top[i].weight >= feedback_min_share * top.front().weight) agreeing.push_back(*top[i].position);
    }
    if (agreeing.size() < static_cast<std::size_t>(feedback_min_articles)) return {};
    const auto uses = stem_uses(db, parts, agreeing, analysis);
    const std::set<std::string> own(query.get_unique_terms_begin(), query.get_unique_terms_end());
    auto shared = [&](const std::string& term) {
        const auto found = uses.find(term);
        return found != uses.end() && found->second.articles >= feedback_min_articles && !own.contains(term);
    };
    return telling_terms(db, parts, uses, feedback_terms_wanted, analysis, shared);
}

std::vector<double> feedback_weights(const std::vector<WeightedTerm>& terms, const std::vector<RankedMatch>& window,
                                     const Xapian::Database& db, bool remote) {
    std::vector<double> out(window.size(), 0.0);
    if (terms.empty() || window.empty()) return out;
    std::vector<Xapian::Query> scaled;
    for (const auto& [term, relative] : terms) scaled.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), relative);
    const Xapian::Query feedback(Xapian::Query::OP_OR, scaled.begin(), scaled.end());
    // The feedback terms alone weigh (OP_FILTER), with the same statistics as in the whole
    // ranking, so each article gets what an AND_MAYBE branch would give it.
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(ranking_weight());
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                    Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, feedback, feedback_weight),
                                    window_articles(window, db, remote)));
    // Every match: an id term could match an article in more than one shard.
    const auto mset = enquire.get_mset(0, db.get_doccount());
    std::unordered_map<Xapian::docid, double> weight_of;
    for (auto it = mset.begin(); it != mset.end(); ++it) weight_of.emplace(*it, it.get_weight());
    for (std::size_t i = 0; i < window.size(); ++i) {
        const auto found = weight_of.find(*window[i].position);
        if (found != weight_of.end()) out[i] = found->second;
    }
    return out;
}

Rescoring feedback_rescoring(const BuiltQuery& built, const Xapian::Database& db,
                             const std::vector<Xapian::Database>& parts, const Analysis& analysis, bool remote) {
    // The queries by value (Xapian queries are shared handles): only `db`, `parts` and
    // `analysis` must outlive the rescoring.
    auto extra_weights = [unfiltered = built.unfiltered, filtered = built.filtered, &db, &parts, &analysis,
                          remote](const std::vector<RankedMatch>& window) {
        // Without filters the window starts with the very matches to learn from, unless a run
        // of equal weights cut it short (then from the query's own first matches, as with
        // filters, so that a filter matching every article changes nothing).
        const bool from_window = !filtered && window.size() > feedback_articles;
        const auto top = from_window ? std::vector<RankedMatch>(window.begin(),
                                                                window.begin() + feedback_articles + 1)
                                     : feedback_candidates(unfiltered, db);
        const auto terms = feedback_terms(top, unfiltered, db, parts, analysis);
        if (terms.empty()) return std::vector<double>();
        return feedback_weights(terms, window, db, remote);
    };
    return {feedback_window, extra_weights};
}

}  // namespace newsfacet::detail
