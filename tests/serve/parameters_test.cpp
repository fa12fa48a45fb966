// Query parameters -> SearchRequest: each of newsfacet-search's options, and a 400 naming the
// parameter for anything else.
#include <gtest/gtest.h>

#include <string>

#include <newsfacet/serve/parameters.hpp>

using newsfacet::Facet;
using newsfacet::SortOrder;
using newsfacet::serve::HttpError;
using newsfacet::serve::Limits;
using newsfacet::serve::Parameters;
using newsfacet::serve::search_request_from;

namespace {

// The parameter a refusal names, or "(accepted)".
std::string refused(const Parameters& parameters, const Limits& limits = {}) {
    try {
        (void)search_request_from(parameters, limits);
        return "(accepted)";
    } catch (const HttpError& e) {
        EXPECT_EQ(e.status(), 400) << e.what();
        return e.parameter();
    }
}

}  // namespace

TEST(ServeParameters, NoParametersIsTheCommandLinesDefaults) {
    const auto r = search_request_from({}, Limits{});
    const newsfacet::SearchRequest cli;
    EXPECT_EQ(r.query, "");
    EXPECT_EQ(r.limit, cli.limit);
    EXPECT_EQ(r.offset, 0u);
    EXPECT_EQ(r.sort, SortOrder::relevance);
    EXPECT_TRUE(r.count_facets);
    EXPECT_TRUE(r.collapse);
    EXPECT_TRUE(r.expand);
    EXPECT_TRUE(r.stem);
    EXPECT_EQ(r.max_facet_values, cli.max_facet_values);
}

TEST(ServeParameters, EveryOptionOfTheCommandLine) {
    const auto r = search_request_from({{"q", "embassy strike"},
                                        {"country", "Ukraine"},
                                        {"country", "Poland"},
                                        {"official", "Ilham Aliyev"},
                                        {"location", "Kyiv"},
                                        {"organisation", "United Nations"},
                                        {"organization", "Hamas"},
                                        {"source", "Reuters"},
                                        {"since", "2024-01"},
                                        {"until", "2025"},
                                        {"sort", "oldest"},
                                        {"offset", "20"},
                                        {"limit", "5"},
                                        {"like", "a.txt"},
                                        {"collapse", "false"},
                                        {"expand", "false"},
                                        {"facets", "0"}},
                                       Limits{});
    EXPECT_EQ(r.query, "embassy strike");
    EXPECT_EQ(r.filters.at(Facet::country), (std::vector<std::string>{"Ukraine", "Poland"}));
    EXPECT_EQ(r.filters.at(Facet::official), std::vector<std::string>{"Ilham Aliyev"});
    EXPECT_EQ(r.filters.at(Facet::location), std::vector<std::string>{"Kyiv"});
    EXPECT_EQ(r.filters.at(Facet::organization), (std::vector<std::string>{"United Nations", "Hamas"}));
    EXPECT_EQ(r.sources, std::vector<std::string>{"Reuters"});
    EXPECT_EQ(r.since, "2024-01");
    EXPECT_EQ(r.until, "2025");
    EXPECT_EQ(r.sort, SortOrder::oldest);
    EXPECT_EQ(r.offset, 20u);
    EXPECT_EQ(r.limit, 5u);
    EXPECT_EQ(r.like, "a.txt");
    EXPECT_FALSE(r.collapse);
    EXPECT_FALSE(r.expand);
    EXPECT_TRUE(r.stem);
    EXPECT_FALSE(r.count_facets);
}

TEST(ServeParameters, VerbatimTurnsOffExpansionAndStemming) {
    const auto r = search_request_from({{"verbatim", "true"}}, Limits{});
    EXPECT_FALSE(r.expand);
    EXPECT_FALSE(r.stem);
    EXPECT_TRUE(search_request_from({{"verbatim", "false"}}, Limits{}).stem);
}

TEST(ServeParameters, RefusalsNameTheParameter) {
    EXPECT_EQ(refused({{"qq", "x"}}), "qq");
    EXPECT_EQ(refused({{"Country", "x"}}), "Country");
    EXPECT_EQ(refused({{"q", "a"}, {"q", "b"}}), "q");
    EXPECT_EQ(refused({{"limit", "ten"}}), "limit");
    EXPECT_EQ(refused({{"limit", "-1"}}), "limit");
    EXPECT_EQ(refused({{"limit", "5x"}}), "limit");
    EXPECT_EQ(refused({{"limit", "101"}}), "limit");
    EXPECT_EQ(refused({{"offset", "99999999999999999999999"}}), "offset");
    EXPECT_EQ(refused({{"sort", "best"}}), "sort");
    EXPECT_EQ(refused({{"collapse", "no"}}), "collapse");
    EXPECT_EQ(refused({{"facets", "yes"}}), "facets");
    EXPECT_EQ(refused({{"q", std::string(1001, 'a')}}), "q");
    EXPECT_EQ(refused({{"country", std::string(1001, 'a')}}), "country");
    EXPECT_EQ(refused({{"limit", "100"}, {"offset", "100000"}, {"q", std::string(1000, 'a')}}), "(accepted)");
}

TEST(ServeParameters, LimitsAreTheServicesOwn) {
    Limits limits;
    limits.max_limit = 3;
    EXPECT_EQ(refused({{"limit", "4"}}, limits), "limit");
    EXPECT_EQ(refused({{"limit", "3"}}, limits), "(accepted)");
}

TEST(ServeParameters, ExtraNamesAreLeftToTheCaller) {
    EXPECT_EQ(refused({{"format", "csv"}}), "format");
    EXPECT_NO_THROW((void)search_request_from({{"format", "csv"}}, Limits{}, {"format"}));
}
