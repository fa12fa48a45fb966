// Sharded indexing (one reader, each article handed to its shard) against one index, document
// by document: every term with its wdf and positions, every value slot and the data.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include <newsfacet/index.hpp>
#include <newsfacet/ingest.hpp>
#include <newsfacet/shards.hpp>

#include "corpus.hpp"
#include "store/schema.hpp"
#include "temp_dir.hpp"

using newsfacet::testing::TempDir;
namespace fs = std::filesystem;

namespace {

// Everything a document holds, comparable.
struct Stored {
    std::map<std::string, std::pair<Xapian::termcount, std::vector<Xapian::termpos>>> terms;
    std::map<Xapian::valueno, std::string> values;
    std::string data;
    bool operator==(const Stored&) const = default;
};

// The documents of the database at `path` (an index, or a sharded one through its stub), by id.
std::map<std::string, Stored> documents(const fs::path& path) {
    Xapian::Database db(path.string());
    std::map<std::string, Stored> out;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const auto doc = db.get_document(*it);
        Stored stored;
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            std::vector<Xapian::termpos> positions(t.positionlist_begin(), t.positionlist_end());
            stored.terms[*t] = {t.get_wdf(), positions};
        }
        for (auto v = doc.values_begin(); v != doc.values_end(); ++v) stored.values[v.get_valueno()] = *v;
        stored.data = doc.get_data();
        out[doc.get_value(newsfacet::detail::slot_id)] = std::move(stored);
    }
    return out;
}

void expect_same_documents(const fs::path& one, const fs::path& sharded) {
    const auto expected = documents(one);
    const auto actual = documents(sharded);
    ASSERT_EQ(expected.size(), actual.size());
    for (const auto& [id, stored] : expected) {
        auto found = actual.find(id);
        ASSERT_NE(found, actual.end()) << id;
        EXPECT_EQ(stored.terms, found->second.terms) << id;
        EXPECT_EQ(stored.values, found->second.values) << id;
        EXPECT_EQ(stored.data, found->second.data) << id;
    }
}

}  // namespace

TEST(ShardedIngest, EachShardStoresWhatOneIndexStoresOfItsArticles) {
    TempDir dir;
    const fs::path corpus = NEWSFACET_CORPUS_DIR;
    auto index = newsfacet::Index::create_or_open(dir / "one");
    const auto one = newsfacet::ingest(index, {corpus});
    const auto two = newsfacet::ingest_sharded(dir / "two", 2, {corpus});
    EXPECT_EQ(one.added, newsfacet::testing::corpus_articles);
    EXPECT_EQ(two.added, one.added);
    EXPECT_EQ(two.bytes, one.bytes);
    EXPECT_EQ(two.input_bytes, one.input_bytes);
    EXPECT_EQ(two.warnings, one.warnings);
    expect_same_documents(dir / "one", dir / "two");

    // Each article in the shard its id hashes to.
    for (unsigned k = 0; k < 2; ++k) {
        Xapian::Database shard(newsfacet::shard_path(dir / "two", k).string());
        EXPECT_GT(shard.get_doccount(), 0u) << k;
        for (auto it = shard.postlist_begin(""); it != shard.postlist_end(""); ++it) {
            const auto id = shard.get_document(*it).get_value(newsfacet::detail::slot_id);
            EXPECT_EQ(newsfacet::shard_for_id(id, 2), k) << id;
        }
    }
}

// One thread, as --threads 1 asks: each shard prepares and stores on its own thread.
TEST(ShardedIngest, OneThreadPerShardStoresTheSame) {
    TempDir dir;
    const fs::path corpus = NEWSFACET_CORPUS_DIR;
    auto index = newsfacet::Index::create_or_open(dir / "one");
    (void)newsfacet::ingest(index, {corpus});
    newsfacet::IngestOptions options;
    options.threads = 1;
    options.commit_every = 7;  // several batches per shard
    const auto three = newsfacet::ingest_sharded(dir / "three", 3, {corpus}, {}, options);
    EXPECT_EQ(three.added, newsfacet::testing::corpus_articles);
    expect_same_documents(dir / "one", dir / "three");
}
