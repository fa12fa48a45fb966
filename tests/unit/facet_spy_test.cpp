// Facet, month and near-duplicate group counts: the same from the value streams, from the
// in-memory columns and by reading every matching document, whatever the match.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include <newsfacet/facets.hpp>

#include "search/facet_columns.hpp"
#include "search/facet_spy.hpp"
#include "search/match_counts.hpp"
#include "store/schema.hpp"
#include "temp_dir.hpp"

namespace nd = newsfacet::detail;
using newsfacet::Facet;
using newsfacet::FacetCount;

namespace {

constexpr int term_count = 6;

// Documents with random facet values (0-3 per facet), dates, near-duplicate keys (shared by
// a few, absent from some) and terms t0..t5; some deleted, so docids have gaps. Each in
// `with_month` of 4 has slot_month, as documents written since it exists do. std::mt19937's
// output is fixed by the standard; its distributions are not, so they are not used.
void build(const std::filesystem::path& path, std::uint32_t seed, unsigned with_month = 4) {
    std::mt19937 random(seed);
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    for (int i = 0; i < 400; ++i) {
        Xapian::Document doc;
        for (auto facet : newsfacet::all_facets) {
            std::string joined;
            for (auto n = random() % 4; n > 0; --n) {
                if (!joined.empty()) joined += nd::value_separator;
                joined += std::string(newsfacet::facet_name(facet)) + std::to_string(random() % 9);
            }
            if (!joined.empty()) doc.add_value(nd::facet_slot(facet), joined);
        }
        if (random() % 5 != 0) doc.add_value(nd::slot_date, "20" + std::to_string(10 + random() % 3) + "-0" + std::to_string(1 + random() % 9) + "-01T00:00:00Z");
        if (random() % 4 < with_month) {
            const auto date = doc.get_value(nd::slot_date);
            doc.add_value(nd::slot_month, date.empty() ? std::string(nd::month_undated) : date.substr(0, 7));
        }
        if (random() % 4 != 0) {
            // Keys as near_duplicate_key makes them, and some of another form.
            auto n = static_cast<unsigned>(random() % 300);
            char key[16];
            std::snprintf(key, sizeof key, "%c%014x", n % 2 == 0 ? 'm' : 'x', n);
            doc.add_value(nd::slot_collapse, n % 5 == 0 ? "k" + std::to_string(n) : std::string(key));
        }
        for (int t = 0; t < term_count; ++t) {
            if (random() % 3 == 0) doc.add_boolean_term("t" + std::to_string(t));
        }
        doc.add_boolean_term("all");
        db.add_document(doc);
    }
    for (Xapian::docid d = 1; d <= 400; d += 7) db.delete_document(d);
    db.commit();
}

struct Expected {
    std::map<std::string, std::uint64_t> counts[newsfacet::all_facets.size()];
    std::map<std::string, std::uint64_t> months;
    std::map<std::string, std::uint64_t> copies;  // matches per near-duplicate key
    std::uint64_t groups = 0;
};

// By reading each matching document's values.
Expected brute_force(const Xapian::Database& db, const Xapian::Query& query) {
    Expected out;
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    std::set<std::string> keys;
    auto mset = enquire.get_mset(0, db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        auto doc = it.get_document();
        for (auto facet : newsfacet::all_facets) {
            std::string joined = doc.get_value(nd::facet_slot(facet));
            std::size_t from = 0;
            while (from < joined.size()) {
                auto end = joined.find(nd::value_separator, from);
                if (end == std::string::npos) end = joined.size();
                ++out.counts[static_cast<int>(facet)][joined.substr(from, end - from)];
                from = end + 1;
            }
        }
        auto date = doc.get_value(nd::slot_date);
        if (!date.empty()) ++out.months[date.substr(0, 7)];
        auto key = doc.get_value(nd::slot_collapse);
        if (!key.empty()) ++out.copies[key];
        if (key.empty()) {
            ++out.groups;
        } else if (keys.insert(key).second) {
            ++out.groups;
        }
    }
    return out;
}

std::map<std::string, std::uint64_t> as_map(const std::vector<FacetCount>& counts) {
    std::map<std::string, std::uint64_t> out;
    for (const auto& c : counts) out[c.value] = c.count;
    return out;
}

void expect_counts(const nd::FacetSpy& spy, const Expected& expected, std::uint64_t matches) {
    EXPECT_EQ(spy.matches(), matches);
    EXPECT_EQ(spy.groups(), expected.groups);
    EXPECT_EQ(as_map(spy.months()), expected.months);
    for (auto facet : newsfacet::all_facets) {
        EXPECT_EQ(as_map(spy.counts(facet, 1000)), expected.counts[static_cast<int>(facet)]) << newsfacet::facet_name(facet);
    }
}

std::vector<Xapian::Query> queries() {
    std::vector<Xapian::Query> out{Xapian::Query("all"), Xapian::Query("nothing")};
    for (int t = 0; t < term_count; ++t) out.emplace_back("t" + std::to_string(t));
    out.emplace_back(Xapian::Query::OP_AND, Xapian::Query("t0"), Xapian::Query("t1"));
    out.emplace_back(Xapian::Query::OP_AND, Xapian::Query("t2"), Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("t3"), Xapian::Query("t4")));
    return out;
}

}  // namespace

TEST(FacetSpy, StreamsColumnsAndDocumentsAgree) {
    newsfacet::testing::TempDir dir;
    for (std::uint32_t seed : {1U, 2U, 3U}) {
        build(dir / "db", seed);
        Xapian::Database db((dir / "db").string());
        auto columns = std::make_shared<const nd::FacetColumns>(nd::FacetColumns::read(db));
        for (const auto& query : queries()) {
            SCOPED_TRACE(query.get_description() + " seed " + std::to_string(seed));
            auto expected = brute_force(db, query);
            const nd::SpyCounts what{{newsfacet::all_facets.begin(), newsfacet::all_facets.end()}, true, true};
            nd::FacetSpy streams(db, what);
            nd::FacetSpy in_memory(db, what);
            Xapian::Enquire enquire(db);
            enquire.set_query(query);
            enquire.add_matchspy(&streams);
            enquire.add_matchspy(&in_memory);
            auto matches = enquire.get_mset(0, 0, db.get_doccount()).get_matches_lower_bound();
            in_memory.use(columns);
            expect_counts(streams, expected, matches);
            expect_counts(in_memory, expected, matches);
        }
    }
}

TEST(FacetSpy, CountsOnlyWhatItIsAsked) {
    newsfacet::testing::TempDir dir;
    build(dir / "db", 4);
    Xapian::Database db((dir / "db").string());
    nd::FacetSpy spy(db, {.facets = {Facet::official}});
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("all"));
    enquire.add_matchspy(&spy);
    (void)enquire.get_mset(0, 0, db.get_doccount());
    EXPECT_TRUE(spy.counts(Facet::country, 10).empty());
    EXPECT_FALSE(spy.counts(Facet::official, 10).empty());
    EXPECT_LE(spy.counts(Facet::official, 3).size(), 3U);
    EXPECT_TRUE(spy.months().empty());
}

TEST(FacetColumns, HoldEveryDocumentsValues) {
    newsfacet::testing::TempDir dir;
    build(dir / "db", 5);
    Xapian::Database db((dir / "db").string());
    auto columns = nd::FacetColumns::read(db);
    std::map<std::string, int> keys;
    for (auto it = db.valuestream_begin(nd::slot_collapse); it != db.valuestream_end(nd::slot_collapse); ++it) ++keys[*it];
    std::size_t shared = 0;
    for (const auto& [key, n] : keys) shared += n > 1 ? 1 : 0;
    EXPECT_EQ(columns.groups(), shared);
    std::map<std::uint32_t, std::string> key_of_group;
    for (Xapian::docid d = 1; d <= db.get_lastdocid() + 1; ++d) {
        const auto& column = columns.facet(Facet::location);
        std::string joined;
        if (d < column.offsets.size() - 1) {
            for (auto k = column.offsets[d]; k < column.offsets[d + 1]; ++k) {
                if (!joined.empty()) joined += nd::value_separator;
                joined += column.values[column.ids[k]];
            }
        }
        std::string stored;
        std::string key;
        try {
            stored = db.get_document(d).get_value(nd::slot_location);
            key = db.get_document(d).get_value(nd::slot_collapse);
        } catch (const Xapian::DocNotFoundError&) {
        }
        EXPECT_EQ(joined, stored) << "docid " << d;
        // A group for each key two articles share, and only for those.
        EXPECT_EQ(columns.group(d) == 0, key.empty() || keys[key] == 1) << "docid " << d;
        if (columns.group(d) != 0) {
            auto [it, added] = key_of_group.emplace(columns.group(d), key);
            EXPECT_EQ(it->second, key) << "docid " << d;
        }
    }
    EXPECT_EQ(nd::single_revision(db), db.get_revision());
}

// A server's searchers, each with its own database handle, share one copy of the columns per
// index revision; a new revision gets its own, never the old one's, and another index (same
// revision number) never gets this one's.
TEST(SharedColumns, OneCopyPerIndexRevision) {
    newsfacet::testing::TempDir dir;
    build(dir / "db", 5);
    build(dir / "other", 6);
    Xapian::Database first((dir / "db").string()), second((dir / "db").string()), other((dir / "other").string());
    const std::vector<Xapian::rev> revision{first.get_revision()};
    ASSERT_EQ(other.get_revision(), revision[0]);
    nd::SharedColumns shared;
    EXPECT_EQ(shared.get(first, revision, false), nullptr);  // nothing read yet
    const auto read = shared.get(first, revision, true);
    ASSERT_NE(read, nullptr);
    EXPECT_EQ(shared.get(second, revision, false), read);
    EXPECT_EQ(shared.get(second, revision, true), read);  // not read again
    EXPECT_EQ(shared.get(other, revision, false), nullptr);
    const auto others = shared.get(other, revision, true);
    EXPECT_NE(others, read);
    EXPECT_EQ(shared.get(first, revision, false), read);

    {
        Xapian::WritableDatabase writer((dir / "db").string());
        Xapian::Document doc;
        doc.add_value(nd::slot_date, "2031-07-01T00:00:00Z");
        writer.add_document(doc);
        writer.commit();
    }
    second.reopen();
    const std::vector<Xapian::rev> newer{second.get_revision()};
    ASSERT_GT(newer[0], revision[0]);
    EXPECT_EQ(shared.get(second, newer, false), nullptr);
    const auto reread = shared.get(second, newer, true);
    ASSERT_NE(reread, nullptr);
    EXPECT_NE(reread, read);
    EXPECT_EQ(reread->months()[reread->month(second.get_lastdocid())], "2031-07");
    EXPECT_EQ(read->month(second.get_lastdocid()), 0U);
    // A searcher still on the old revision keeps its own columns, not the newer ones.
    EXPECT_EQ(shared.get(first, revision, false), nullptr);
    EXPECT_NE(shared.get(first, revision, true), reread);
    EXPECT_EQ(shared.get(second, newer, false), reread);
}

TEST(SharedColumns, KeepNothingNoSearcherHolds) {
    newsfacet::testing::TempDir dir;
    build(dir / "db", 5);
    Xapian::Database db((dir / "db").string());
    nd::SharedColumns shared;
    const std::vector<Xapian::rev> revision{db.get_revision()};
    auto read = shared.get(db, revision, true);
    std::weak_ptr<const nd::FacetColumns> watch = read;
    read.reset();
    EXPECT_TRUE(watch.expired());
    EXPECT_EQ(shared.get(db, revision, false), nullptr);
}

// What stock xapian-tcpsrv can count for remote shards (Xapian's own value counting spies):
// the same counts as reading every matching document, whether every article has its month
// (slot_month) or only some (written before it existed: months are then counted by date).
TEST(MatchCounts, PortableCountsAgreeWithDocumentsWhetherOrNotArticlesHaveTheirMonth) {
    newsfacet::testing::TempDir dir;
    const nd::SpyCounts what{{newsfacet::all_facets.begin(), newsfacet::all_facets.end()}, true, true, false};
    for (unsigned with_month : {4U, 3U, 0U}) {
        build(dir / "db", 7, with_month);
        Xapian::Database db((dir / "db").string());
        for (const auto& query : queries()) {
            const auto expected = brute_force(db, query);
            const auto described = query.get_description() + " with_month " + std::to_string(with_month);
            nd::MatchCounts counted(db, what, true);
            counted.run(query);
            EXPECT_EQ(counted.groups(), expected.groups) << described;
            EXPECT_EQ(as_map(counted.months()), expected.months) << described;
            for (auto facet : newsfacet::all_facets) {
                EXPECT_EQ(as_map(counted.counts(facet, 1000)), expected.counts[static_cast<int>(facet)]) << described;
            }
            for (const auto& [key, n] : expected.copies) EXPECT_EQ(counted.copies(key), n > 1 ? n : 0) << key;
        }
    }
}
