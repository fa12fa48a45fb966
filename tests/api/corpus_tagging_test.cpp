// Pins the tagging of every corpus/ article to the reviewed answers in
// tests/data/corpus-facets.jsonl. After an intended tagger change, regenerate them with
// scripts/pin-corpus-facets and review the diff: each changed line is a changed answer.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include <newsfacet/json.hpp>
#include <newsfacet/reader.hpp>
#include <newsfacet/tagger.hpp>

namespace {

std::map<std::string, nlohmann::json> expected_tagging() {
    std::map<std::string, nlohmann::json> out;
    std::ifstream in(std::string(NEWSFACET_SOURCE_DIR) + "/tests/data/corpus-facets.jsonl");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        auto j = nlohmann::json::parse(line);
        out[j.at("id").get<std::string>()] = j;
    }
    return out;
}

}  // namespace

TEST(CorpusTagging, EveryArticleIsTaggedAsReviewed) {
    const auto expected = expected_tagging();
    ASSERT_EQ(expected.size(), 45u) << "tests/data/corpus-facets.jsonl is incomplete";
    newsfacet::Tagger tagger;
    std::size_t seen = 0;
    newsfacet::ReadHandler handler;
    handler.on_article = [&](newsfacet::Article&& article) {
        ++seen;
        auto got = nlohmann::json::parse(newsfacet::to_json(article.id, tagger.tag(article)));
        auto it = expected.find(article.id);
        ASSERT_NE(it, expected.end()) << "no reviewed tagging for " << article.id;
        EXPECT_EQ(got.at("facets"), it->second.at("facets")) << article.id;
        EXPECT_EQ(got.at("officials"), it->second.at("officials")) << article.id;
        EXPECT_EQ(got.at("organizations"), it->second.at("organizations")) << article.id;
    };
    handler.on_error = [](const newsfacet::InputError& e) { ADD_FAILURE() << e.what(); };
    newsfacet::read_articles(NEWSFACET_CORPUS_DIR, handler);
    EXPECT_EQ(seen, expected.size());
}
