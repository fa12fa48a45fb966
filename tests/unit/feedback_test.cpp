// Pseudo-relevance feedback: which requests get it and which terms it adds.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include <xapian.h>

#include <newsfacet/article.hpp>
#include <newsfacet/index.hpp>
#include <newsfacet/searcher.hpp>

#include "search/feedback.hpp"
#include "search/ranked_page.hpp"
#include "store/schema.hpp"
#include "text/ranking.hpp"
#include "text/analysis.hpp"
#include "text/terms.hpp"
#include "temp_dir.hpp"

using newsfacet::detail::feedback_candidates;
using newsfacet::detail::feedback_terms;
using newsfacet::detail::feedback_weights;
using newsfacet::detail::wants_feedback;

namespace {

newsfacet::SearchRequest request(std::string query) {
    newsfacet::SearchRequest r;
    r.query = std::move(query);
    return r;
}

struct Feedback : ::testing::Test {
    newsfacet::testing::TempDir dir;
    newsfacet::detail::Analysis analysis;

    [[nodiscard]] std::string stem(const std::string& word) const {
        return newsfacet::detail::stem_term(analysis.stemmer(word));
    }

    // The feedback terms of the word's ranking.
    [[nodiscard]] std::vector<newsfacet::detail::WeightedTerm> terms_of(const std::string& word,
                                                                        const Xapian::Database& db) const {
        const Xapian::Query query(stem(word));
        return feedback_terms(feedback_candidates(query, db), query, db, {}, analysis);
    }

    // Three articles about frost in the coffee harvest (1987 in two of them, "traders" in one),
    // three other coffee articles, and one on frost without coffee.
    Xapian::Database index() {
        {
            struct Text {
                const char* id;
                const char* title;
                const char* body;
            };
            const Text texts[] = {
                {"c1", "Frost hits coffee harvest", "Frost hit the coffee harvest in 1987. Coffee growers expect a smaller harvest."},
                {"c2", "Coffee prices jump after frost", "Coffee prices rose as frost damaged the harvest in 1987. Traders bought coffee."},
                {"c3", "Frost threatens coffee harvest", "Growers fear frost will cut the coffee harvest."},
                {"c4", "Coffee chain shares steady", "Shares of the coffee chain were steady."},
                {"c5", "Coffee bar opens", "A coffee bar opened in the old station."},
                {"c6", "Coffee tasting", "Judges tasted coffee from six farms."},
                {"f1", "Frost in the south", "Frost damaged the orange harvest."},
            };
            auto index = newsfacet::Index::create_or_open(dir / "db");
            for (const auto& t : texts) {
                newsfacet::Article a;
                a.id = t.id;
                a.title = t.title;
                a.body = t.body;
                index.add(a);
            }
            index.commit();
        }
        return Xapian::Database((dir / "db").string());
    }
};

}  // namespace

TEST_F(Feedback, TermsAreStemsTheFirstArticlesShareBestFirst) {
    auto db = index();
    const auto terms = terms_of("coffee", db);
    ASSERT_FALSE(terms.empty());
    EXPECT_DOUBLE_EQ(terms.front().second, 1.0);
    std::set<std::string> chosen;
    double previous = 1.0;
    for (const auto& [term, relative] : terms) {
        chosen.insert(term);
        EXPECT_TRUE(newsfacet::detail::is_stem_term(term)) << term;
        EXPECT_FALSE(analysis.stopper(term.substr(1))) << term;
        EXPECT_GT(relative, 0.0) << term;
        EXPECT_LE(relative, previous) << term;
        previous = relative;
    }
    EXPECT_TRUE(chosen.count(stem("frost")));
    EXPECT_TRUE(chosen.count(stem("harvest")));
    // The query's own word ranks already; one article's word is not the subject's; numbers
    // are not words.
    EXPECT_FALSE(chosen.count(stem("coffee")));
    EXPECT_FALSE(chosen.count(stem("traders")));
    EXPECT_FALSE(chosen.count(stem("1987")));
    EXPECT_FALSE(chosen.count("1987"));
}

TEST_F(Feedback, NoTermsWhenNoMoreArticlesMatchThanItLearnsFrom) {
    auto db = index();
    EXPECT_TRUE(terms_of("orange", db).empty());
    EXPECT_TRUE(terms_of("nowhere", db).empty());
    // Four articles say "frost": all of them would be feedback articles, nothing left to rank.
    EXPECT_TRUE(terms_of("frost", db).empty());
}

TEST_F(Feedback, WeightsAreWhatARankingOnlyBranchOfTheTermsAdds) {
    auto db = index();
    const Xapian::Query query(stem("coffee"));
    const auto terms = terms_of("coffee", db);
    ASSERT_FALSE(terms.empty());
    // The whole ranking as a window, and the same terms as an AND_MAYBE branch of the query.
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(newsfacet::detail::ranking_weight());
    enquire.set_sort_by_relevance_then_value(newsfacet::detail::slot_id, false);
    const auto window = newsfacet::detail::ranked_page(enquire, 0, 100, true, false);
    ASSERT_EQ(window.size(), 6u);
    std::vector<Xapian::Query> scaled;
    for (const auto& [term, relative] : terms) scaled.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), relative);
    const Xapian::Query branch(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_OR, scaled.begin(), scaled.end()),
                               newsfacet::detail::feedback_weight);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, branch));
    const auto together = enquire.get_mset(0, 100);
    std::map<Xapian::docid, double> whole;
    for (auto it = together.begin(); it != together.end(); ++it) whole[*it] = it.get_weight();
    const auto extra = feedback_weights(terms, window, db, false);
    ASSERT_EQ(extra.size(), window.size());
    std::size_t raised = 0;
    for (std::size_t i = 0; i < window.size(); ++i) {
        EXPECT_NEAR(window[i].weight + extra[i], whole[*window[i].position], 1e-9) << i;
        raised += extra[i] > 0;
    }
    // The frost articles share the terms; the others get little or nothing.
    EXPECT_GE(raised, 3u);
    // By their id terms, as for a remote shard: the same weights.
    EXPECT_EQ(feedback_weights(terms, window, db, true), extra);
}

TEST_F(Feedback, TermsAndWeightsAreTheSameOverShards) {
    auto one = index();
    // The same articles over three databases: the second holds c4 to f1, the third none
    // (so none of the window's either).
    newsfacet::testing::TempDir shards;
    for (const char* name : {"s0", "s1", "s2"}) {
        Xapian::WritableDatabase w((shards / name).string(), Xapian::DB_CREATE_OR_OVERWRITE);
        for (Xapian::docid d = 1; d <= one.get_lastdocid(); ++d) {
            const bool second = d >= 4;
            const std::string shard = name;
            if (shard != "s2" && second == (shard == "s1")) w.add_document(one.get_document(d));
        }
        w.commit();
    }
    // Each also on its own, as a search over remote shards holds them.
    std::vector<Xapian::Database> parts;
    Xapian::Database both;
    for (const char* name : {"s0", "s1", "s2"}) {
        parts.emplace_back((shards / name).string());
        both.add_database(parts.back());
    }
    const Xapian::Query query(stem("coffee"));
    const auto terms = terms_of("coffee", one);
    ASSERT_FALSE(terms.empty());
    // The same terms, weights to the last bit, whether the term lists and word frequencies
    // are read through the whole or part by part.
    EXPECT_EQ(feedback_terms(feedback_candidates(query, both), query, both, {}, analysis), terms);
    EXPECT_EQ(feedback_terms(feedback_candidates(query, both), query, both, parts, analysis), terms);
    auto window_of = [&](const Xapian::Database& db) {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(newsfacet::detail::ranking_weight());
        enquire.set_sort_by_relevance_then_value(newsfacet::detail::slot_id, false);
        return newsfacet::detail::ranked_page(enquire, 0, 100, true, false);
    };
    const auto in_one = window_of(one);
    const auto in_both = window_of(both);
    ASSERT_EQ(in_one.size(), in_both.size());
    const auto extra_one = feedback_weights(terms, in_one, one, false);
    const auto extra_both = feedback_weights(terms, in_both, both, false);
    EXPECT_EQ(feedback_weights(terms, in_both, both, true), extra_both);
    for (std::size_t i = 0; i < in_one.size(); ++i) {
        EXPECT_EQ(in_one[i].position.get_sort_key(), in_both[i].position.get_sort_key()) << i;
        EXPECT_NEAR(extra_one[i], extra_both[i], 1e-9) << i;
    }
}

TEST_F(Feedback, OnlyShortQueriesWithExpansionAndNoLikeArticle) {
    EXPECT_TRUE(wants_feedback(request("coffee"), analysis));
    // Stop words, filters and operators do not count.
    EXPECT_TRUE(wants_feedback(request("the price of coffee in the north of brazil"), analysis));
    EXPECT_TRUE(wants_feedback(request("coffee AND frost country:Brazil"), analysis));
    EXPECT_FALSE(wants_feedback(request("brazil coffee harvest frost damage"), analysis));
    EXPECT_FALSE(wants_feedback(request(""), analysis));
    EXPECT_FALSE(wants_feedback(request("country:Brazil"), analysis));
    auto verbatim = request("coffee");
    verbatim.expand = false;
    EXPECT_FALSE(wants_feedback(verbatim, analysis));
    auto like = request("coffee");
    like.like = "c1";
    EXPECT_FALSE(wants_feedback(like, analysis));
}
