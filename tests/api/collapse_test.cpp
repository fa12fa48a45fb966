// Near-duplicate collapse: wire copies become one hit that counts them, near misses stay apart,
// paging walks the collapsed list, and facet counts keep counting every article.
#include <gtest/gtest.h>

#include <map>
#include <numeric>
#include <optional>
#include <set>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"
#include "wire_copies.hpp"

using newsfacet::SearchHit;
using newsfacet::SearchRequest;
using newsfacet::SearchResults;
using newsfacet::SortOrder;
using newsfacet::testing::everything;
using newsfacet::testing::ids_of;

namespace {

// The copies in the fixture, by group; every other article stands alone.
const std::vector<std::set<std::string>> copy_groups = {
    {"odesa-original", "odesa-new-headline", "odesa-one-word", "odesa-other-source"},
    {"consulate-rome", "consulate-headline", "consulate-dateline"},
};

std::optional<std::size_t> group_of(const std::string& id) {
    for (std::size_t g = 0; g < copy_groups.size(); ++g) {
        if (copy_groups[g].count(id)) return g;
    }
    return std::nullopt;
}

// A comparable form of facet counts: "facet:value=count" in their order.
std::vector<std::string> flat(const std::vector<std::pair<newsfacet::Facet, std::vector<newsfacet::FacetCount>>>& facets) {
    std::vector<std::string> out;
    for (const auto& [facet, counts] : facets) {
        for (const auto& c : counts) {
            out.push_back(std::string(newsfacet::facet_name(facet)) + ":" + c.value + "=" + std::to_string(c.count));
        }
    }
    return out;
}

std::vector<std::string> flat(const std::vector<newsfacet::FacetCount>& months) {
    std::vector<std::string> out;
    for (const auto& m : months) out.push_back(m.value + "=" + std::to_string(m.count));
    return out;
}

std::uint64_t sum_of_copies(const SearchResults& results) {
    return std::accumulate(results.hits.begin(), results.hits.end(), std::uint64_t{0},
                           [](std::uint64_t sum, const SearchHit& h) { return sum + h.copies; });
}

class ApiCollapse : public ::testing::Test {
protected:
    void SetUp() override {
        auto file = m_dir.write(newsfacet::testing::wire_copies_file, newsfacet::testing::wire_copies_jsonl());
        auto path = m_dir / "index";
        {
            auto index = newsfacet::Index::create_or_open(path);
            newsfacet::IngestHandler handler;
            handler.on_error = [](const newsfacet::InputError& e) { ADD_FAILURE() << e.what(); };
            auto stats = newsfacet::ingest(index, {file}, handler);
            ASSERT_EQ(stats.added, newsfacet::testing::wire_copies_articles);
        }
        m_searcher.emplace(path);
    }

    [[nodiscard]] SearchResults search(SearchRequest request, bool collapse = true) {
        request.collapse = collapse;
        return m_searcher->search(request);
    }

    // The collapsed list must be the full list with every copy but the first of its group
    // left out, and each kept copy must count the members of its group that matched.
    void expect_collapsed_form_of_full_list(const SearchRequest& request) {
        const auto full = search(request, false);
        const auto collapsed = search(request, true);
        std::vector<std::string> expected_ids;
        std::map<std::size_t, std::size_t> members;
        std::set<std::size_t> seen;
        for (const auto& h : full.hits) {
            EXPECT_EQ(h.copies, 1u) << h.id;
            auto g = group_of(h.id);
            if (g) ++members[*g];
            if (!g || seen.insert(*g).second) expected_ids.push_back(h.id);
        }
        EXPECT_EQ(ids_of(collapsed), expected_ids) << request.query;
        for (const auto& h : collapsed.hits) {
            auto g = group_of(h.id);
            EXPECT_EQ(h.copies, g ? members[*g] : 1u) << h.id;
        }
        EXPECT_EQ(collapsed.total, expected_ids.size());
        EXPECT_EQ(collapsed.total_articles, full.total);
        EXPECT_EQ(full.total_articles, full.total);
        EXPECT_EQ(sum_of_copies(collapsed), collapsed.total_articles);
    }

    newsfacet::testing::TempDir m_dir;
    std::optional<newsfacet::Searcher> m_searcher;
};

const SearchHit* find_hit(const SearchResults& results, const std::string& id) {
    for (const auto& h : results.hits) {
        if (h.id == id) return &h;
    }
    return nullptr;
}

}  // namespace

TEST_F(ApiCollapse, CopiesBecomeOneHitThatCountsThem) {
    auto results = search(everything("grain drone"));
    std::vector<std::string> odesa_hits;
    for (const auto& h : results.hits) {
        if (copy_groups[0].count(h.id)) odesa_hits.push_back(h.id);
    }
    ASSERT_EQ(odesa_hits.size(), 1u) << "the four copies are one result";
    EXPECT_EQ(find_hit(results, odesa_hits[0])->copies, 4u);
    // The same event told in other words is not a copy.
    ASSERT_NE(find_hit(results, "odesa-analysis"), nullptr);
    EXPECT_EQ(find_hit(results, "odesa-analysis")->copies, 1u);
    EXPECT_EQ(results.total, results.hits.size());
    EXPECT_EQ(results.total_articles, results.total + 3);
}

TEST_F(ApiCollapse, NearMissesStayApart) {
    auto results = search(everything());
    // Same template, other figures; a short brief naming another city; headlines without a body.
    for (const char* id : {"hamburg-monday", "hamburg-tuesday", "consulate-lviv", "headline-only-1", "headline-only-2",
                           "odesa-analysis"}) {
        const auto* hit = find_hit(results, id);
        ASSERT_NE(hit, nullptr) << id;
        EXPECT_EQ(hit->copies, 1u) << id;
    }
    EXPECT_EQ(results.total_articles, newsfacet::testing::wire_copies_articles);
    EXPECT_EQ(results.total, newsfacet::testing::wire_copies_articles - 3 - 2);
    EXPECT_EQ(results.hits.size(), results.total);
}

TEST_F(ApiCollapse, WithoutCollapsingEveryArticleIsAHit) {
    auto results = search(everything(), false);
    EXPECT_EQ(results.total, newsfacet::testing::wire_copies_articles);
    EXPECT_EQ(results.total_articles, results.total);
    ASSERT_EQ(results.hits.size(), results.total);
    for (const auto& h : results.hits) EXPECT_EQ(h.copies, 1u) << h.id;
}

TEST_F(ApiCollapse, CollapsedListIsTheFullListWithoutLaterCopies) {
    // Whatever the order, the hit kept is the group's first in that order, and copies counts
    // only the group's articles that match.
    for (auto sort : {SortOrder::relevance, SortOrder::newest, SortOrder::oldest}) {
        for (const char* query : {"", "grain", "Odesa", "consulate reopen", "port"}) {
            auto request = everything(query);
            request.sort = sort;
            expect_collapsed_form_of_full_list(request);
        }
    }
    auto one_source = everything();
    one_source.sources = {"Meridian Wire"};
    expect_collapsed_form_of_full_list(one_source);
    auto since = everything("grain");
    since.since = "2024-06-11";
    since.until = "2024-06-11";
    expect_collapsed_form_of_full_list(since);
}

TEST_F(ApiCollapse, NewestSortKeepsTheNewestCopy) {
    auto request = everything("grain");
    request.sort = SortOrder::newest;
    auto newest = search(request);
    ASSERT_NE(find_hit(newest, "odesa-other-source"), nullptr);
    EXPECT_EQ(find_hit(newest, "odesa-other-source")->copies, 4u);
    request.sort = SortOrder::oldest;
    auto oldest = search(request);
    ASSERT_NE(find_hit(oldest, "odesa-original"), nullptr);
    EXPECT_EQ(find_hit(oldest, "odesa-original")->copies, 4u);
}

TEST_F(ApiCollapse, PagesWalkTheCollapsedList) {
    for (const char* query : {"", "grain Odesa consulate port"}) {
        auto full = search(everything(query));
        ASSERT_LT(full.total, full.total_articles) << query;
        std::vector<std::string> paged;
        for (std::size_t offset = 0; offset < full.total + 2; offset += 3) {
            SearchRequest request;
            request.query = query;
            request.offset = offset;
            request.limit = 3;
            auto page = search(request);
            EXPECT_EQ(page.total, full.total);
            EXPECT_EQ(page.total_articles, full.total_articles);
            for (std::size_t i = 0; i < page.hits.size(); ++i) {
                EXPECT_EQ(page.hits[i].rank, offset + i + 1);
                EXPECT_EQ(page.hits[i].copies, full.hits[offset + i].copies) << page.hits[i].id;
                paged.push_back(page.hits[i].id);
            }
        }
        EXPECT_EQ(paged, ids_of(full)) << query;
    }
}

TEST_F(ApiCollapse, FacetCountsAndHistogramCountEveryArticle) {
    for (const char* query : {"", "grain", "consulate"}) {
        auto collapsed = search(everything(query));
        auto full = search(everything(query), false);
        ASSERT_FALSE(collapsed.facets.empty());
        EXPECT_EQ(flat(collapsed.facets), flat(full.facets)) << query;
        EXPECT_EQ(flat(collapsed.months), flat(full.months)) << query;
        std::uint64_t dated = 0;
        for (const auto& m : collapsed.months) dated += m.count;
        EXPECT_EQ(dated, collapsed.total_articles) << query;  // every fixture article is dated
    }
}

TEST_F(ApiCollapse, TotalsDoNotDependOnFacetCounting) {
    auto request = everything("Odesa");
    auto with = search(request);
    request.count_facets = false;
    auto without = search(request);
    EXPECT_EQ(without.total, with.total);
    EXPECT_EQ(without.total_articles, with.total_articles);
    EXPECT_EQ(ids_of(without), ids_of(with));
}
