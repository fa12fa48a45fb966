// newsfacet-search and the organization facet: --organization (and --organisation), the
// organization: filter, --facet-values organization, JSON and text output. The index is built
// through the library with organisations set in each tagging, so these tests hold whatever
// the tagger recognises; the binaries only read it.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include <newsfacet/newsfacet.hpp>

#include "cli_support.hpp"

using namespace newsfacet::testing;
using nlohmann::json;

namespace {

void add(newsfacet::Index& index, const std::string& id, const std::string& body,
         const std::vector<newsfacet::Organization>& organizations) {
    newsfacet::Article article;
    article.id = id;
    article.title = "Story " + id;
    article.body = body;
    article.date = "2024-06-01";
    newsfacet::Tagging tagging;
    for (const auto& o : organizations) tagging.facets.organization.push_back(o.name);
    std::sort(tagging.facets.organization.begin(), tagging.facets.organization.end());
    tagging.organizations = organizations;
    (void)index.add(article, tagging);
}

class CliOrganization : public ::testing::Test {
protected:
    void SetUp() override {
        auto index = newsfacet::Index::create_or_open(m_db);
        add(index, "un-aid", "The United Nations sent an aid convoy.", {{"United Nations", "international body"}});
        add(index, "hamas-truce", "Hamas rejected the truce the United Nations proposed.",
            {{"Hamas", "armed group"}, {"United Nations", "international body"}});
        add(index, "gas-cut", "Gazprom cut gas deliveries.", {{"Gazprom", "company"}});
        add(index, "harbour", "A quiet day at the harbour.", {});
        index.commit();
    }

    json search(std::vector<std::string> args) {
        args.push_back("--limit");
        args.push_back("100");
        return search_json(m_dir, m_db, std::move(args));
    }

    CommandResult search_raw(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", m_db});
        return run_search(m_dir, std::move(args));
    }

    TempDir m_dir;
    std::string m_db = db_of(m_dir);
};

using Ids = std::set<std::string>;

}  // namespace

TEST_F(CliOrganization, OrganizationOptionFilters) {
    EXPECT_EQ(result_id_set(search({"--organization", "United Nations"})), (Ids{"un-aid", "hamas-truce"}));
    EXPECT_EQ(result_id_set(search({"--organization", "united nations"})), (Ids{"un-aid", "hamas-truce"}));
    EXPECT_EQ(result_id_set(search({"--organisation", "Gazprom"})), (Ids{"gas-cut"}));
    // Repeated: all must hold, as for --country.
    EXPECT_EQ(result_id_set(search({"--organization", "United Nations", "--organization", "Hamas"})), (Ids{"hamas-truce"}));
    EXPECT_EQ(search({"--organization", "Gazprom", "--organization", "Hamas"})["total"], 0);
    EXPECT_EQ(result_id_set(search({"--organization", "Hamas", "truce"})), (Ids{"hamas-truce"}));
    EXPECT_EQ(search({"--organization", "Gazprom", "truce"})["total"], 0);
}

TEST_F(CliOrganization, OrganizationInTheQuery) {
    EXPECT_EQ(result_id_set(search({"organization:Hamas OR organization:Gazprom"})), (Ids{"hamas-truce", "gas-cut"}));
    EXPECT_EQ(result_id_set(search({"organisation:\"United Nations\""})), (Ids{"un-aid", "hamas-truce"}));
    EXPECT_EQ(result_id_set(search({"NOT organization:\"United Nations\""})), (Ids{"gas-cut", "harbour"}));
}

TEST_F(CliOrganization, JsonResultsCountsAndMultiSelect) {
    auto j = search({"--organization", "Hamas"});
    ASSERT_EQ(j["results"].size(), 1u);
    const auto& hit = j["results"][0];
    EXPECT_EQ(hit["facets"]["organization"], json({"Hamas", "United Nations"}));
    EXPECT_EQ(hit["organizations"], json::parse(R"([{"name": "Hamas", "kind": "armed group"},
                                                    {"name": "United Nations", "kind": "international body"}])"));
    EXPECT_EQ(j["facets"]["organization"], json::parse(R"([{"value": "Hamas", "count": 1},
                                                           {"value": "United Nations", "count": 1}])"));
    EXPECT_EQ(j["facets_without_own_filter"]["organization"],
              json::parse(R"([{"value": "United Nations", "count": 2}, {"value": "Gazprom", "count": 1},
                              {"value": "Hamas", "count": 1}])"));
    // Every result carries the key, an empty list when the article names no organisation.
    auto all = search({});
    ASSERT_EQ(all["results"].size(), 4u);
    for (const auto& r : all["results"]) EXPECT_TRUE(r["organizations"].is_array()) << r["id"];
}

TEST_F(CliOrganization, FacetValuesOrganization) {
    auto r = search_raw({"--facet-values", "organization"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "2\tUnited Nations\n1\tGazprom\n1\tHamas\n");
    EXPECT_EQ(search_raw({"--facet-values", "organisation"}).out, r.out);
    auto filtered = search_raw({"--facet-values", "organization", "truce"});
    EXPECT_EQ(filtered.out, "1\tHamas\n1\tUnited Nations\n");
    auto as_json = search_raw({"--facet-values", "organization", "--json"});
    EXPECT_EQ(json::parse(as_json.out), json::parse(R"([{"value": "United Nations", "count": 2},
        {"value": "Gazprom", "count": 1}, {"value": "Hamas", "count": 1}])"));
}

TEST_F(CliOrganization, TextOutputListsOrganizationsWithTheirKinds) {
    auto r = search_raw({"--color", "never", "--organization", "Hamas"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "organizations: Hamas (armed group); United Nations (international body)")) << r.out;
    EXPECT_TRUE(contains(r.out, "organization: Hamas (1)")) << r.out;  // the facet counts
}

TEST_F(CliOrganization, MisspeltOrganizationGetsADidYouMean) {
    auto j = search({"--organization", "Gazprm"});
    EXPECT_EQ(j["total"], 0);
    EXPECT_EQ(j["suggestions"], json({"organization:Gazprom"}));
}

TEST_F(CliOrganization, InfoListsOrganizations) {
    auto r = run_index(m_dir, {"--db", m_db, "--info", "--json"});
    ASSERT_EQ(r.status, 0) << r.err;
    auto j = json::parse(r.out);
    ASSERT_TRUE(j["facets"]["organization"].is_array());
    EXPECT_EQ(j["facets"]["organization"][0], json({{"value", "United Nations"}, {"count", 2}}));
}

TEST(CliOrganizationHelp, BothToolsDocumentTheFacet) {
    TempDir dir;
    auto search_help = run_search(dir, {"--help"});
    EXPECT_TRUE(contains(search_help.out, "--organization")) << search_help.out;
    EXPECT_TRUE(contains(search_help.out, "newsfacet-search --organization \"United Nations\"")) << search_help.out;
    EXPECT_TRUE(contains(search_help.out, "--facet-values organization")) << search_help.out;
    auto index_help = run_index(dir, {"--help"});
    EXPECT_TRUE(contains(index_help.out, "organization")) << index_help.out;
    EXPECT_TRUE(contains(index_help.out, "armed group")) << index_help.out;
}

// Over corpus/, tagged by newsfacet-index itself.
namespace {

using CliOrganizationCorpus = CliCorpusTest;

std::set<std::string> naming(const json& all, const std::string& organization) {
    std::set<std::string> out;
    for (const auto& r : all["results"]) {
        if (has_value(r["facets"]["organization"], organization)) out.insert(r["id"].get<std::string>());
    }
    return out;
}

}  // namespace

TEST_F(CliOrganizationCorpus, FilterMatchesTheArticlesTaggedWithIt) {
    auto all = search({"--limit", "100", "--no-collapse"});
    auto expected = naming(all, "Rapid Support Forces");
    ASSERT_GE(expected.size(), 2u);
    auto limit = [](std::vector<std::string> args) {
        args.insert(args.end(), {"--limit", "100", "--no-collapse"});
        return args;
    };
    EXPECT_EQ(result_id_set(search(limit({"--organization", "Rapid Support Forces"}))), expected);
    EXPECT_EQ(result_id_set(search(limit({"--organization", "rapid support forces"}))), expected);
    EXPECT_EQ(result_id_set(search(limit({"organization:\"Rapid Support Forces\""}))), expected);
    EXPECT_EQ(result_id_set(search(limit({"--organization", "RSF"}))), expected);  // an alias of the list
    auto both = naming(all, "United Nations");
    std::erase_if(both, [&](const std::string& id) { return !expected.count(id); });
    ASSERT_FALSE(both.empty());
    EXPECT_EQ(result_id_set(search(limit({"--organization", "RSF", "--organization", "UN"}))), both);
}

TEST_F(CliOrganizationCorpus, FacetValuesCountEveryArticle) {
    auto all = search({"--limit", "100", "--no-collapse"});
    std::map<std::string, int> expected;
    for (const auto& r : all["results"]) {
        for (const auto& v : r["facets"]["organization"]) ++expected[v.get<std::string>()];
    }
    ASSERT_FALSE(expected.empty());
    auto listed = search_raw({"--facet-values", "organization", "--json"});
    ASSERT_EQ(listed.status, 0) << listed.err;
    std::map<std::string, int> actual;
    for (const auto& c : json::parse(listed.out)) actual[c["value"].get<std::string>()] = c["count"].get<int>();
    EXPECT_EQ(actual, expected);
}

TEST(CliOrganizationTagOnly, OrganizationsAndMentionsWithOffsetsIntoTheBody) {
    TempDir dir;
    const auto file = corpus_path + "/news/nf-2025-0505-port-sudan-fuel-depot.json";
    auto tagged = run_index(dir, {"--tag-only", file});
    ASSERT_EQ(tagged.status, 0) << tagged.err;
    auto dumped = run_index(dir, {"--dump", file});
    ASSERT_EQ(dumped.status, 0) << dumped.err;
    const auto j = json::parse(tagged.out);
    const auto body = json::parse(dumped.out)["body"].get<std::string>();
    EXPECT_TRUE(has_value(j["facets"]["organization"], "United Nations")) << j.dump();
    bool listed = false;
    for (const auto& o : j["organizations"]) {
        if (o["name"] == "United Nations") listed = o["kind"] == "international body";
    }
    EXPECT_TRUE(listed) << j["organizations"].dump();
    std::size_t mentions = 0;
    for (const auto& m : j["mentions"]) {
        if (m["facet"] != "organization") continue;
        ++mentions;
        const auto start = m["start"].get<std::size_t>();
        const auto end = m["end"].get<std::size_t>();
        ASSERT_LE(end, body.size());
        EXPECT_EQ(body.substr(start, end - start), m["text"].get<std::string>()) << m.dump();
    }
    EXPECT_GE(mentions, j["facets"]["organization"].size());
}
