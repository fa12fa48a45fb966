#include <gtest/gtest.h>

#include <fstream>

#include <xapian.h>

#include <newsfacet/error.hpp>
#include <newsfacet/index.hpp>
#include <newsfacet/searcher.hpp>

#include "store/database.hpp"
#include "store/schema.hpp"
#include "store/stub.hpp"
#include "text/term_stats.hpp"
#include "temp_dir.hpp"

using newsfacet::testing::TempDir;

TEST(DatabaseFormat, NewIndexRecordsTheFormatVersion) {
    TempDir dir;
    { auto index = newsfacet::Index::create_or_open(dir / "db"); }
    Xapian::Database db((dir / "db").string());
    EXPECT_EQ(db.get_metadata(std::string(newsfacet::detail::meta_format)),
              std::to_string(newsfacet::index_format_version));
}

TEST(DatabaseFormat, OtherVersionsAreRefusedWithAClearMessage) {
    TempDir dir;
    { auto index = newsfacet::Index::create_or_open(dir / "db"); }
    for (const char* version : {"999", "0"}) {
        {
            Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_OPEN);
            db.set_metadata(std::string(newsfacet::detail::meta_format), version);
            db.commit();
        }
        try {
            newsfacet::Searcher searcher(dir / "db");
            FAIL() << "opened an index of format " << version;
        } catch (const newsfacet::FormatVersionError& e) {
            std::string msg = e.what();
            EXPECT_NE(msg.find(std::string("format version ") + version), std::string::npos) << msg;
            EXPECT_NE(msg.find(version[0] == '9' ? "newer" : "older"), std::string::npos) << msg;
        }
        EXPECT_THROW((void)newsfacet::Index::open(dir / "db"), newsfacet::FormatVersionError);
    }
}

TEST(DatabaseFormat, PlainXapianDatabaseIsNotAnIndex) {
    TempDir dir;
    {
        Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
        Xapian::Document doc;
        doc.add_term("hello");
        db.add_document(doc);
        db.commit();
    }
    EXPECT_THROW(newsfacet::Searcher{dir / "db"}, newsfacet::IndexNotFoundError);
    EXPECT_THROW((void)newsfacet::Index::create_or_open(dir / "db"), newsfacet::IndexNotFoundError);
}

TEST(DatabaseOpen, FilesAndForeignDirectoriesAreRefused) {
    TempDir dir;
    auto file = dir.write("notes.txt", "hello");
    EXPECT_THROW((void)newsfacet::Index::create_or_open(file), newsfacet::IndexNotFoundError);
    dir.write("photos/a.jpg", "x");
    EXPECT_THROW((void)newsfacet::Index::create_or_open(dir / "photos"), newsfacet::IndexNotFoundError);
    EXPECT_THROW((void)newsfacet::Index::open(dir / "missing"), newsfacet::IndexNotFoundError);
}

TEST(DatabaseLock, SecondWriterGetsIndexLockedError) {
    TempDir dir;
    auto first = newsfacet::Index::create_or_open(dir / "db");
    try {
        (void)newsfacet::Index::open(dir / "db");
        FAIL() << "second writer opened the index";
    } catch (const newsfacet::IndexLockedError& e) {
        EXPECT_NE(std::string(e.what()).find("locked by another indexer"), std::string::npos);
    }
}

// Xapian's logic errors (InvalidArgumentError, ...) mean newsfacet called it wrongly: an
// internal error, reported as a runtime error by the tools, never as the user's usage error.
TEST(ErrorTranslation, XapianLogicErrorsAreInternalErrorsNotUsageErrors) {
    const Xapian::InvalidArgumentError invalid_argument("Term too long (> 245)");
    const Xapian::InvalidOperationError invalid_operation("not for several shards");
    for (const Xapian::Error* error : {static_cast<const Xapian::Error*>(&invalid_argument),
                                       static_cast<const Xapian::Error*>(&invalid_operation)}) {
        try {
            newsfacet::detail::rethrow(*error, "/srv/news.db");
            FAIL() << "rethrow returned";
        } catch (const newsfacet::UsageError& e) {
            ADD_FAILURE() << "a usage error: " << e.what();
        } catch (const newsfacet::Error& e) {
            const std::string message = e.what();
            EXPECT_NE(message.find(error->get_msg()), std::string::npos) << message;
            EXPECT_NE(message.find("/srv/news.db"), std::string::npos) << message;
            EXPECT_NE(message.find("internal error"), std::string::npos) << message;
        }
    }
}

TEST(ErrorTranslation, TranslateErrorsKeepsXapiansMessageAndNamesTheContext) {
    using newsfacet::detail::translate_errors;
    EXPECT_EQ(translate_errors("db", [] { return 42; }), 42);
    try {
        (void)translate_errors("/srv/news.db", []() -> int { throw Xapian::DatabaseCorruptError("bad block 7"); });
        FAIL() << "nothing thrown";
    } catch (const newsfacet::DatabaseError& e) {
        EXPECT_EQ(std::string(e.what()), "/srv/news.db: bad block 7 (DatabaseCorruptError)");
    }
    // A context built only on failure; newsfacet's own errors pass unchanged.
    int built = 0;
    auto context = [&] {
        ++built;
        return std::string("query 'a'");
    };
    EXPECT_THROW(translate_errors(context, [] { throw Xapian::QueryParserError("syntax"); }), newsfacet::QueryError);
    EXPECT_EQ(built, 1);
    EXPECT_THROW(translate_errors(context, [] { throw newsfacet::IndexLockedError("locked"); }),
                 newsfacet::IndexLockedError);
    EXPECT_NO_THROW(translate_errors(context, [] {}));
    EXPECT_EQ(built, 1);
    EXPECT_THROW(translate_errors("db", [] { throw Xapian::DatabaseOpeningError("no such database"); }),
                 newsfacet::IndexNotFoundError);
}

namespace {

// An index of `n` articles with ids PREFIX-0 ... at `path`.
void small_index(const std::filesystem::path& path, const std::string& prefix, int n) {
    auto index = newsfacet::Index::create_or_open(path);
    for (int i = 0; i < n; ++i) {
        newsfacet::Article article;
        article.id = prefix + "-" + std::to_string(i);
        article.title = "Report " + article.id;
        article.body = "A report about the harbour.";
        (void)index.add(article);
    }
    index.commit();
}

void write_file(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

}  // namespace

TEST(DatabaseOpen, LocalShardsAreOpenedOneByOneInXapiansOrder) {
    TempDir dir;
    small_index(dir / "a", "a", 3);
    small_index(dir / "b", "b", 2);
    small_index(dir / "nested" / "c", "c", 4);
    write_file(dir / "nested" / "XAPIANDB", "auto c\n");
    // Comments and blank lines list nothing; a nested stub adds its own databases.
    write_file(dir / "all" / "XAPIANDB", "# three shards\nauto " + (dir / "a").string() + "\n\nauto ../b\nauto ../nested\n");
    const auto opened = newsfacet::detail::open_shards_for_reading(dir / "all");
    ASSERT_EQ(opened.shards.size(), 3u);
    EXPECT_EQ(opened.db.get_doccount(), 9u);
    // Document d of shard k of n is (d - 1) * n + k + 1 in the database of all shards:
    // what counting shard by shard relies on.
    const unsigned n = 3;
    for (unsigned k = 0; k < n; ++k) {
        const auto& shard = opened.shards[k];
        for (Xapian::docid d = 1; d <= shard.get_lastdocid(); ++d) {
            EXPECT_EQ(opened.db.get_document((d - 1) * n + k + 1).get_value(newsfacet::detail::slot_id),
                      shard.get_document(d).get_value(newsfacet::detail::slot_id))
                << k << " " << d;
        }
    }
}

TEST(DatabaseOpen, OneDatabaseOrAnyRemoteShardIsNotOpenedShardByShard) {
    TempDir dir;
    small_index(dir / "a", "a", 2);
    EXPECT_TRUE(newsfacet::detail::open_shards_for_reading(dir / "a").shards.empty());
    write_file(dir / "one.stub", "auto a\n");
    auto one = newsfacet::detail::open_shards_for_reading(dir / "one.stub");
    EXPECT_TRUE(one.shards.empty());
    EXPECT_EQ(one.db.get_doccount(), 2u);
    // A remote shard: never counted shard by shard (here it fails to connect).
    write_file(dir / "mixed.stub", "auto a\nremote 127.0.0.1:1\n");
    EXPECT_ANY_THROW((void)newsfacet::detail::open_shards_for_reading(dir / "mixed.stub"));
    write_file(dir / "missing.stub", "auto a\nauto nothing-here\n");
    EXPECT_THROW((void)newsfacet::detail::open_shards_for_reading(dir / "missing.stub"),
                 newsfacet::IndexNotFoundError);
}

TEST(DatabaseOpen, RemoteStubLinesOverTcpAreReadForOpeningOneByOne) {
    TempDir dir;
    write_file(dir / "remote.stub", "remote 127.0.0.1:33401\nremote shard.example:7\nremote :xapian-progsrv db\n"
                                    "remote ::1:5\nremote host:port\nremote host:0\nremote host:70000\n");
    const auto lines = newsfacet::detail::read_stub(dir / "remote.stub");
    ASSERT_EQ(lines.size(), 7u);
    for (const auto& line : lines) EXPECT_EQ(line.kind, newsfacet::detail::StubLine::Kind::remote);
    EXPECT_EQ(lines[0].host, "127.0.0.1");
    EXPECT_EQ(lines[0].port, 33401u);
    EXPECT_EQ(lines[1].host, "shard.example");
    EXPECT_EQ(lines[1].port, 7u);
    // A program, an IPv6 address and ports that are none: left to Xapian.
    for (std::size_t i = 2; i < lines.size(); ++i) EXPECT_TRUE(lines[i].host.empty()) << i;
}

TEST(TermStats, LooksEachTermUpOnceAndNotesWhatASearchAsks) {
    TempDir dir;
    small_index(dir / "a", "a", 3);
    Xapian::Database db((dir / "a").string());
    newsfacet::detail::TermStats stats(db);
    const std::string harbour = "Zharbour";
    ASSERT_EQ(db.get_termfreq(harbour), 3u);
    // Noting: every term not known is answered as held by one article, and noted once.
    stats.start_noting();
    EXPECT_EQ(stats.termfreq(harbour), 1u);
    EXPECT_EQ(stats.termfreq("Znothing"), 1u);
    EXPECT_EQ(stats.termfreq(harbour), 1u);
    EXPECT_EQ(stats.stop_noting(), (std::vector<std::string>{harbour, "Znothing"}));
    // After noting, what was noted is looked up for real.
    EXPECT_EQ(stats.termfreq(harbour), 3u);
    EXPECT_FALSE(stats.exists("Znothing"));
    // What is learnt is believed; a term looked up is not noted again.
    stats.learn("Zship", 7);
    stats.start_noting();
    EXPECT_EQ(stats.termfreq("Zship"), 7u);
    EXPECT_EQ(stats.termfreq(harbour), 3u);
    EXPECT_TRUE(stats.stop_noting().empty());
    EXPECT_EQ(stats.doccount(), 3u);
}
