// newsfacet-search collapses near-duplicate wire copies by default; --no-collapse lists them all.
#include <gtest/gtest.h>

#include "cli_support.hpp"
#include "wire_copies.hpp"

using namespace newsfacet::testing;
using nlohmann::json;

namespace {

const std::set<std::string> odesa_copies = {"odesa-original", "odesa-new-headline", "odesa-one-word",
                                            "odesa-other-source"};
const std::set<std::string> consulate_copies = {"consulate-rome", "consulate-headline", "consulate-dateline"};

class CliCollapse : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir.write(wire_copies_file, wire_copies_jsonl());
        auto r = run_index(m_dir, {"--db", db_of(m_dir), (m_dir / wire_copies_file).string()});
        ASSERT_EQ(r.status, 0) << r.err;
    }
    json search(std::vector<std::string> args) const { return search_json(m_dir, db_of(m_dir), std::move(args)); }
    CommandResult search_text(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--db", db_of(m_dir), "--color", "never"});
        return run_search(m_dir, args);
    }

    TempDir m_dir;
};

// The results of `j` that belong to `group`, as (id, copies).
std::vector<std::pair<std::string, std::int64_t>> members(const json& j, const std::set<std::string>& group) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    for (const auto& r : j["results"]) {
        auto id = r["id"].get<std::string>();
        if (group.count(id)) out.emplace_back(id, r["copies"].get<std::int64_t>());
    }
    return out;
}

std::int64_t sum_of_copies(const json& j) {
    std::int64_t sum = 0;
    for (const auto& r : j["results"]) sum += r["copies"].get<std::int64_t>();
    return sum;
}

}  // namespace

TEST_F(CliCollapse, CopiesAreOneResultWithTheirCount) {
    auto j = search({"--limit", "100", ""});
    auto odesa = members(j, odesa_copies);
    ASSERT_EQ(odesa.size(), 1u) << j.dump(1);
    EXPECT_EQ(odesa[0].second, 4);
    auto consulate = members(j, consulate_copies);
    ASSERT_EQ(consulate.size(), 1u);
    EXPECT_EQ(consulate[0].second, 3);
    // Near misses: other figures, another city, headlines without a body, the story retold.
    for (const char* id : {"hamburg-monday", "hamburg-tuesday", "consulate-lviv", "headline-only-1", "headline-only-2",
                           "odesa-analysis"}) {
        EXPECT_TRUE(has_value(json(result_ids(j)), id)) << id;
    }
    EXPECT_EQ(j["total_articles"], wire_copies_articles);
    EXPECT_EQ(j["total"], wire_copies_articles - 5);
    EXPECT_EQ(j["results"].size(), j["total"].get<std::size_t>());
    EXPECT_EQ(sum_of_copies(j), j["total_articles"].get<std::int64_t>());
}

TEST_F(CliCollapse, NoCollapseListsEveryCopy) {
    auto j = search({"--no-collapse", "--limit", "100", ""});
    EXPECT_EQ(j["total"], wire_copies_articles);
    EXPECT_EQ(j["total_articles"], wire_copies_articles);
    ASSERT_EQ(j["results"].size(), wire_copies_articles);
    for (const auto& r : j["results"]) EXPECT_EQ(r["copies"], 1) << r["id"];
    EXPECT_EQ(members(j, odesa_copies).size(), 4u);
    EXPECT_EQ(members(j, consulate_copies).size(), 3u);
}

TEST_F(CliCollapse, PagingWalksTheCollapsedList) {
    auto full = search({"--limit", "100", "grain Odesa consulate port"});
    auto total = full["total"].get<std::size_t>();
    ASSERT_LT(total, full["total_articles"].get<std::size_t>());
    std::vector<std::string> paged;
    for (std::size_t offset = 0; offset < total; offset += 2) {
        auto page = search({"--limit", "2", "--offset", std::to_string(offset), "grain Odesa consulate port"});
        EXPECT_EQ(page["total"], full["total"]);
        EXPECT_EQ(page["total_articles"], full["total_articles"]);
        std::size_t rank = offset;
        for (const auto& r : page["results"]) {
            EXPECT_EQ(r["rank"], ++rank);
            EXPECT_EQ(r["copies"], full["results"][rank - 1]["copies"]);
            paged.push_back(r["id"].get<std::string>());
        }
    }
    EXPECT_EQ(paged, result_ids(full));
}

TEST_F(CliCollapse, FacetCountsAreTheSameEitherWay) {
    for (const char* query : {"", "grain", "consulate"}) {
        auto collapsed = search({query});
        auto all = search({"--no-collapse", query});
        EXPECT_EQ(collapsed["facets"], all["facets"]) << query;
        EXPECT_EQ(collapsed["date_histogram"], all["date_histogram"]) << query;
        EXPECT_EQ(collapsed["total_articles"], all["total"]) << query;
    }
}

TEST_F(CliCollapse, TextOutputSaysHowManyCopiesAResultStandsFor) {
    auto r = search_text({"--limit", "100", ""});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(lines_containing(r.out, "(+3 copies)"), 1u) << r.out;
    EXPECT_EQ(lines_containing(r.out, "(+2 copies)"), 1u) << r.out;
    EXPECT_EQ(lines_containing(r.out, "(+"), 2u) << r.out;
    const auto header = lines_of(r.out).at(0);
    EXPECT_TRUE(contains(header, std::to_string(wire_copies_articles) + " articles")) << header;
    EXPECT_TRUE(contains(header, std::to_string(wire_copies_articles - 5) + " results after collapsing copies")) << header;
    EXPECT_TRUE(contains(r.out, "Facets over all " + std::to_string(wire_copies_articles) + " matches")) << r.out;

    auto all = search_text({"--no-collapse", "--limit", "100", ""});
    ASSERT_EQ(all.status, 0) << all.err;
    EXPECT_FALSE(contains(all.out, "(+")) << all.out;
    EXPECT_FALSE(contains(all.out, "collapsing")) << all.out;
    EXPECT_TRUE(contains(lines_of(all.out).at(0), std::to_string(wire_copies_articles) + " articles")) << all.out;
}

TEST_F(CliCollapse, CopiesCountOnlyMatchingArticlesAndOneIsSingular) {
    // Two of the three consulate copies come from Meridian Wire.
    auto r = search_text({"--source", "Meridian Wire", "consulate"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(lines_containing(r.out, "(+1 copy)"), 1u) << r.out;
    EXPECT_EQ(lines_containing(r.out, "(+"), 1u) << r.out;
    auto one = search_text({"--source", "Baltic Courier", "consulate"});
    EXPECT_FALSE(contains(one.out, "(+")) << one.out;
}
