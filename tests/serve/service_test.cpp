// The service without sockets: answers, statuses, headers and the index it reads, over an
// index of corpus/.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include <newsfacet/newsfacet.hpp>
#include <newsfacet/serve/service.hpp>

#include "api_support.hpp"
#include "export_stream.hpp"

namespace newsfacet::testing {
namespace {

using serve::Request;
using serve::Response;
using serve::Service;
using serve::ServiceOptions;

constexpr std::string_view page = "<!doctype html><title>t</title>";
constexpr std::string_view script = "console.log(1);";

ServiceOptions options_for(const std::filesystem::path& db) {
    ServiceOptions options;
    options.db = db;
    options.assets = {{"index.html", page}, {"app.js", script}};
    return options;
}

nlohmann::json body_of(const Response& r) { return nlohmann::json::parse(r.body); }

class ServeService : public CorpusTest {
protected:
    void SetUp() override {
        CorpusTest::SetUp();
        m_service = std::make_unique<Service>(options_for(m_path));
    }
    Response get(const std::string& target) { return m_service->handle({"GET", target}); }

    std::unique_ptr<Service> m_service;
};

TEST_F(ServeService, SearchAnswersTheLibrarysJsonForTheSameRequest) {
    SearchRequest request;
    request.query = "embassy";
    request.filters[Facet::country] = {"Ukraine"};
    request.limit = 3;
    request.sort = SortOrder::newest;
    const auto r = get("/api/v1/search?q=embassy&country=Ukraine&limit=3&sort=newest");
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.content_type, "application/json");
    EXPECT_EQ(body_of(r), nlohmann::json::parse(to_json(search(request))));
    EXPECT_FALSE(body_of(r)["results"].empty());
}

TEST_F(ServeService, BadParametersAre400NamingThem) {
    for (const auto& [target, parameter] : std::vector<std::pair<std::string, std::string>>{
             {"/api/v1/search?limit=many", "limit"},
             {"/api/v1/search?colour=red", "colour"},
             {"/api/v1/search?sort=best", "sort"}}) {
        const auto r = get(target);
        EXPECT_EQ(r.status, 400) << target;
        EXPECT_EQ(r.content_type, "application/json");
        const auto body = body_of(r);
        EXPECT_EQ(body["status"], 400);
        EXPECT_EQ(body["parameter"], parameter) << target;
        EXPECT_FALSE(body["error"].get<std::string>().empty());
    }
}

TEST_F(ServeService, AMalformedDateIs400) {
    const auto r = get("/api/v1/search?since=yesterday");
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_NE(body_of(r)["error"].get<std::string>().find("yesterday"), std::string::npos) << r.body;
}

TEST_F(ServeService, AnUnknownLikeIdIs404) {
    const auto r = get("/api/v1/search?like=no-such-article");
    EXPECT_EQ(r.status, 404) << r.body;
    EXPECT_EQ(body_of(r)["parameter"], "like");
}

TEST_F(ServeService, UnknownPathsAre404InJson) {
    for (const auto* target : {"/api/v1/nothing", "/api/v2/search", "/api/v1/search/more", "/nothing.html", "/a/app.js"}) {
        const auto r = get(target);
        EXPECT_EQ(r.status, 404) << target;
        EXPECT_EQ(body_of(r)["status"], 404) << target;
    }
}

TEST_F(ServeService, OnlyGetAndHeadAreServed) {
    EXPECT_EQ(m_service->handle({"HEAD", "/api/v1/health"}).status, 200);
    for (const auto* method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
        const auto r = m_service->handle({method, "/api/v1/search"});
        EXPECT_EQ(r.status, 405) << method;
        EXPECT_EQ(r.header("Allow"), "GET, HEAD");
    }
}

TEST_F(ServeService, OversizedTargetsAre414) {
    serve::Limits limits;
    EXPECT_EQ(get("/api/v1/search?q=" + std::string(limits.max_target_bytes, 'a')).status, 414);
    std::string many = "/api/v1/search?";
    for (std::size_t i = 0; i <= limits.max_parameters; ++i) many += "country=x&";
    EXPECT_EQ(get(many).status, 414);
    EXPECT_EQ(m_service->refusal(413).status, 413);
    EXPECT_EQ(body_of(m_service->refusal(413))["status"], 413);
}

TEST_F(ServeService, HealthCountsTheArticles) {
    const auto r = get("/api/v1/health");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(body_of(r)["status"], "ok");
    EXPECT_EQ(body_of(r)["articles"], corpus_articles);
    EXPECT_EQ(get("/api/v1/health?verbose=1").status, 400);
}

TEST_F(ServeService, ThePageIsServedAtTheRootWhateverItsParameters) {
    for (const auto* target : {"/", "/?q=embassy&country=Ukraine", "/index.html"}) {
        const auto r = get(target);
        EXPECT_EQ(r.status, 200) << target;
        EXPECT_EQ(r.body, page);
        EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
    }
    const auto js = get("/app.js");
    EXPECT_EQ(js.body, script);
    EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
}

TEST_F(ServeService, EveryAnswerCarriesTheSecurityHeaders) {
    for (const auto* target : {"/", "/app.js", "/api/v1/search?q=embassy", "/api/v1/search?limit=x", "/nothing",
                               "/a%zz"}) {
        const auto r = get(target);
        EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff") << target;
        const auto csp = r.header("Content-Security-Policy");
        EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << target;
        EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << target;
        EXPECT_EQ(r.header("Access-Control-Allow-Origin"), "") << target;
    }
    EXPECT_EQ(m_service->refusal(414).header("X-Content-Type-Options"), "nosniff");
}

TEST_F(ServeService, CrossOriginAccessOnlyWhenAsked) {
    auto options = options_for(m_path);
    options.cors_origin = "https://notebook.example.org";
    Service open(options);
    const auto r = open.handle({"GET", "/api/v1/health"});
    EXPECT_EQ(r.header("Access-Control-Allow-Origin"), "https://notebook.example.org");
    const auto preflight = open.handle({"OPTIONS", "/api/v1/search"});
    EXPECT_EQ(preflight.status, 204);
    EXPECT_EQ(preflight.header("Access-Control-Allow-Origin"), "https://notebook.example.org");
    EXPECT_EQ(open.handle({"GET", "/"}).header("Access-Control-Allow-Origin"), "");
}

TEST_F(ServeService, SeesWhatIsCommittedAfterItStarted) {
    EXPECT_EQ(body_of(get("/api/v1/search?q=zyxwvut"))["total"], 0);
    {
        auto index = Index::create_or_open(m_path);
        (void)index.add(make_article("new-one", "Zyxwvut found", "The zyxwvut was found in a field."));
        index.commit();
    }
    const auto after = body_of(get("/api/v1/search?q=zyxwvut"));
    EXPECT_EQ(after["total"], 1);
    EXPECT_EQ(body_of(get("/api/v1/health"))["articles"], corpus_articles + 1);
}

TEST(ServeServiceUnavailable, A503WhileTheIndexCannotBeOpenedThenServesItOnceItExists) {
    TempDir dir;
    Service service(options_for(dir / "index"));
    for (const auto* target : {"/api/v1/search?q=embassy", "/api/v1/health"}) {
        const auto r = service.handle({"GET", target});
        EXPECT_EQ(r.status, 503) << target;
        EXPECT_EQ(nlohmann::json::parse(r.body)["status"], 503);
    }
    EXPECT_EQ(service.handle({"GET", "/"}).status, 200);  // the page needs no index
    (void)index_corpus(dir);
    EXPECT_EQ(service.handle({"GET", "/api/v1/health"}).status, 200);
}

}  // namespace
}  // namespace newsfacet::testing

namespace newsfacet::testing {
namespace {

class ServeEndpoints : public ServeService {};

TEST_F(ServeEndpoints, FacetValuesAreTheSearchsCountsFilteredByPrefix) {
    auto request = everything("embassy");
    const auto results = search(request);
    const auto countries = body_of(get("/api/v1/facets/country?q=embassy&limit=1000"));
    EXPECT_EQ(countries["facet"], "country");
    const auto& want = counts_of(results, Facet::country);
    ASSERT_EQ(countries["values"].size(), want.size());
    EXPECT_EQ(countries["total_values"], want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(countries["values"][i]["value"], want[i].value);
        EXPECT_EQ(countries["values"][i]["count"], want[i].count);
    }
    const auto some = body_of(get("/api/v1/facets/country?q=embassy&limit=2"));
    EXPECT_EQ(some["values"].size(), 2u);
    EXPECT_EQ(some["total_values"], want.size());
    const auto prefixed = body_of(get("/api/v1/facets/country?prefix=UKR"));
    ASSERT_EQ(prefixed["values"].size(), 1u) << prefixed;
    EXPECT_EQ(prefixed["values"][0]["value"], "Ukraine");
    const auto word = body_of(get("/api/v1/facets/country?prefix=afri"));  // a later word's start
    ASSERT_EQ(word["values"].size(), 1u) << word;
    EXPECT_EQ(word["values"][0]["value"], "South Africa");
    EXPECT_TRUE(body_of(get("/api/v1/facets/country?prefix=krain"))["values"].empty());
    const auto sources = body_of(get("/api/v1/facets/source?q=embassy"));
    EXPECT_EQ(sources["facet"], "source");
    EXPECT_EQ(sources["values"].size(), std::min<std::size_t>(100, results.sources.size()));
    EXPECT_EQ(get("/api/v1/facets/colour").status, 404);
    EXPECT_EQ(get("/api/v1/facets/country?limit=100000").status, 400);
    EXPECT_EQ(body_of(get("/api/v1/facets/country?colour=red"))["parameter"], "colour");
}

TEST_F(ServeEndpoints, AnArticleWithItsMentionsByPercentEncodedId) {
    const auto hits = search(everything()).hits;
    ASSERT_FALSE(hits.empty());
    std::size_t with_slash = 0;
    for (const auto& hit : hits) {
        if (hit.id.find('/') != std::string::npos) ++with_slash;
        const auto r = get("/api/v1/articles/" + serve::percent_encode(hit.id));
        ASSERT_EQ(r.status, 200) << hit.id << ": " << r.body;
        const auto a = body_of(r);
        EXPECT_EQ(a["id"], hit.id);
        EXPECT_EQ(a["title"], hit.title);
        EXPECT_EQ(a["facets"]["country"], hit.facets.country);
        const auto body = a["body"].get<std::string>();
        for (const auto& m : a["mentions"]) {
            const auto start = m["start"].get<std::size_t>();
            const auto end = m["end"].get<std::size_t>();
            ASSERT_LE(end, body.size());
            EXPECT_EQ(body.substr(start, end - start), m["text"].get<std::string>());
        }
    }
    EXPECT_GT(with_slash, 0u);  // ids holding '/' come through as one segment
    const auto seed = body_of(get("/api/v1/articles/" + serve::percent_encode(seed_id)));
    EXPECT_FALSE(seed["mentions"].empty());
    const auto missing = get("/api/v1/articles/no%2Fsuch%23article");
    EXPECT_EQ(missing.status, 404);
    EXPECT_NE(body_of(missing)["error"].get<std::string>().find("no/such#article"), std::string::npos);
    EXPECT_EQ(get("/api/v1/articles/" + serve::percent_encode(seed_id) + "?x=1").status, 400);
}

// The whole of a streamed answer.
std::string drain(const Response& r) {
    std::string out;
    if (!r.stream) return r.body;
    while (r.stream(out)) {
    }
    return out;
}

TEST_F(ServeEndpoints, ExportWritesEveryResultAsCsvOrJsonLines) {
    auto request = everything();
    request.collapse = false;
    const auto all = search(request);
    const auto csv = get("/api/v1/export?collapse=false");
    EXPECT_EQ(csv.status, 200);
    EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
    const auto text = drain(csv);
    EXPECT_EQ(text.rfind("rank,id,title,", 0), 0u);
    std::size_t rows = 0;
    for (std::size_t at = 0; (at = text.find("\r\n", at)) != std::string::npos; at += 2) ++rows;
    EXPECT_EQ(rows, all.total + 1);  // no field of the corpus holds a line break
    const auto jsonl = get("/api/v1/export?format=jsonl&collapse=false&limit=7&offset=3");
    EXPECT_EQ(jsonl.content_type, "application/x-ndjson");
    std::istringstream lines(drain(jsonl));
    std::string line;
    std::vector<std::string> ids;
    while (std::getline(lines, line)) ids.push_back(nlohmann::json::parse(line)["id"]);
    ASSERT_EQ(ids.size(), 7u);
    for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(ids[i], all.hits[i + 3].id);
    EXPECT_EQ(body_of(get("/api/v1/export?format=xml"))["parameter"], "format");
    EXPECT_EQ(body_of(get("/api/v1/export?limit=10001"))["parameter"], "limit");
}

TEST_F(ServeEndpoints, AnExportReadsOneCommitWhileTheIndexChanges) {
    auto request = everything();
    request.collapse = false;
    request.sort = SortOrder::newest;
    const auto before = ids_of(search(request));
    ASSERT_GT(before.size(), 6u);
    serve::detail::SearcherPool searchers(m_path);
    serve::detail::ExportPlan plan{before.size(), serve::detail::ExportFormat::jsonl, 3};
    auto stream = serve::detail::export_stream(request, plan, searchers, nullptr);
    std::string out;
    ASSERT_TRUE(stream(out));  // the first page is written
    {
        // Newer than every article: on the newest commit they would come first and push the
        // rows already written onto the next pages.
        auto index = Index::create_or_open(m_path);
        for (int i = 0; i < 4; ++i) {
            auto late = make_article("late-" + std::to_string(i), "Late news", "A late report on the harbour.");
            late.date = "2099-01-0" + std::to_string(i + 1);
            (void)index.add(late);
        }
        index.commit();
    }
    while (stream(out)) {
    }
    std::vector<std::string> exported;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) exported.push_back(nlohmann::json::parse(line)["id"]);
    EXPECT_EQ(exported, before);
    EXPECT_EQ(searchers.borrow()->size(), before.size() + 4);  // other requests see the new commit
}

TEST_F(ServeEndpoints, ExportsAtOnceAreLimited) {
    serve::Limits limits;
    std::vector<Response> open;
    for (std::size_t i = 0; i < limits.max_concurrent_exports; ++i) {
        open.push_back(get("/api/v1/export"));
        EXPECT_EQ(open.back().status, 200);
    }
    const auto refused = get("/api/v1/export");
    EXPECT_EQ(refused.status, 429);
    EXPECT_EQ(body_of(refused)["status"], 429);
    open.pop_back();  // an export ends when its answer is dropped, finished or not
    EXPECT_EQ(get("/api/v1/export").status, 200);
}

TEST(ServeCsv, FieldsWithCommasQuotesAndLineBreaksAreQuoted) {
    SearchHit hit;
    hit.rank = 1;
    hit.id = "a,b";
    hit.title = "He said \"no\"\nthen left";
    hit.facets.country = {"Ukraine", "Poland"};
    const auto row = serve::detail::export_csv_row(hit);
    EXPECT_EQ(row.rfind("1,\"a,b\",\"He said \"\"no\"\"\nthen left\",", 0), 0u) << row;
    EXPECT_NE(row.find("Ukraine; Poland"), std::string::npos);
}

TEST(ServeCsv, ArticleTextThatASpreadsheetWouldRunIsText) {
    SearchHit hit;
    hit.rank = 2;
    hit.id = "x1";
    hit.title = "=HYPERLINK(\"http://evil.example\",\"click\")";
    hit.source = "+cmd";
    hit.url = "@SUM(1)";
    hit.facets.country = {"-2+3"};
    const auto row = serve::detail::export_csv_row(hit);
    EXPECT_EQ(row.rfind("2,x1,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",,'+cmd,'@SUM(1),", 0), 0u) << row;
    EXPECT_NE(row.find(",'-2+3,"), std::string::npos) << row;
    // Ordinary text and numbers stay as they are.
    hit.title = "Talks resume";
    hit.source = "Reuters";
    EXPECT_NE(serve::detail::export_csv_row(hit).find(",Talks resume,,Reuters,"), std::string::npos);
}

}  // namespace
}  // namespace newsfacet::testing
