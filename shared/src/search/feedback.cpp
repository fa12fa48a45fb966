#include "search/feedback.hpp"

#include <set>
#include <string>
#include <unordered_map>

#include "search/spelling.hpp"
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
// Their weight beside the query's own words: 0.3 at 5 articles; 0.5 lost ground.
constexpr double feedback_weight = 0.3;
// Feedback only for short queries (words other than stop words). Given to every query it raised
// the judged sets more (geometric mean of MAP ratios 1.063 against 1.047, on 148028a) but cost
// a first ranking pass, the term lists of the first articles and a wider second pass: on the
// 1,000 Reuters headline queries p50 1.8 -> 3.0 ms, against the limit of 20%. Short
// queries keep nearly all of the gain on the news sets (their topic queries are short; the long
// queries of the classic sets lose theirs), and few headlines are that short: up to 4 words
// cost 7% at p50 and 10% at p95, up to 5 words 24% at p95.
constexpr std::size_t feedback_max_words = 4;

// In how many of `docs` each stem term occurs.
std::unordered_map<std::string, int> articles_per_stem(const Xapian::Database& db, const std::vector<Xapian::docid>& docs) {
    std::unordered_map<std::string, int> out;
    for (auto id : docs) {
        for (auto t = db.termlist_begin(id); t != db.termlist_end(id); ++t) {
            if (is_stem_term(*t)) ++out[*t];
        }
    }
    return out;
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

std::vector<WeightedTerm> feedback_terms(const Xapian::Query& query, const Xapian::Database& db,
                                         const Analysis& analysis) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(ranking_weight());
    // When every match would be a feedback article, there is nothing else to rank: feedback
    // would only reorder them by their own majority ("zebra harbour": ApiCommonWords).
    const auto top = enquire.get_mset(0, feedback_articles, feedback_articles + 1);
    if (top.get_matches_lower_bound() <= feedback_articles) return {};
    std::vector<Xapian::docid> agreeing;
    for (auto it = top.begin(); it != top.end(); ++it) {
        if (it.get_weight() >= feedback_min_share * top.begin().get_weight()) agreeing.push_back(*it);
    }
    if (agreeing.size() < static_cast<std::size_t>(feedback_min_articles)) return {};
    Xapian::RSet rset;
    for (auto id : agreeing) rset.add_document(id);
    const auto shared_by = articles_per_stem(db, agreeing);
    const std::set<std::string> own(query.get_unique_terms_begin(), query.get_unique_terms_end());
    auto shared = [&](const std::string& term) {
        const auto found = shared_by.find(term);
        return found != shared_by.end() && found->second >= feedback_min_articles && !own.contains(term);
    };
    return telling_terms(db, rset, feedback_terms_wanted, analysis, shared);
}

Xapian::Query with_feedback(const Xapian::Query& query, const Xapian::Query& unfiltered, const Xapian::Database& db,
                            const Analysis& analysis) {
    const auto terms = feedback_terms(unfiltered, db, analysis);
    if (terms.empty()) return query;
    std::vector<Xapian::Query> scaled;
    for (const auto& [term, relative] : terms) scaled.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), relative);
    const Xapian::Query feedback(Xapian::Query::OP_OR, scaled.begin(), scaled.end());
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, feedback, feedback_weight));
}

}  // namespace newsfacet::detail
