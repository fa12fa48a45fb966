// Pseudo-relevance feedback: which requests get it and which terms it adds.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include <xapian.h>

#include <newsfacet/article.hpp>
#include <newsfacet/index.hpp>
#include <newsfacet/searcher.hpp>

#include "search/feedback.hpp"
#include "text/analysis.hpp"
#include "text/terms.hpp"
#include "temp_dir.hpp"

using newsfacet::detail::feedback_terms;
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
    const auto terms = feedback_terms(Xapian::Query(stem("coffee")), db, analysis);
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
    EXPECT_TRUE(feedback_terms(Xapian::Query(stem("orange")), db, analysis).empty());
    EXPECT_TRUE(feedback_terms(Xapian::Query(stem("nowhere")), db, analysis).empty());
    // Four articles say "frost": all of them would be feedback articles, nothing left to rank.
    EXPECT_TRUE(feedback_terms(Xapian::Query(stem("frost")), db, analysis).empty());
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
