// Golden tests of what an index stores: an index written by this build must be read the same
// by the next one. Every expected value below is a literal, computed once from the code of
// commit 0fb5786 (index format 1, document layout 3, version 0.1.0) or, for what layout 4
// added (the organization facet: XG terms, slot 10, the data's organisations and the content
// hashes), of the commit that added it, and pasted here; none is derived from the code under test.
//
// A change here breaks existing indexes; bump the format/document_layout instead.
// (index_format_version makes old indexes refuse to open; document_layout and the version are
// in the content hash, so an incremental run re-indexes every article once.)
#include <gtest/gtest.h>

#include <fstream>
#include <initializer_list>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <newsfacet/article.hpp>
#include <newsfacet/facets.hpp>
#include <newsfacet/index.hpp>
#include <newsfacet/ingest.hpp>
#include <newsfacet/json.hpp>
#include <newsfacet/shards.hpp>
#include <newsfacet/version.hpp>

#include "store/document.hpp"
#include "store/incremental.hpp"
#include "store/schema.hpp"
#include "temp_dir.hpp"
#include "text/dates.hpp"
#include "text/near_duplicate.hpp"

using namespace newsfacet::detail;
using newsfacet::testing::TempDir;

namespace {

/// A string of the given bytes (literal strings with "\x.." escapes run into following hex digits).
std::string bytes(std::initializer_list<unsigned> values) {
    std::string out;
    for (unsigned v : values) out.push_back(static_cast<char>(v));
    return out;
}

/// `text` with bytes outside printable ASCII as \xNN, for readable failure messages.
std::string escaped(const std::string& text) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : text) {
        if (c >= 0x20 && c < 0x7f && c != '\\') {
            out.push_back(static_cast<char>(c));
        } else {
            out += "\\x";
            out.push_back(digits[c >> 4]);
            out.push_back(digits[c & 0xF]);
        }
    }
    return out;
}

/// The 8 bytes that end the date order keys of the id "nf-golden-1".
const std::string newest_tail = bytes({0x50, 0xf6, 0x79, 0x4a, 0x18, 0xc4, 0x83, 0x6c});
const std::string oldest_tail = bytes({0xaf, 0x09, 0x86, 0xb5, 0xe7, 0x3b, 0x7c, 0x93});

/// A 230-byte text: over the 200 bytes that bounded_term keeps as they are.
const std::string long_text = "nf-" + std::string(227, 'a');

/// The stored data of golden_article() with golden_tagging(): JSON, keys sorted, no spaces.
const std::string golden_data =
    R"({"body":"PARIS, March 5 (Meridian Wire) - France and Germany signed a grain deal in Paris on Tuesday.",)"
    R"("date":"2024-03-05","dateline":"PARIS, March 5",)"
    R"("facets":{"country":["France","Germany"],"location":["Paris"],"official":["Emmanuel Macron"],)"
    R"("organization":["European Union"]},)"
    R"("id":"nf-golden-1","officials":[{"country":"France","name":"Emmanuel Macron","role":"President"}],)"
    R"("organizations":[{"kind":"international body","name":"European Union"}],)"
    R"("source":"Meridian Wire","title":"Grain deal signed","url":"https://example.com/grain"})";

/// The same as document layout 3 (commit 0fb5786) stored it: no organisations.
const std::string golden_data_layout_3 =
    R"({"body":"PARIS, March 5 (Meridian Wire) - France and Germany signed a grain deal in Paris on Tuesday.",)"
    R"("date":"2024-03-05","dateline":"PARIS, March 5",)"
    R"("facets":{"country":["France","Germany"],"location":["Paris"],"official":["Emmanuel Macron"]},)"
    R"("id":"nf-golden-1","officials":[{"country":"France","name":"Emmanuel Macron","role":"President"}],)"
    R"("source":"Meridian Wire","title":"Grain deal signed","url":"https://example.com/grain"})";

newsfacet::Article golden_article() {
    return {"nf-golden-1",
            "Grain deal signed",
            "PARIS, March 5 (Meridian Wire) - France and Germany signed a grain deal in Paris on Tuesday.",
            "2024-03-05",
            "PARIS, March 5",
            "Meridian Wire",
            "https://example.com/grain",
            ""};
}

newsfacet::Tagging golden_tagging() {
    newsfacet::Tagging tagging;
    tagging.facets.country = {"France", "Germany"};
    tagging.facets.official = {"Emmanuel Macron"};
    tagging.facets.location = {"Paris"};
    tagging.facets.organization = {"European Union"};
    tagging.officials = {{"Emmanuel Macron", "President", "France"}};
    tagging.organizations = {{"European Union", "international body"}};
    return tagging;
}

/// Every field of an article, in declaration order.
std::vector<std::string> fields(const newsfacet::Article& a) {
    return {a.id, a.title, a.body, a.date, a.dateline, a.source, a.url, a.language};
}

/// The document the index stores for the golden article, read back from disk.
Xapian::Document stored_golden_document(const TempDir& dir) {
    {
        auto index = newsfacet::Index::create_or_open(dir / "db");
        index.add(golden_article(), golden_tagging());
        index.commit();
    }
    Xapian::Database db((dir / "db").string());
    auto posting = db.postlist_begin("Qnf-golden-1");
    EXPECT_NE(posting, db.postlist_end("Qnf-golden-1"));
    return db.get_document(*posting);
}

/// Every term of `doc` as "term:wdf" (positions, if any, after '@'), space-separated.
std::string term_list(const Xapian::Document& doc) {
    std::string out;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        if (!out.empty()) out += ' ';
        out += *t + ":" + std::to_string(t.get_wdf());
        std::string separator = "@";
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
            out += separator + std::to_string(*p);
            separator = ",";
        }
    }
    return out;
}

}  // namespace

// Ids and file paths up to 200 bytes are stored as they are, longer ones bounded (Xapian's
// terms stop at 245 bytes): incremental runs, --delete and --prune find stored articles by
// these terms.
TEST(StoredFormatTerms, LongIdTermIsHeadHashAndLength) {
    EXPECT_EQ(id_term(std::string(200, 'b')), "Q" + std::string(200, 'b'));
    EXPECT_EQ(id_term(long_text), "Qnf-" + std::string(157, 'a') + "#6073f034c0ed7163#230");
    EXPECT_EQ(bounded_term("XF", long_text), "XFnf-" + std::string(157, 'a') + "#6073f034c0ed7163#230");
}

TEST(StoredFormatTerms, FileTermIsXfAndTheAbsolutePath) {
    EXPECT_EQ(file_term("/newsfacet-golden/feeds/../news/wire.jsonl"), "XF/newsfacet-golden/news/wire.jsonl");
    EXPECT_EQ(file_term("/newsfacet-golden/news/"), "XF/newsfacet-golden/news");
    const std::string deep = "/newsfacet-golden/" + std::string(200, 'd') + "/feed.jsonl";  // 229 bytes
    EXPECT_EQ(file_term(deep), "XF/newsfacet-golden/" + std::string(142, 'd') + "#a2e0a6140d5070ae#229");
}

TEST(StoredFormatTerms, FilterTermsArePrefixAndFoldedValue) {
    EXPECT_EQ(filter_term("XC", "Côte d'Ivoire"), "XCcote d'ivoire");
    EXPECT_EQ(filter_term("XO", "  Volodymyr   ZELENSKY "), "XOvolodymyr zelensky");
    EXPECT_EQ(filter_term("XL", "São Paulo"), "XLsao paulo");
    EXPECT_EQ(filter_term("XS", "Meridian Wire"), "XSmeridian wire");
    // Cut at 240 bytes.
    EXPECT_EQ(filter_term("XL", std::string(300, 'z')), "XL" + std::string(238, 'z'));
    EXPECT_EQ(facet_prefix(newsfacet::Facet::country), "XC");
    EXPECT_EQ(facet_prefix(newsfacet::Facet::official), "XO");
    EXPECT_EQ(facet_prefix(newsfacet::Facet::location), "XL");
    EXPECT_EQ(facet_prefix(newsfacet::Facet::organization), "XG");
    EXPECT_EQ(filter_term("XG", "Organisation for Economic Co-operation"), "XGorganisation for economic co-operation");
    EXPECT_EQ(copy_term("mae6723873710d3"), "XDmae6723873710d3");
}

// Slot 0 (date filters and ranges) and slots 8/9 (sorting by date, ties by the id's hash).
TEST(StoredFormatDates, DateSlotKey) {
    EXPECT_EQ(date_key("2024-03-05", false), "2024-03-05T00:00:00Z");
    EXPECT_EQ(date_key("2024-03-05", true), "2024-03-05T23:59:59Z");
    EXPECT_EQ(date_key("2024-03-05T14:30:00Z", false), "2024-03-05T14:30:00Z");
}

TEST(StoredFormatDates, DateOrderKeys) {
    const std::string date = "2024-03-05T00:00:00Z";
    // FNV-1a of "nf-golden-1" is 0xaf0986b5e73b7c93: as it is for oldest first, complemented for
    // newest first.
    EXPECT_EQ(escaped(date_order_key(date, "nf-golden-1", true)), escaped(date + newest_tail));
    EXPECT_EQ(escaped(date_order_key(date, "nf-golden-1", false)), escaped(date + oldest_tail));
    // Undated articles sort last both ways.
    EXPECT_EQ(escaped(date_order_key("", "nf-golden-1", true)), escaped("\x01" + newest_tail));
    EXPECT_EQ(escaped(date_order_key("", "nf-golden-1", false)), escaped("\xff" + oldest_tail));
}

// The hash that tells an unchanged article on an incremental run. It covers the version on
// purpose (a release re-tags every article once): recompute these two literals when the
// version changes, and only then.
TEST(StoredFormatContentHash, SixteenHexDigitsOfAFixedArticle) {
    ASSERT_EQ(newsfacet::version_string, "0.1.0") << "a new release: recompute the content hashes below";
    ASSERT_EQ(newsfacet::index_format_version, 1);
    ASSERT_EQ(document_layout, 4);
    EXPECT_EQ(content_hash(golden_article()), "47f0bc14eca42818");
    EXPECT_EQ(content_hash(golden_article(), "XF/newsfacet-golden/news/wire.jsonl"), "5b19d9bb6312cd89");
    // A language, once known, is part of the content (a re-read that learns it re-indexes).
    auto with_language = golden_article();
    with_language.language = "fr";
    EXPECT_NE(content_hash(with_language), content_hash(golden_article()));
    // What layout 3 (commit 0fb5786) stored: an index it wrote hashes differently now, so its
    // articles are re-indexed once (StoredFormatUpgrade below).
    EXPECT_EQ(content_hash(golden_article(), "", 3), "18382dfc4170eab7");
    EXPECT_EQ(content_hash(golden_article(), "XF/newsfacet-golden/news/wire.jsonl", 3), "90429a51bf7bac5e");
}

// (near_duplicate_test pins more keys, of both kinds.)
TEST(StoredFormatNearDuplicate, KeyOfAFixedBody) {
    EXPECT_EQ(near_duplicate_key(golden_article().body), "xcdb05e3a9527d9");
}

TEST(StoredFormatSlots, MultiValuedSlotsJoinWithUnitSeparator) {
    std::vector<std::string> values;
    for_each_value("France\x1fGermany\x1f" "C\xC3\xB4te d'Ivoire", [&](std::string_view v) { values.emplace_back(v); });
    EXPECT_EQ(values, (std::vector<std::string>{"France", "Germany", "C\xC3\xB4te d'Ivoire"}));
}

// The whole document of one article as it lands on disk: terms (with wdf and positions),
// value slots by number, and the stored data.
TEST(StoredFormatDocument, TermsOfAStoredArticle) {
    TempDir dir;
    const auto doc = stored_golden_document(dir);
    // Title words at positions 1-3, again with "S" at 4-6; the body from 107 (100 past them),
    // its first 40 words (the lead) counted once more; "Z" stems; boolean terms with wdf 0.
    EXPECT_EQ(term_list(doc),
              "5:2@109 Qnf-golden-1:0 Sdeal:1@5 Sgrain:1@4 Ssigned:1@6 XCfrance:0 XCgermany:0 "
              "XDxcdb05e3a9527d9:0 XGeuropean union:0 XLparis:0 XOemmanuel macron:0 XSmeridian wire:0 ZSdeal:1 "
              "ZSgrain:1 ZSsign:1 Za:2 Zand:2 Zdeal:3 Zfranc:2 Zgermani:2 Zgrain:3 Zin:2 Zmarch:2 "
              "Zmeridian:2 Zon:2 Zpari:4 Zsign:3 Ztuesday:2 Zwire:2 a:2@116 and:2@113 deal:3@2,118 "
              "france:2@112 germany:2@114 grain:3@1,117 in:2@119 march:2@108 meridian:2@110 "
              "on:2@121 paris:4@107,120 signed:3@3,115 tuesday:2@122 wire:2@111");
}

TEST(StoredFormatDocument, ValueSlotsOfAStoredArticle) {
    TempDir dir;
    const auto doc = stored_golden_document(dir);
    std::map<Xapian::valueno, std::string> values;
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) values[v.get_valueno()] = escaped(*v);
    const std::map<Xapian::valueno, std::string> expected = {
        {0, "2024-03-05T00:00:00Z"},
        {1, escaped("France\x1f" "Germany")},
        {2, "Emmanuel Macron"},
        {3, "Paris"},
        {4, "Meridian Wire"},
        {5, "nf-golden-1"},
        {6, "xcdb05e3a9527d9"},
        {7, "47f0bc14eca42818"},
        {8, escaped("2024-03-05T00:00:00Z" + newest_tail)},
        {9, escaped("2024-03-05T00:00:00Z" + oldest_tail)},
        {10, "European Union"},
        {11, "2024-03"},
    };
    EXPECT_EQ(values, expected);
}

TEST(StoredFormatDocument, DataJsonOfAStoredArticle) {
    TempDir dir;
    const auto doc = stored_golden_document(dir);
    EXPECT_EQ(doc.get_data(), golden_data);
}

// The reading side: data as this build writes it is read back whole.
TEST(StoredFormatDocument, DataJsonWrittenTodayIsReadBack) {
    Xapian::Document doc;
    doc.set_data(golden_data);
    const auto stored = read_document(doc);
    EXPECT_EQ(fields(stored.article), fields(golden_article()));
    const auto tagging = golden_tagging();
    for (auto facet : newsfacet::all_facets) EXPECT_EQ(stored.facets[facet], tagging.facets[facet]);
    ASSERT_EQ(stored.officials.size(), 1u);
    const auto& official = stored.officials[0];
    EXPECT_EQ((std::vector<std::string>{official.name, official.role, official.country}),
              (std::vector<std::string>{"Emmanuel Macron", "President", "France"}));
    ASSERT_EQ(stored.organizations.size(), 1u);
    EXPECT_EQ((std::vector<std::string>{stored.organizations[0].name, stored.organizations[0].kind}),
              (std::vector<std::string>{"European Union", "international body"}));
}

// A known language is stored under its key; an unknown one is not stored at all, so the data
// of every article without one is what it was before the field existed (golden_data above).
TEST(StoredFormatDocument, LanguageIsStoredOnlyWhenKnown) {
    auto article = golden_article();
    article.language = "pt-BR";
    Xapian::TermGenerator generator;
    const auto data = make_document(article, golden_tagging(), generator).get_data();
    auto expected = golden_data;
    expected.insert(expected.find(R"("officials")"), R"("language":"pt-BR",)");
    EXPECT_EQ(data, expected);
    Xapian::Document doc;
    doc.set_data(data);
    EXPECT_EQ(read_document(doc).article.language, "pt-BR");
}

// Data written by document layout 3, before organisations: read with none.
TEST(StoredFormatDocument, DataJsonOfLayout3IsReadWithoutOrganizations) {
    Xapian::Document doc;
    doc.set_data(golden_data_layout_3);
    const auto stored = read_document(doc);
    EXPECT_EQ(fields(stored.article), fields(golden_article()));
    EXPECT_EQ(stored.facets.country, (std::vector<std::string>{"France", "Germany"}));
    EXPECT_TRUE(stored.facets.organization.empty());
    EXPECT_TRUE(stored.organizations.empty());
    ASSERT_EQ(stored.officials.size(), 1u);
}

TEST(StoredFormatIndex, FormatMetadata) {
    TempDir dir;
    { auto index = newsfacet::Index::create_or_open(dir / "db"); }
    Xapian::Database db((dir / "db").string());
    EXPECT_EQ(db.get_metadata("newsfacet:format"), "1");
    auto keys = db.metadata_keys_begin();
    ASSERT_NE(keys, db.metadata_keys_end());
    EXPECT_EQ(*keys, "newsfacet:format");
    EXPECT_EQ(++keys, db.metadata_keys_end()) << "metadata beyond the format";
}

namespace {

// Turns the stored document of `id` into what document layout 3 wrote for the same article:
// no XG terms, no slot 10, no organisations in the data, and layout 3's content hash.
void downgrade_to_layout_3(const std::filesystem::path& db_path, const std::string& id,
                           const std::string& file_term_of_article) {
    Xapian::WritableDatabase db(db_path.string(), Xapian::DB_OPEN);
    auto posting = db.postlist_begin(id_term(id));
    ASSERT_NE(posting, db.postlist_end(id_term(id)));
    auto doc = db.get_document(*posting);
    std::vector<std::string> organization_terms;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        if (std::string(*t).starts_with(prefix_organization)) organization_terms.push_back(*t);
    }
    for (const auto& t : organization_terms) doc.remove_term(t);
    if (!doc.get_value(slot_organization).empty()) doc.remove_value(slot_organization);
    auto data = nlohmann::json::parse(doc.get_data());
    data["facets"].erase("organization");
    data.erase("organizations");
    doc.set_data(data.dump());
    doc.add_value(slot_content, content_hash(read_document(doc).article, file_term_of_article, 3));
    db.replace_document(*posting, doc);
    db.commit();
}

}  // namespace

// An index written by document layout 3 gains the organization facet: the next incremental
// run re-indexes each article once (the content hash covers the layout), then skips it again.
TEST(StoredFormatUpgrade, ArticlesOfLayout3AreReindexedOnceByTheNextRun) {
    TempDir dir;
    auto article = golden_article();
    article.body += " The European Union welcomed the deal.";
    dir.write("news/wire.jsonl", newsfacet::to_json(article) + "\n");
    const auto db_path = dir / "db";
    {
        auto index = newsfacet::Index::create_or_open(db_path);
        ASSERT_EQ(newsfacet::ingest(index, {dir / "news"}).added, 1u);
    }
    const std::string file = file_term(dir / "news" / "wire.jsonl");
    downgrade_to_layout_3(db_path, article.id, file);
    {
        Xapian::Database db(db_path.string());
        auto doc = db.get_document(*db.postlist_begin(id_term(article.id)));
        ASSERT_EQ(doc.get_data().find("organizations"), std::string::npos);
    }

    auto index = newsfacet::Index::open(db_path);
    auto upgrade = newsfacet::ingest(index, {dir / "news"});
    EXPECT_EQ(upgrade.replaced, 1u);
    EXPECT_EQ(upgrade.unchanged, 0u);
    {
        Xapian::Database db(db_path.string());
        auto doc = db.get_document(*db.postlist_begin(id_term(article.id)));
        EXPECT_EQ(doc.get_value(slot_content), content_hash(article, file));
        auto data = nlohmann::json::parse(doc.get_data());
        EXPECT_TRUE(data.contains("organizations")) << doc.get_data();
        EXPECT_TRUE(data["facets"].contains("organization")) << doc.get_data();
    }
    auto again = newsfacet::ingest(index, {dir / "news"});
    EXPECT_EQ(again.unchanged, 1u);
    EXPECT_EQ(again.replaced, 0u);
}

// A sharded index: its stub file (read by Xapian and by shard_count) and the shard each id
// goes to (an incremental run looks an article up in that shard only).
TEST(StoredFormatShards, StubFileOfAShardedIndex) {
    TempDir dir;
    dir.write("news/a.txt", "Grain\n\nA story about grain.\n");
    newsfacet::ingest_sharded(dir / "sharded", 3, {dir / "news"});
    std::ifstream in(dir / "sharded" / "XAPIANDB", std::ios::binary);
    const std::string stub{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    EXPECT_EQ(stub, "auto shard-0\nauto shard-1\nauto shard-2\n");
}

TEST(StoredFormatShards, StubWrittenTodayIsRead) {
    TempDir dir;
    dir.write("sharded/XAPIANDB", "auto shard-0\nauto shard-1\n");
    EXPECT_EQ(newsfacet::shard_count(dir / "sharded"), 2u);
    EXPECT_EQ(newsfacet::shard_path(dir / "sharded", 1), dir / "sharded" / "shard-1");
}

TEST(StoredFormatShards, ShardOfAnId) {
    EXPECT_EQ(newsfacet::shard_for_id("nf-golden-1", 2), 1u);
    EXPECT_EQ(newsfacet::shard_for_id("nf-golden-1", 3), 1u);
    EXPECT_EQ(newsfacet::shard_for_id("nf-golden-1", 7), 5u);
    EXPECT_EQ(newsfacet::shard_for_id(long_text, 7), 5u);
}
