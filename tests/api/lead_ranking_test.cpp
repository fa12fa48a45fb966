// Ranking signals of an article's structure: words in the lead count for more than the same
// words deep in the body (news states what a story is about first).
#include <gtest/gtest.h>

#include <string>

#include <newsfacet/newsfacet.hpp>

#include "temp_dir.hpp"

namespace {

// Sixty filler words that none of the queries below use.
std::string filler() {
    std::string out;
    for (int i = 0; i < 6; ++i) out += "The committee met on Tuesday and heard reports from several regional offices. ";
    return out;
}

newsfacet::Article article(std::string id, std::string body) {
    newsfacet::Article a;
    a.id = std::move(id);
    a.title = "Weekly review";
    a.body = std::move(body);
    a.date = "2024-05-01";
    return a;
}

}  // namespace

TEST(ApiLeadRanking, LeadMentionOutranksTheSameMentionDeepInTheBody) {
    newsfacet::testing::TempDir dir;
    {
        auto index = newsfacet::Index::create_or_open(dir / "index");
        // Same words, same length: only where "tariff" stands differs.
        index.add(article("deep", filler() + "Officials also discussed the tariff."));
        index.add(article("lead", "Officials also discussed the tariff. " + filler()));
        index.commit();
    }
    newsfacet::Searcher searcher(dir / "index");
    newsfacet::SearchRequest request;
    request.query = "tariff";
    auto results = searcher.search(request);
    ASSERT_EQ(results.hits.size(), 2u);
    EXPECT_EQ(results.hits[0].id, "lead");
    EXPECT_GT(results.hits[0].score, results.hits[1].score);
}
