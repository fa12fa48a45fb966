// Request targets: path segments decoded one by one (an id may hold an encoded '/'), query
// parameters decoded as a form, malformed escapes refused; listen addresses.
#include <gtest/gtest.h>

#include <string>

#include <newsfacet/serve/http.hpp>

using newsfacet::serve::HttpError;
using newsfacet::serve::parse_listen;
using newsfacet::serve::parse_target;
using newsfacet::serve::percent_decode;
using newsfacet::serve::percent_encode;

namespace {

int status_of(const std::string& target) {
    try {
        (void)parse_target(target);
        return 200;
    } catch (const HttpError& e) {
        return e.status();
    }
}

}  // namespace

TEST(ServeTarget, SplitsThePathIntoDecodedSegments) {
    const auto t = parse_target("/api/v1/articles/a%2Fb%23c%3Fd");
    ASSERT_EQ(t.segments.size(), 4u);
    EXPECT_EQ(t.segments[0], "api");
    EXPECT_EQ(t.segments[3], "a/b#c?d");
    EXPECT_TRUE(t.parameters.empty());
}

TEST(ServeTarget, RootHasNoSegments) {
    EXPECT_TRUE(parse_target("/").segments.empty());
    EXPECT_TRUE(parse_target("/?q=x").segments.empty());
}

TEST(ServeTarget, PlusIsASpaceInParametersButNotInThePath) {
    const auto t = parse_target("/a+b?q=grain+exports%2B&country=South%20Korea");
    EXPECT_EQ(t.segments.at(0), "a+b");
    ASSERT_EQ(t.parameters.size(), 2u);
    EXPECT_EQ(t.parameters[0].first, "q");
    EXPECT_EQ(t.parameters[0].second, "grain exports+");
    EXPECT_EQ(t.parameters[1].second, "South Korea");
}

TEST(ServeTarget, KeepsRepeatedParametersInOrderAndSkipsEmptyOnes) {
    const auto t = parse_target("/s?country=A&&country=B&flag&=v");
    ASSERT_EQ(t.parameters.size(), 4u);
    EXPECT_EQ(t.parameters[0].second, "A");
    EXPECT_EQ(t.parameters[1].second, "B");
    EXPECT_EQ(t.parameters[2].first, "flag");
    EXPECT_EQ(t.parameters[2].second, "");
    EXPECT_EQ(t.parameters[3].first, "");
}

TEST(ServeTarget, RefusesMalformedEscapesNulBytesAndTargetsThatAreNotPaths) {
    EXPECT_EQ(status_of("/a%zz"), 400);
    EXPECT_EQ(status_of("/a%4"), 400);
    EXPECT_EQ(status_of("/a?q=%"), 400);
    EXPECT_EQ(status_of("/a?q=%00"), 400);
    EXPECT_EQ(status_of("/a%00b"), 400);
    EXPECT_EQ(status_of("http://example.org/"), 400);
    EXPECT_EQ(status_of(""), 400);
    EXPECT_EQ(status_of("/a%41?q=%41"), 200);
}

TEST(ServeTarget, EncodeThenDecodeGivesTheTextBack) {
    const std::string id = "https://example.org/a b?x=1#frag/é%";
    const auto encoded = percent_encode(id);
    EXPECT_EQ(encoded.find_first_of("/?#% "), encoded.find('%'));  // only escapes' own '%'
    EXPECT_EQ(percent_decode(encoded, false), id);
    EXPECT_EQ(parse_target("/api/v1/articles/" + encoded).segments.at(3), id);
}

TEST(ServeListen, ParsesHostAndPort) {
    auto a = parse_listen("127.0.0.1:8080");
    EXPECT_EQ(a.host, "127.0.0.1");
    EXPECT_EQ(a.port, 8080);
    a = parse_listen("[::1]:0");
    EXPECT_EQ(a.host, "::1");
    EXPECT_EQ(a.port, 0);
    a = parse_listen(":9000");
    EXPECT_EQ(a.host, "127.0.0.1");
    EXPECT_EQ(a.port, 9000);
}

TEST(ServeListen, RefusesWhatIsNoAddress) {
    for (const auto* bad : {"8080", "localhost:", "localhost:http", "localhost:65536", "localhost:-1", "[::1:80",
                            "::1]:80"}) {
        EXPECT_THROW((void)parse_listen(bad), newsfacet::UsageError) << bad;
    }
}
