// newsfacet-serve over corpus/: the search API answers what newsfacet-search --json answers
// for the same options, every error status comes back as JSON over the wire, the page and its
// headers, article text as data, the access log, and a clean stop on SIGTERM and SIGINT.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "serve_support.hpp"

namespace newsfacet::testing {
namespace {

nlohmann::json json_of(const httplib::Result& r) {
    if (!r) return nlohmann::json();
    try {
        return nlohmann::json::parse(r->body);
    } catch (const nlohmann::json::exception&) {
        return nlohmann::json(r->body);
    }
}

class ServeCli : public CliCorpusTest {
protected:
    void SetUp() override {
        CliCorpusTest::SetUp();
        m_server.emplace(m_dir, std::vector<std::string>{"--db", m_db, "--threads", "2"});
        ASSERT_GT(m_server->port(), 0) << m_server->log();
    }

    httplib::Result get(const std::string& target) { return m_server->client().Get(target); }

    std::optional<ServeProcess> m_server;
};

TEST_F(ServeCli, SearchAnswersWhatNewsfacetSearchJsonAnswers) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"embassy"}, "q=embassy"},
        {{"--country", "ukraine", "-n", "3", "strike"}, "country=ukraine&limit=3&q=strike"},
        {{"--country", "ukraine", "--country", "poland", ""}, "country=ukraine&country=poland"},
        {{"--sort", "newest", "--no-collapse", "--no-facets", ""}, "sort=newest&collapse=false&facets=false"},
        {{"--verbatim", "strikes"}, "verbatim=true&q=strikes"},
        {{"--no-expand", "--offset", "2", "--since", "2025-01", "--until", "2025-06", "embassy"},
         "expand=false&offset=2&since=2025-01&until=2025-06&q=embassy"},
        {{"--like", seed_id}, "like=" + httplib::detail::encode_query_param(seed_id)},
        {{"--source", "Meridian Wire", "--organization", "United Nations", ""},
         "source=Meridian+Wire&organisation=United%20Nations"},
        {{"--official", "Ilham Aliyev", "--location", "kiev", "embasy"},
         "official=Ilham+Aliyev&location=kiev&q=embasy"},
    };
    for (const auto& [args, query] : cases) {
        const auto cli = search(args);
        const auto r = get("/api/v1/search?" + query);
        ASSERT_TRUE(r) << query;
        EXPECT_EQ(r->status, 200) << query << ": " << r->body;
        EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
        EXPECT_EQ(json_of(r), cli) << query << "\nAPI: " << answer_summary(json_of(r))
                                   << "\nCLI: " << answer_summary(cli);
    }
}

TEST_F(ServeCli, ErrorsComeBackAsJsonWithTheirStatus) {
    struct Case {
        std::string target;
        int status;
        std::string parameter;
    };
    const std::vector<Case> cases{
        {"/api/v1/search?limit=lots", 400, "limit"},
        {"/api/v1/search?since=someday", 400, ""},
        {"/api/v1/search?q=%zz", 400, ""},
        {"/api/v1/search?like=no-such-article", 404, "like"},
        {"/api/v1/nothing", 404, ""},
        {"/nothing.html", 404, ""},
        {"/api/v1/search?q=" + std::string(5000, 'a'), 414, ""},
        {"/api/v1/search?q=" + std::string(9000, 'a'), 414, ""},  // beyond what httplib reads
    };
    for (const auto& c : cases) {
        const auto r = get(c.target);
        ASSERT_TRUE(r) << c.target.substr(0, 80);
        EXPECT_EQ(r->status, c.status) << c.target.substr(0, 80) << ": " << r->body;
        EXPECT_EQ(r->get_header_value("Content-Type"), "application/json") << c.target.substr(0, 80);
        EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
        const auto body = json_of(r);
        EXPECT_EQ(body.value("status", 0), c.status) << r->body;
        EXPECT_EQ(body.value("parameter", ""), c.parameter) << r->body;
    }
    auto client = m_server->client();
    const auto post = client.Post("/api/v1/search", "q=embassy", "application/x-www-form-urlencoded");
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 405);
    EXPECT_EQ(json_of(post).value("status", 0), 405);
    const auto big = client.Post("/api/v1/search", std::string(100000, 'a'), "text/plain");
    ASSERT_TRUE(big);
    EXPECT_EQ(big->status, 413);
    EXPECT_EQ(json_of(big).value("status", 0), 413);
}

TEST_F(ServeCli, ServesThePageWithStrictHeaders) {
    const auto page = get("/?q=embassy&country=Ukraine");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(page->body.find("app.js"), std::string::npos);
    const auto csp = page->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("default-src 'self'"), std::string::npos);
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
    EXPECT_EQ(page->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(page->get_header_value("Access-Control-Allow-Origin"), "");
    const auto script = get("/app.js");
    ASSERT_TRUE(script);
    EXPECT_EQ(script->status, 200);
    EXPECT_EQ(script->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
    const auto style = get("/app.css");
    ASSERT_TRUE(style);
    EXPECT_EQ(style->get_header_value("Content-Type"), "text/css; charset=utf-8");
}

TEST_F(ServeCli, ExportStreamsEveryResultAndArticlesComeWhole) {
    const auto cli = search({"--no-collapse", "-n", "1000", ""});
    const auto r = get("/api/v1/export?format=jsonl&collapse=false");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Transfer-Encoding"), "chunked");
    std::vector<std::string> ids;
    for (const auto& line : lines_of(r->body)) ids.push_back(nlohmann::json::parse(line)["id"]);
    EXPECT_EQ(ids, result_ids(cli));
    const auto csv = get("/api/v1/export?q=embassy");
    ASSERT_TRUE(csv);
    EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_EQ(lines_of(csv->body).size(), search({"embassy"})["total"].get<std::size_t>() + 1);
    for (const auto& id : ids) {
        const auto a = get("/api/v1/articles/" + httplib::detail::encode_query_param(id));
        ASSERT_TRUE(a);
        EXPECT_EQ(a->status, 200) << id;
        EXPECT_EQ(json_of(a)["id"], id);
    }
}

TEST_F(ServeCli, HealthAndAnAccessLogLine) {
    const auto r = get("/api/v1/health");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(json_of(r)["articles"], corpus_articles);
    EXPECT_TRUE(m_server->wait_for_log("\"GET /api/v1/health\" 200")) << m_server->log();
}

TEST_F(ServeCli, StopsCleanlyOnSigterm) {
    ASSERT_TRUE(get("/api/v1/health"));
    EXPECT_EQ(m_server->stop(SIGTERM), 0) << m_server->log();
}

TEST_F(ServeCli, StopsCleanlyOnSigint) { EXPECT_EQ(m_server->stop(SIGINT), 0) << m_server->log(); }

TEST(ServeCliAlone, QuietMeansNoAccessLog) {
    TempDir dir;
    const auto db = index_corpus(dir);
    ServeProcess server(dir, {"--db", db, "--quiet"});
    ASSERT_GT(server.port(), 0) << server.log();
    const auto r = server.client().Get("/api/v1/health");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(server.stop(), 0);
    EXPECT_EQ(server.log().find("/api/v1/health"), std::string::npos) << server.log();
}

TEST(ServeCliAlone, A503UntilTheIndexExists) {
    TempDir dir;
    ServeProcess server(dir, {"--db", (dir / "db").string()});
    ASSERT_GT(server.port(), 0) << server.log();
    for (const auto* target : {"/api/v1/health", "/api/v1/search?q=embassy"}) {
        const auto r = server.client().Get(target);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 503) << target;
        EXPECT_EQ(json_of(r).value("status", 0), 503);
    }
    (void)index_corpus(dir);
    const auto r = server.client().Get("/api/v1/health");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body;
}

TEST(ServeCliAlone, ArticleTextIsJsonDataNeverMarkup) {
    TempDir dir;
    const auto input = dir / "evil.jsonl";
    {
        std::ofstream out(input);
        out << nlohmann::json{{"id", "evil-1"},
                              {"title", "<script>alert('title')</script> Embassy <img src=x onerror=alert(1)>"},
                              {"body", "The embassy said <script>alert('body')</script> and "
                                       "<a href=\"javascript:alert(2)\">click</a> nothing more."},
                              {"date", "2025-01-02"}}
                   .dump()
            << "\n";
    }
    ASSERT_EQ(run_index(dir, {"--db", db_of(dir), input.string()}).status, 0);
    ServeProcess server(dir, {"--db", db_of(dir)});
    ASSERT_GT(server.port(), 0) << server.log();
    const auto r = server.client().Get("/api/v1/search?q=embassy");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
    const auto hit = json_of(r)["results"].at(0);
    EXPECT_EQ(hit["title"], "<script>alert('title')</script> Embassy <img src=x onerror=alert(1)>");
    const auto snippet = hit["snippet"].get<std::string>();
    EXPECT_EQ(snippet.find("<script"), std::string::npos) << snippet;
    EXPECT_EQ(snippet.find("<a "), std::string::npos) << snippet;
    const auto article = server.client().Get("/api/v1/articles/evil-1");
    ASSERT_TRUE(article);
    EXPECT_EQ(article->get_header_value("Content-Type"), "application/json");
    EXPECT_EQ(json_of(article)["body"], "The embassy said <script>alert('body')</script> and "
                                        "<a href=\"javascript:alert(2)\">click</a> nothing more.");
}

TEST(ServeCliAlone, HelpHasExamples) {
    TempDir dir;
    const auto r = run(dir, serve_bin, {"--help"});
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("Examples:"), std::string::npos);
    EXPECT_NE(r.out.find("--listen"), std::string::npos);
    EXPECT_NE(r.out.find("/api/v1/search"), std::string::npos);
}

TEST(ServeCliAlone, UsageErrorsExit2AndAnAddressInUseExits1) {
    TempDir dir;
    for (const auto* bad : {"8080", "127.0.0.1:http", "127.0.0.1:70000"}) {
        const auto r = run(dir, serve_bin, {"--listen", bad});
        EXPECT_EQ(r.status, 2) << bad;
        EXPECT_NE(r.err.find("--listen"), std::string::npos) << r.err;
    }
    EXPECT_EQ(run(dir, serve_bin, {"--threads", "0"}).status, 2);
    ServeProcess first(dir, {"--db", (dir / "db").string()});
    ASSERT_GT(first.port(), 0);
    const auto r = run(dir, serve_bin, {"--db", (dir / "db").string(), "--listen", "127.0.0.1:" + std::to_string(first.port())});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("cannot listen"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace newsfacet::testing
