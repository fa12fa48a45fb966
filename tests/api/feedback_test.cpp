// Pseudo-relevance feedback: the words the first articles share reorder the matches of a short
// query, and never change which articles match or how they are counted.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"

using newsfacet::testing::counts_of;
using newsfacet::testing::everything;
using newsfacet::testing::ids_of;
using newsfacet::testing::make_article;

namespace {

std::ptrdiff_t rank_of(const newsfacet::SearchResults& results, const std::string& id) {
    const auto ids = ids_of(results);
    return std::find(ids.begin(), ids.end(), id) - ids.begin();
}

class ApiFeedback : public ::testing::Test {
protected:
    newsfacet::testing::TempDir dir;

    // Three articles on frost in Brazil's coffee harvest. Two that say "coffee" once each:
    // "a-shares", shorter and first by id (ahead on the words alone), and "b-frost", about the
    // frost and the harvest. Another coffee article, and one on the frost that never says coffee.
    std::filesystem::path index() {
        auto path = dir / "index";
        auto index = newsfacet::Index::create_or_open(path);
        index.add(make_article("c1", "Frost hits coffee harvest in Brazil",
                               "Frost hit the coffee harvest in Brazil. Coffee growers in Brazil expect a smaller "
                               "harvest after the frost."));
        index.add(make_article("c2", "Coffee prices jump after Brazil frost",
                               "Coffee prices rose as frost damaged the harvest in Brazil. The coffee harvest will be "
                               "smaller, growers said."));
        index.add(make_article("c3", "Brazil frost threatens coffee harvest",
                               "Growers in Brazil fear the frost will cut the coffee harvest. Coffee stocks are low."));
        index.add(make_article("a-shares", "Market report", "Shares of a coffee chain were steady in quiet trading."));
        index.add(make_article("b-frost", "Market report",
                               "Growers in Brazil counted the frost damage to the harvest near their coffee farms on "
                               "Monday morning."));
        index.add(make_article("c4", "Coffee bar opens", "A coffee bar opened in the old station."));
        index.add(make_article("f-orange", "Frost in Brazil", "Frost damaged the orange harvest in Brazil."));
        index.commit();
        return path;
    }
};

}  // namespace

TEST_F(ApiFeedback, ReordersAShortQueryButMatchesAndCountsTheSame) {
    newsfacet::Searcher searcher(index());
    auto plain = everything("coffee");
    plain.expand = false;  // --verbatim: the words alone, no feedback
    const auto words_alone = searcher.search(plain);
    const auto with_feedback = searcher.search(everything("coffee"));

    // On its words alone the shorter article ranks first; the shared words of the first
    // articles (frost, harvest, growers) lift the one about the same subject above it.
    ASSERT_LT(rank_of(words_alone, "a-shares"), rank_of(words_alone, "b-frost"));
    EXPECT_LT(rank_of(with_feedback, "b-frost"), rank_of(with_feedback, "a-shares"));

    // The same six articles match, and are counted alike; the frost article without coffee is
    // not among them.
    EXPECT_EQ(with_feedback.total, 6u);
    EXPECT_EQ(with_feedback.total, words_alone.total);
    EXPECT_EQ(with_feedback.total_articles, words_alone.total_articles);
    EXPECT_EQ(with_feedback.hits.size(), 6u);
    EXPECT_EQ(rank_of(with_feedback, "f-orange"), static_cast<std::ptrdiff_t>(with_feedback.hits.size()));
    for (auto facet : {newsfacet::Facet::country, newsfacet::Facet::location, newsfacet::Facet::official}) {
        const auto a = counts_of(with_feedback, facet);
        const auto b = counts_of(words_alone, facet);
        ASSERT_EQ(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            EXPECT_EQ(a[i].value, b[i].value);
            EXPECT_EQ(a[i].count, b[i].count);
        }
    }
    EXPECT_FALSE(counts_of(with_feedback, newsfacet::Facet::country).empty());
}
