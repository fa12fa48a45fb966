// The exception hierarchy as the public API throws it.
#include <gtest/gtest.h>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"
#include "temp_dir.hpp"

using namespace newsfacet;
using newsfacet::testing::everything;
using newsfacet::testing::make_article;
using newsfacet::testing::TempDir;

namespace {

// An index with one article, for query and date errors.
std::filesystem::path small_index(const TempDir& dir) {
    auto path = dir / "index";
    auto index = Index::create_or_open(path);
    index.add(make_article("a", "Embassy struck", "Missiles struck the embassy."));
    index.commit();
    return path;
}

}  // namespace

TEST(ApiErrors, SearcherOnMissingPathIsIndexNotFound) {
    TempDir dir;
    try {
        Searcher searcher(dir / "missing");
        FAIL() << "no exception";
    } catch (const IndexNotFoundError& e) {
        EXPECT_NE(std::string(e.what()).find("missing"), std::string::npos) << e.what();
    }
}

TEST(ApiErrors, SearcherOnPlainDirectoryIsIndexNotFound) {
    TempDir dir;
    dir.write("notes/readme.txt", "just some notes\n");
    EXPECT_THROW(Searcher(dir / "notes"), IndexNotFoundError);
}

TEST(ApiErrors, SearcherOnEmptyDirectoryIsIndexNotFound) {
    TempDir dir;
    std::filesystem::create_directories(dir / "empty");
    EXPECT_THROW(Searcher(dir / "empty"), IndexNotFoundError);
}

TEST(ApiErrors, SearcherOnRegularFileIsIndexNotFound) {
    TempDir dir;
    auto file = dir.write("file.db", "not an index");
    EXPECT_THROW(Searcher{file}, IndexNotFoundError);
}

TEST(ApiErrors, IndexOpenOnMissingPathIsIndexNotFound) {
    TempDir dir;
    EXPECT_THROW((void)Index::open(dir / "missing"), IndexNotFoundError);
    EXPECT_FALSE(std::filesystem::exists(dir / "missing"));
}

TEST(ApiErrors, CreateOrOpenRefusesADirectoryOfOtherFiles) {
    TempDir dir;
    auto file = dir.write("photos/cat.jpg", "binary-ish");
    EXPECT_THROW((void)Index::create_or_open(dir / "photos"), IndexNotFoundError);
    EXPECT_TRUE(std::filesystem::exists(file));  // nothing was clobbered
}

TEST(ApiErrors, CreateOrOpenRefusesARegularFile) {
    TempDir dir;
    auto file = dir.write("file.db", "not an index");
    EXPECT_THROW((void)Index::create_or_open(file), IndexNotFoundError);
}

TEST(ApiErrors, MalformedFilterIsQueryError) {
    TempDir dir;
    Searcher searcher(small_index(dir));
    // Only the explicit filter syntax refuses: a bad date, an empty value, a quote never closed
    // in a value. (Natural-language text is read the forgiving way: ApiLenientQueries.)
    for (const std::string query : {"foo date:2024-13", "foo country:\"\"", "official:\"Ilham Aliyev", "date:2025..2024"}) {
        try {
            (void)searcher.search(everything(query));
            ADD_FAILURE() << "no exception for: " << query;
        } catch (const QueryError& e) {
            EXPECT_NE(std::string(e.what()), "") << query;
        }
    }
    try {
        (void)searcher.search(everything("foo date:2024-13"));
        ADD_FAILURE() << "no exception";
    } catch (const QueryError& e) {
        EXPECT_NE(std::string(e.what()).find("2024-13"), std::string::npos) << e.what();  // names the value
    }
}

TEST(ApiErrors, QueryErrorIsAUsageError) {
    TempDir dir;
    Searcher searcher(small_index(dir));
    EXPECT_THROW((void)searcher.search(everything("foo date:2024-13")), UsageError);
    EXPECT_THROW((void)searcher.search(everything("foo date:2024-13")), Error);
}

TEST(ApiErrors, BadDateIsUsageError) {
    TempDir dir;
    Searcher searcher(small_index(dir));
    for (const std::string date : {"yesterday", "2024-13-01", "2024-02-30", "2024/03/04", "2024-03-04T25:00:00Z",
                                   "2024-03-04Tnoon", "24-03-04"}) {
        auto since = everything();
        since.since = date;
        EXPECT_THROW((void)searcher.search(since), UsageError) << "since " << date;
        auto until = everything();
        until.until = date;
        EXPECT_THROW((void)searcher.search(until), UsageError) << "until " << date;
    }
}

TEST(ApiErrors, SinceAfterUntilIsUsageError) {
    TempDir dir;
    Searcher searcher(small_index(dir));
    auto request = everything();
    request.since = "2025-01-02";
    request.until = "2025-01-01";
    EXPECT_THROW((void)searcher.search(request), UsageError);
}

TEST(ApiErrors, UnknownFacetNameIsUsageError) {
    try {
        (void)facet_from_name("colour");
        FAIL() << "no exception";
    } catch (const UsageError& e) {
        std::string message = e.what();
        EXPECT_NE(message.find("colour"), std::string::npos) << message;
        EXPECT_NE(message.find("country"), std::string::npos) << message;  // names the valid facets
    }
    EXPECT_FALSE(parse_facet("colour").has_value());
}

TEST(ApiErrors, FacetNamesParseCaseInsensitively) {
    for (auto facet : all_facets) {
        EXPECT_EQ(facet_from_name(facet_name(facet)), facet);
        std::string upper(facet_name(facet));
        for (auto& c : upper) c = static_cast<char>(c - 'a' + 'A');
        EXPECT_EQ(parse_facet(upper), facet);
    }
    EXPECT_EQ(facet_name(Facet::country), "country");
    EXPECT_EQ(facet_name(Facet::official), "official");
    EXPECT_EQ(facet_name(Facet::location), "location");
    EXPECT_EQ(facet_name(Facet::organization), "organization");
}

TEST(ApiErrors, OrganisationIsAnAliasOfTheOrganizationFacet) {
    EXPECT_EQ(parse_facet("organisation"), Facet::organization);
    EXPECT_EQ(parse_facet("Organisation"), Facet::organization);
    EXPECT_EQ(facet_from_name("ORGANISATION"), Facet::organization);
    EXPECT_FALSE(parse_facet("organisations").has_value());
    EXPECT_FALSE(parse_facet("org").has_value());
    try {
        (void)facet_from_name("orgs");
        FAIL() << "no exception";
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("organization"), std::string::npos) << e.what();
    }
}

TEST(ApiErrors, ArticleWithoutIdOrTextIsUsageError) {
    TempDir dir;
    auto index = Index::create_or_open(dir / "index");
    EXPECT_THROW(index.add(make_article("", "Title", "Body")), UsageError);
    EXPECT_THROW(index.add(make_article("no-text", "", "")), UsageError);
    EXPECT_EQ(index.size(), 0u);
}

TEST(ApiErrors, MissingInputPathIsInputError) {
    TempDir dir;
    try {
        read_articles(dir / "nope.txt", {});
        FAIL() << "no exception";
    } catch (const InputError& e) {
        EXPECT_EQ(e.file(), (dir / "nope.txt").string());
        EXPECT_EQ(e.line(), 0u);
    }
}

TEST(ApiErrors, EverythingDerivesFromError) {
    TempDir dir;
    auto expect_error = [](auto&& action, const char* what) {
        try {
            action();
            ADD_FAILURE() << what << ": no exception";
        } catch (const Error&) {
            SUCCEED();
        } catch (...) {
            ADD_FAILURE() << what << ": not a newsfacet::Error";
        }
    };
    expect_error([&] { Searcher s(dir / "missing"); }, "missing index");
    expect_error([&] { (void)Index::open(dir / "missing"); }, "open missing");
    expect_error([] { (void)facet_from_name("colour"); }, "facet name");
    expect_error([] { (void)normalize_date("not a date"); }, "date");
    expect_error([&] { read_articles(dir / "missing.txt", {}); }, "missing input");
    Searcher searcher(small_index(dir));
    expect_error([&] { (void)searcher.search(everything("foo date:2024-13")); }, "query");
    auto unknown_like = everything();
    unknown_like.like = "no-such-id";
    expect_error([&] { (void)searcher.search(unknown_like); }, "unknown like id");
    auto locked = Index::create_or_open(dir / "other");
    expect_error([&] { (void)Index::create_or_open(dir / "other"); }, "lock");
}

TEST(ApiErrors, ArticleNotFoundNamesTheIdAndIsNoUsageError) {
    ArticleNotFoundError e("nf-2024-0000-missing");
    EXPECT_EQ(e.id(), "nf-2024-0000-missing");
    EXPECT_NE(std::string(e.what()).find("\"nf-2024-0000-missing\""), std::string::npos)
        << e.what();
    const Error& base = e;
    EXPECT_EQ(dynamic_cast<const UsageError*>(&base), nullptr);
    EXPECT_EQ(dynamic_cast<const DatabaseError*>(&base), nullptr);
}

TEST(ApiErrors, InputErrorFormatsFileAndLine) {
    InputError with_line("feed.jsonl", 7, "malformed JSON");
    EXPECT_STREQ(with_line.what(), "feed.jsonl:7: malformed JSON");
    EXPECT_EQ(with_line.file(), "feed.jsonl");
    EXPECT_EQ(with_line.line(), 7u);
    InputError without_line("a.txt", 0, "empty file");
    EXPECT_STREQ(without_line.what(), "a.txt: empty file");
}
