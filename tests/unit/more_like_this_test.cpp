// More like this: which terms of an article make up its query.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include <xapian.h>

#include <newsfacet/article.hpp>
#include <newsfacet/error.hpp>
#include <newsfacet/index.hpp>

#include "text/analysis.hpp"
#include "search/more_like_this.hpp"
#include "store/schema.hpp"
#include "temp_dir.hpp"

using newsfacet::detail::more_like_this;

namespace {

newsfacet::Article article(std::string id, std::string title, std::string body) {
    newsfacet::Article a;
    a.id = std::move(id);
    a.title = std::move(title);
    a.body = std::move(body);
    return a;
}

struct MoreLikeThis : ::testing::Test {
    newsfacet::testing::TempDir dir;
    newsfacet::detail::Analysis analysis;

    Xapian::Database index() {
        {
            auto index = newsfacet::Index::create_or_open(dir / "db");
            index.add(article(
                "missile-embassy", "Missile strike damages embassy in 2024",
                "A missile strike damaged the embassy compound. The embassy said its staff were "
                "safe. Xylophonist Quentin Marchetti watched from a balcony on Rue 17."));
            index.add(article(
                "drone-consulate", "Drone strike hits consulate",
                "A drone strike hit the consulate, and the embassy nearby closed its doors."));
            index.add(article("embassy-reopens", "Embassy reopens",
                              "The embassy reopened after the missile attack."));
            index.add(
                article("dock-walkout", "Dock workers walk out", "Dock workers strike over pay."));
            index.commit();
        }
        return Xapian::Database((dir / "db").string());
    }
};

}  // namespace

TEST_F(MoreLikeThis, UnknownIdThrowsNamingIt) {
    auto db = index();
    try {
        (void)more_like_this(newsfacet::detail::TermStats(db), "no-such-article", analysis);
        FAIL() << "no exception";
    } catch (const newsfacet::ArticleNotFoundError& e) {
        EXPECT_EQ(e.id(), "no-such-article");
        EXPECT_NE(std::string(e.what()).find("no-such-article"), std::string::npos) << e.what();
    }
}

TEST_F(MoreLikeThis, TermsAreSharedWordStemsBestFirst) {
    auto db = index();
    auto like = more_like_this(newsfacet::detail::TermStats(db), "missile-embassy", analysis);
    EXPECT_EQ(like.id_term, newsfacet::detail::id_term("missile-embassy"));
    ASSERT_FALSE(like.terms.empty());
    EXPECT_LE(like.terms.size(), newsfacet::detail::like_terms);
    EXPECT_DOUBLE_EQ(like.terms.front().second, 1.0);
    double previous = 1.0;
    std::set<std::string> chosen;
    for (const auto& [term, relative] : like.terms) {
        chosen.insert(term);
        // Stems of words only: no ids, facets, title copies or unstemmed words.
        ASSERT_GE(term.size(), 2u) << term;
        EXPECT_EQ(term[0], 'Z') << term;
        EXPECT_FALSE(term[1] >= 'A' && term[1] <= 'Z') << term;
        EXPECT_EQ(term.find_first_of("0123456789"), std::string::npos) << term;
        EXPECT_FALSE(analysis.stopper(term.substr(1))) << term;
        // Found in another article too: a word only this one has cannot find others.
        EXPECT_GE(db.get_termfreq(term), 2u) << term;
        EXPECT_GT(relative, 0.0) << term;
        EXPECT_LE(relative, previous) << term;
        previous = relative;
    }
    EXPECT_TRUE(chosen.count("Z" + analysis.stemmer("embassy")));
    EXPECT_TRUE(chosen.count("Z" + analysis.stemmer("missile")));
    EXPECT_FALSE(chosen.count("Z" + analysis.stemmer("xylophonist")));
}

TEST_F(MoreLikeThis, QueryFindsOtherArticlesAndNeedsTheIdTermToExcludeItself) {
    auto db = index();
    auto like = more_like_this(newsfacet::detail::TermStats(db), "missile-embassy", analysis);
    Xapian::Enquire enquire(db);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_AND_NOT, like.query, Xapian::Query(like.id_term)));
    auto mset = enquire.get_mset(0, 10);
    ASSERT_GE(mset.size(), 2u);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        EXPECT_EQ(
            db.get_document(*it).get_value(newsfacet::detail::slot_id).find("missile-embassy"),
            std::string::npos);
    }
}

TEST_F(MoreLikeThis, AnArticleWithNoSharedWordGivesAnEmptyQuery) {
    {
        auto index = newsfacet::Index::create_or_open(dir / "db");
        index.add(article("alone", "Quixotic zephyrs", "Quixotic zephyrs waltz."));
        index.add(article("other", "Bright lanterns", "Bright lanterns glow."));
        index.commit();
    }
    Xapian::Database db((dir / "db").string());
    auto like = more_like_this(newsfacet::detail::TermStats(db), "alone", analysis);
    EXPECT_TRUE(like.terms.empty());
    EXPECT_TRUE(like.query.empty());
}
