// The JSON forms: to_json(SearchResults), to_json(id, Tagging), to_json(IndexInfo).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"

using nlohmann::json;
using newsfacet::testing::everything;

namespace {

std::set<std::string> keys_of(const json& j) {
    std::set<std::string> out;
    for (const auto& [key, value] : j.items()) out.insert(key);
    return out;
}

const std::set<std::string> facet_keys = {"country", "official", "location", "organization"};

void expect_string_array(const json& j, const std::string& what) {
    ASSERT_TRUE(j.is_array()) << what;
    for (const auto& v : j) EXPECT_TRUE(v.is_string()) << what;
}

// A search's facet counts hold the source too; an index summary's, the entity facets alone.
void expect_facet_counts(const json& facets, const std::set<std::string>& keys = facet_keys) {
    ASSERT_TRUE(facets.is_object());
    EXPECT_EQ(keys_of(facets), keys);
    for (const auto& [name, list] : facets.items()) {
        ASSERT_TRUE(list.is_array()) << name;
        for (const auto& entry : list) {
            EXPECT_EQ(keys_of(entry), (std::set<std::string>{"value", "count"})) << name;
            EXPECT_TRUE(entry["value"].is_string()) << name;
            EXPECT_TRUE(entry["count"].is_number_integer()) << name;
            EXPECT_GE(entry["count"].get<std::int64_t>(), 1) << name;
        }
    }
}

using ApiJsonSchema = newsfacet::testing::CorpusTest;

}  // namespace

TEST_F(ApiJsonSchema, SearchResultsTopLevel) {
    auto results = search_all("all strikes affecting embassies");
    auto j = json::parse(newsfacet::to_json(results));
    ASSERT_TRUE(j.is_object());
    EXPECT_EQ(keys_of(j), (std::set<std::string>{"query", "like", "total", "total_articles", "results", "facets",
                                                 "date_histogram", "facets_without_own_filter",
                                                 "suggestions", "corrected_query", "notes"}));
    EXPECT_TRUE(j["query"].is_string());
    EXPECT_EQ(j["query"], "all strikes affecting embassies");
    EXPECT_EQ(j["like"], "");
    EXPECT_EQ(j["corrected_query"], "");
    EXPECT_TRUE(j["total"].is_number_integer());
    EXPECT_EQ(j["total"].get<std::uint64_t>(), results.total);
    EXPECT_TRUE(j["total_articles"].is_number_integer());
    EXPECT_EQ(j["total_articles"].get<std::uint64_t>(), results.total_articles);
    EXPECT_GE(results.total_articles, results.total);
    ASSERT_TRUE(j["results"].is_array());
    EXPECT_EQ(j["results"].size(), results.hits.size());
    auto search_facet_keys = facet_keys;
    search_facet_keys.insert("source");
    expect_facet_counts(j["facets"], search_facet_keys);
    ASSERT_FALSE(j["facets"]["source"].empty());
    ASSERT_TRUE(j["date_histogram"].is_array());
    for (const auto& m : j["date_histogram"]) {
        ASSERT_TRUE(m.is_object());
        EXPECT_TRUE(m["month"].is_string());
        EXPECT_EQ(m["month"].get<std::string>().size(), 7u);
        EXPECT_TRUE(m["count"].is_number_integer());
    }
}

TEST_F(ApiJsonSchema, SearchResultEntries) {
    auto results = search_all("embassy");
    auto j = json::parse(newsfacet::to_json(results));
    ASSERT_FALSE(j["results"].empty());
    const std::set<std::string> result_keys = {"rank",    "id",     "title",     "date",          "source", "url",
                                               "language", "score",   "snippet", "facets",   "officials",     "organizations",
                                               "copies"};
    bool some_official = false;
    for (std::size_t i = 0; i < j["results"].size(); ++i) {
        const auto& r = j["results"][i];
        const auto& hit = results.hits[i];
        EXPECT_EQ(keys_of(r), result_keys);
        EXPECT_TRUE(r["rank"].is_number_integer());
        EXPECT_EQ(r["rank"].get<std::size_t>(), i + 1);
        for (const char* key : {"id", "title", "date", "source", "url", "language", "snippet"}) {
            EXPECT_TRUE(r[key].is_string()) << key;
        }
        EXPECT_TRUE(r["score"].is_number());
        EXPECT_GT(r["score"].get<double>(), 0.0);
        EXPECT_TRUE(r["copies"].is_number_integer());
        EXPECT_EQ(r["copies"].get<std::size_t>(), hit.copies);
        EXPECT_GE(hit.copies, 1u);
        EXPECT_EQ(r["id"], hit.id);
        EXPECT_EQ(r["title"], hit.title);
        EXPECT_EQ(r["snippet"], hit.snippet.to_html());
        ASSERT_TRUE(r["facets"].is_object());
        EXPECT_EQ(keys_of(r["facets"]), facet_keys);
        for (const auto& name : facet_keys) expect_string_array(r["facets"][name], name);
        EXPECT_EQ(r["facets"]["country"].get<std::vector<std::string>>(), hit.facets.country);
        ASSERT_TRUE(r["officials"].is_array());
        EXPECT_EQ(r["officials"].size(), hit.officials.size());
        for (const auto& o : r["officials"]) {
            some_official = true;
            EXPECT_EQ(keys_of(o), (std::set<std::string>{"name", "role", "country"}));
            EXPECT_TRUE(o["name"].is_string());
            EXPECT_TRUE(o["role"].is_string());
            EXPECT_TRUE(o["country"].is_string());
        }
        ASSERT_TRUE(r["organizations"].is_array());
        EXPECT_EQ(r["organizations"].size(), hit.organizations.size());
        for (const auto& o : r["organizations"]) EXPECT_EQ(keys_of(o), (std::set<std::string>{"name", "kind"}));
    }
    EXPECT_TRUE(some_official);
}

TEST_F(ApiJsonSchema, EmptyQueryScoresAreNumbersToo) {
    auto j = json::parse(newsfacet::to_json(search_all()));
    ASSERT_FALSE(j["results"].empty());
    for (const auto& r : j["results"]) {
        EXPECT_TRUE(r["score"].is_number());
        EXPECT_EQ(r["score"].get<double>(), 0.0);
    }
}

TEST_F(ApiJsonSchema, FacetCountsMatchStruct) {
    auto results = search_all("embassy");
    auto j = json::parse(newsfacet::to_json(results));
    auto expect_same = [](const json& list, const std::vector<newsfacet::FacetCount>& counts) {
        ASSERT_EQ(list.size(), counts.size());
        for (std::size_t k = 0; k < counts.size(); ++k) {
            EXPECT_EQ(list[k]["value"], counts[k].value);
            EXPECT_EQ(list[k]["count"].get<std::uint64_t>(), counts[k].count);
        }
    };
    for (const auto& [facet, counts] : results.facets) expect_same(j["facets"][std::string(newsfacet::facet_name(facet))], counts);
    expect_same(j["facets"]["source"], results.sources);
}

TEST_F(ApiJsonSchema, IndentChangesLayoutNotContent) {
    auto results = search_all("embassy");
    auto one_line = newsfacet::to_json(results);
    auto pretty = newsfacet::to_json(results, 2);
    EXPECT_EQ(one_line.find('\n'), std::string::npos);
    EXPECT_NE(pretty.find("\n  \""), std::string::npos);
    EXPECT_EQ(json::parse(one_line), json::parse(pretty));
}

TEST(ApiJson, SearchResultsWithInvalidUtf8DoNotThrow) {
    newsfacet::SearchResults results;
    results.query = "caf\xe9";
    std::string out;
    EXPECT_NO_THROW(out = newsfacet::to_json(results));
    auto j = json::parse(out);
    EXPECT_TRUE(j["query"].is_string());
    EXPECT_TRUE(j["facets"].is_object());
    EXPECT_TRUE(j["results"].is_array());
    EXPECT_EQ(j["total"], 0);
    EXPECT_EQ(j["total_articles"], 0);
}

TEST(ApiJson, HandBuiltResultsNeverReportFewerArticlesThanResults) {
    // A caller that fills in `total` alone still gets a consistent object.
    newsfacet::SearchResults results;
    results.total = 3;
    auto j = json::parse(newsfacet::to_json(results));
    EXPECT_EQ(j["total"], 3);
    EXPECT_EQ(j["total_articles"], 3);
}

TEST(ApiJson, SnippetHtmlIsEscapedInsideJson) {
    newsfacet::SearchResults results;
    newsfacet::SearchHit hit;
    hit.rank = 1;
    hit.id = "x";
    hit.snippet = {"a <b> & \"c\"", {{0, 1}}};
    hit.copies = 3;
    results.hits.push_back(hit);
    results.total = 1;
    results.total_articles = 3;
    auto j = json::parse(newsfacet::to_json(results));
    EXPECT_EQ(j["results"][0]["snippet"], "<mark>a</mark> &lt;b&gt; &amp; &quot;c&quot;");
    EXPECT_EQ(j["results"][0]["copies"], 3);
    EXPECT_EQ(j["total_articles"], 3);
}

TEST(ApiJson, TaggingSchema) {
    auto read = newsfacet::testing::read_all(newsfacet::testing::corpus_dir() / newsfacet::testing::seed_id);
    ASSERT_EQ(read.articles.size(), 1u);
    const auto& article = read.articles[0];
    auto tagging = newsfacet::Tagger().tag(article);
    auto j = json::parse(newsfacet::to_json(article.id, tagging));
    EXPECT_EQ(keys_of(j), (std::set<std::string>{"id", "facets", "officials", "organizations", "mentions"}));
    EXPECT_EQ(j["id"], article.id);
    EXPECT_EQ(keys_of(j["facets"]), facet_keys);
    for (const auto& name : facet_keys) expect_string_array(j["facets"][name], name);
    EXPECT_EQ(j["facets"]["official"].get<std::vector<std::string>>(), tagging.facets.official);
    ASSERT_TRUE(j["officials"].is_array());
    EXPECT_EQ(j["officials"].size(), tagging.officials.size());
    ASSERT_TRUE(j["mentions"].is_array());
    ASSERT_EQ(j["mentions"].size(), tagging.mentions.size());
    for (const auto& m : j["mentions"]) {
        EXPECT_EQ(keys_of(m), (std::set<std::string>{"facet", "value", "text", "start", "end", "demonym"}));
        EXPECT_TRUE(m["facet"].is_string());
        EXPECT_TRUE(facet_keys.count(m["facet"].get<std::string>())) << m["facet"];
        EXPECT_TRUE(m["value"].is_string());
        EXPECT_TRUE(m["text"].is_string());
        EXPECT_TRUE(m["start"].is_number_integer());
        EXPECT_TRUE(m["end"].is_number_integer());
        EXPECT_TRUE(m["demonym"].is_boolean());
        auto start = m["start"].get<std::size_t>();
        auto end = m["end"].get<std::size_t>();
        ASSERT_LE(end, article.body.size());
        EXPECT_EQ(article.body.substr(start, end - start), m["text"].get<std::string>());
    }
}

TEST(ApiJson, TaggingListsOrganizationsWithTheirKind) {
    newsfacet::Tagging tagging;
    tagging.facets.organization = {"Hamas", "United Nations"};
    tagging.organizations = {{"United Nations", "international body"}, {"Hamas", "armed group"}};
    tagging.mentions.push_back({newsfacet::Facet::organization, "United Nations", "U.N.", 4, 8, false});
    auto j = json::parse(newsfacet::to_json("a1", tagging));
    EXPECT_EQ(j["facets"]["organization"], json({"Hamas", "United Nations"}));
    EXPECT_EQ(j["organizations"], json::parse(R"([{"name": "United Nations", "kind": "international body"},
                                                  {"name": "Hamas", "kind": "armed group"}])"));
    ASSERT_EQ(j["mentions"].size(), 1u);
    EXPECT_EQ(j["mentions"][0]["facet"], "organization");
    EXPECT_EQ(j["mentions"][0]["text"], "U.N.");
    EXPECT_EQ(j["mentions"][0]["start"], 4);
    EXPECT_EQ(j["mentions"][0]["end"], 8);

    auto none = json::parse(newsfacet::to_json("a2", newsfacet::Tagging{}));
    EXPECT_EQ(none["organizations"], json::array());
    EXPECT_EQ(none["facets"]["organization"], json::array());
}

TEST(ApiJson, IndexInfoSchema) {
    newsfacet::testing::TempDir dir;
    auto path = newsfacet::testing::index_corpus(dir);
    newsfacet::Searcher searcher(path);
    auto j = json::parse(newsfacet::to_json(searcher.info()));
    EXPECT_EQ(keys_of(j), (std::set<std::string>{"path", "articles", "size_bytes", "format_version", "facets"}));
    EXPECT_TRUE(j["path"].is_string());
    EXPECT_EQ(j["articles"], newsfacet::testing::corpus_articles);
    EXPECT_TRUE(j["size_bytes"].is_number_integer());
    EXPECT_GT(j["size_bytes"].get<std::uint64_t>(), 0u);
    EXPECT_EQ(j["format_version"], newsfacet::index_format_version);
    expect_facet_counts(j["facets"]);
}

TEST_F(ApiJsonSchema, LikeAndCorrectedQueryAreStrings) {
    auto request = everything("embasy");
    request.like = newsfacet::testing::seed_id;
    auto results = search(request);
    auto j = json::parse(newsfacet::to_json(results));
    EXPECT_EQ(j["like"], newsfacet::testing::seed_id);
    EXPECT_EQ(j["corrected_query"], results.corrected_query);
    EXPECT_EQ(j["corrected_query"], "embassy");
}
