// The near-duplicate key: stable, headline- and dateline-independent, tolerant of small edits
// (in the probabilistic sense of min-hashing), strict about figures.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include <newsfacet/article.hpp>
#include <newsfacet/facets.hpp>
#include <newsfacet/index.hpp>
#include <newsfacet/ingest.hpp>
#include <newsfacet/searcher.hpp>

#include "store/document.hpp"
#include "text/near_duplicate.hpp"
#include "store/schema.hpp"
#include "temp_dir.hpp"
#include "wire_copies.hpp"

using newsfacet::detail::dateline_length;
using newsfacet::detail::near_duplicate_key;

namespace {

const std::string story =
    "LONDON, March 3 (Reuters) - Dock workers at the port of Felixstowe will stage a 48-hour "
    "walkout next week over pay, their union said on Tuesday, after talks with the operator "
    "broke down. The union said the operator had offered a rise of 7 percent, below inflation, "
    "and that container traffic would be halted from Monday morning.";

// A deterministic word stream: std::mt19937's output is fixed by the standard (the
// distributions are not, so they are not used).
class Words {
public:
    explicit Words(std::uint32_t seed) : m_random(seed) {}
    std::string next() { return "w" + std::to_string(m_random() % 5000); }
    std::vector<std::string> many(std::size_t n) {
        std::vector<std::string> out;
        for (std::size_t i = 0; i < n; ++i) out.push_back(next());
        return out;
    }
    std::size_t below(std::size_t n) { return m_random() % n; }

private:
    std::mt19937 m_random;
};

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

}  // namespace

TEST(NearDuplicateKey, IsStableAcrossBuilds) {
    // Fixed values, checked against an independent implementation of the algorithm as
    // docs/DESIGN.md describes it. If they change, stored keys no longer match new ones and
    // copies indexed before and after the change stop collapsing together: change them only
    // with the algorithm, and say so (docs/DESIGN.md: re-index).
    EXPECT_EQ(near_duplicate_key(story), "mae6723873710d3");
    EXPECT_EQ(near_duplicate_key("Shr 34 cts vs 1.19 dlrs. Net 807,000 vs 2,858,000."), "x4f5a745901a185");
}

TEST(NearDuplicateKey, ShapeAndEmptyBodies) {
    EXPECT_EQ(near_duplicate_key(""), "");
    EXPECT_EQ(near_duplicate_key("  -- ... !!  "), "");
    auto long_key = near_duplicate_key(story);
    ASSERT_EQ(long_key.size(), 15u);
    EXPECT_EQ(long_key[0], 'm');
    auto short_key = near_duplicate_key("Talks resume on Monday.");
    ASSERT_EQ(short_key.size(), 15u);
    EXPECT_EQ(short_key[0], 'x');
}

TEST(NearDuplicateKey, NumbersAreOneToOne) {
    using newsfacet::detail::near_duplicate_number;
    EXPECT_EQ(near_duplicate_number("mae6723873710d3"), (std::uint64_t{1} << 56) | 0xae6723873710d3);
    EXPECT_EQ(near_duplicate_number("x4f5a745901a185"), std::uint64_t{0x4f5a745901a185});
    EXPECT_NE(near_duplicate_number("m4f5a745901a185"), near_duplicate_number("x4f5a745901a185"));
    EXPECT_EQ(near_duplicate_number("x00000000000000"), std::uint64_t{0});
    for (const char* other : {"", "m", "mae6723873710d", "mae6723873710d34", "qae6723873710d3", "mAE6723873710d3", "mae67238737 0d3"}) {
        EXPECT_EQ(near_duplicate_number(other), std::nullopt) << other;
    }
    Words words(7);
    std::set<std::uint64_t> numbers;
    std::set<std::string> keys;
    for (int i = 0; i < 300; ++i) {
        auto key = near_duplicate_key(join(words.many(i % 2 == 0 ? 10 : 60)));
        auto n = near_duplicate_number(key);
        ASSERT_TRUE(n) << key;
        keys.insert(key);
        numbers.insert(*n);
    }
    EXPECT_EQ(numbers.size(), keys.size());
}

TEST(NearDuplicateKey, IgnoresCasePunctuationAccentsAndLayout) {
    std::string shouted;
    for (char c : story) shouted.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c));
    EXPECT_EQ(near_duplicate_key(shouted), near_duplicate_key(story));
    std::string relaid = story;
    for (char& c : relaid) {
        if (c == ',') c = ';';
    }
    relaid.replace(relaid.find(" after"), 1, "\n\n");
    EXPECT_EQ(near_duplicate_key(relaid), near_duplicate_key(story));
    EXPECT_EQ(near_duplicate_key("Talks in Gdańsk resume, officials said."),
              near_duplicate_key("TALKS IN GDANSK RESUME: officials said!"));
}

TEST(NearDuplicateKey, SkipsTheWireDateline) {
    const std::string body = story.substr(story.find(" - ") + 3);
    const auto key = near_duplicate_key(body);
    EXPECT_EQ(near_duplicate_key("NEW YORK, March 4 - " + body), key);
    EXPECT_EQ(near_duplicate_key("(Reuters) - " + body), key);
    EXPECT_EQ(near_duplicate_key("FELIXSTOWE, England, March 3 (Harbour Times) \xE2\x80\x94 " + body), key);
    EXPECT_EQ(near_duplicate_key("  ZÜRICH -- " + body), key);
}

TEST(NearDuplicateKey, DatelineLength) {
    EXPECT_EQ(dateline_length("LONDON, March 3 (Reuters) - Dock workers"), 28u);
    EXPECT_EQ(dateline_length("(Reuters) - Dock workers"), 12u);
    EXPECT_EQ(dateline_length("\n ODESA, March 12 (Meridian Wire) - Grain"), 36u);
    // Not datelines: no all-caps opening word, a single capital, no dash on the first line, or
    // a dash too far in.
    EXPECT_EQ(dateline_length("Dock workers - at the port"), 0u);
    EXPECT_EQ(dateline_length("A - B"), 0u);
    EXPECT_EQ(dateline_length("LONDON, March 3\nDock workers - at the port"), 0u);
    EXPECT_EQ(dateline_length("LONDON " + std::string(120, 'x') + " - late"), 0u);
    EXPECT_EQ(dateline_length("LONDON one two three four five six seven eight nine ten eleven twelve - x"), 0u);
    EXPECT_EQ(dateline_length(""), 0u);
}

TEST(NearDuplicateKey, FiguresInTheLeadMustAgree) {
    // Daily reports that differ only in their figures are different news, never copies.
    std::string other = story;
    other.replace(other.find("48-hour"), 2, "24");
    EXPECT_NE(near_duplicate_key(other), near_duplicate_key(story));
    other = story;
    other.replace(other.find("7 percent"), 1, "8");
    EXPECT_NE(near_duplicate_key(other), near_duplicate_key(story));
}

TEST(NearDuplicateKey, ShortBodiesNeedTheExactWords) {
    const std::string brief = "Shares of Acme Corp will start trading on the Pacific Stock Exchange on Monday.";
    EXPECT_EQ(near_duplicate_key("NEW YORK, March 3 - " + brief), near_duplicate_key(brief));
    EXPECT_NE(near_duplicate_key("Shares of Zenith Corp will start trading on the Pacific Stock Exchange on Monday."),
              near_duplicate_key(brief));
}

TEST(NearDuplicateKey, ASmallEditUsuallyKeepsTheKey) {
    // A deterministic example of the probabilistic rule: one changed word of a 150-word story
    // changes 3 of its 148 shingles, so the key survives with probability about
    // (145/151)^3 = 0.89. This edit is one that does.
    Words words(7);
    auto text = words.many(150);
    auto edited = text;
    edited[90] = "replaced";
    EXPECT_EQ(near_duplicate_key(join(edited)), near_duplicate_key(join(text)));
}

TEST(NearDuplicateKey, CollisionRatesFollowShingleSimilarity) {
    // Over many synthetic 150-word stories (148 shingles each), a key is shared with
    // probability about J^3 for the Jaccard similarity J of the shingle sets: copies with one
    // or two words changed mostly keep it (J >= 145/151 and 142/154: 0.89 and 0.78), stories
    // that share their first half rarely (J = 73/223: 0.035), unrelated ones never.
    Words words(2024);
    constexpr std::size_t stories = 400;
    std::size_t one_edit_kept = 0, two_edits_kept = 0, template_collisions = 0;
    std::vector<std::string> keys;
    for (std::size_t s = 0; s < stories; ++s) {
        auto text = words.many(150);
        const auto key = near_duplicate_key(join(text));
        keys.push_back(key);
        auto one = text;
        one[words.below(150)] = "edited";
        one_edit_kept += near_duplicate_key(join(one)) == key;
        auto two = one;
        two[words.below(150)] = "changed";
        two_edits_kept += near_duplicate_key(join(two)) == key;
        // The same template (first half) with a different second half.
        auto templated = text;
        for (std::size_t i = 75; i < 150; ++i) templated[i] = words.next();
        template_collisions += near_duplicate_key(join(templated)) == key;
    }
    // The observed rates, in the XML report (--gtest_output=xml).
    RecordProperty("one_edit_kept", static_cast<int>(one_edit_kept));
    RecordProperty("two_edits_kept", static_cast<int>(two_edits_kept));
    RecordProperty("template_collisions", static_cast<int>(template_collisions));
    EXPECT_GE(one_edit_kept, stories * 8 / 10) << one_edit_kept;
    EXPECT_GE(two_edits_kept, stories * 7 / 10) << two_edits_kept;
    EXPECT_LE(template_collisions, stories / 10) << template_collisions;
    std::sort(keys.begin(), keys.end());
    EXPECT_EQ(std::adjacent_find(keys.begin(), keys.end()), keys.end()) << "unrelated stories share a key";
}

TEST(NearDuplicateKey, DocumentsStoreItFromTheBodyWhateverTheHeadline) {
    Xapian::TermGenerator generator;
    newsfacet::Article a;
    a.id = "a";
    a.title = "Felixstowe dockers to strike";
    a.body = story;
    auto b = a;
    b.id = "b";
    b.title = "UK port walkout set for Monday as pay talks fail";
    b.body = "FELIXSTOWE, March 3 - " + story.substr(story.find(" - ") + 3);
    const auto doc_a = newsfacet::detail::make_document(a, {}, generator);
    const auto doc_b = newsfacet::detail::make_document(b, {}, generator);
    EXPECT_EQ(doc_a.get_value(newsfacet::detail::slot_collapse), near_duplicate_key(story));
    EXPECT_EQ(doc_b.get_value(newsfacet::detail::slot_collapse), doc_a.get_value(newsfacet::detail::slot_collapse));
    // A headline alone gives no key, and an empty key never collapses.
    auto title_only = a;
    title_only.body.clear();
    EXPECT_EQ(newsfacet::detail::make_document(title_only, {}, generator).get_value(newsfacet::detail::slot_collapse), "");
}

TEST(NearDuplicateIndex, AnIndexWithoutKeysSimplyDoesNotCollapse) {
    // An index written before slot 6 existed: the same articles, without their keys.
    newsfacet::testing::TempDir dir;
    auto file = dir.write(newsfacet::testing::wire_copies_file, newsfacet::testing::wire_copies_jsonl());
    {
        auto index = newsfacet::Index::create_or_open(dir / "db");
        (void)newsfacet::ingest(index, {file}, {});
    }
    {
        newsfacet::Searcher searcher(dir / "db");
        auto request = newsfacet::SearchRequest{};
        request.limit = 100;
        auto results = searcher.search(request);
        ASSERT_LT(results.total, results.total_articles) << "the fixture has copies";
    }
    try {
        Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_OPEN);
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            auto doc = db.get_document(*it);
            if (doc.get_value(newsfacet::detail::slot_collapse).empty()) continue;  // a headline-only article
            doc.remove_value(newsfacet::detail::slot_collapse);
            db.replace_document(*it, doc);
        }
        db.commit();
    } catch (const Xapian::Error& e) {
        FAIL() << e.get_description();
    }
    newsfacet::Searcher searcher(dir / "db");
    auto request = newsfacet::SearchRequest{};
    request.limit = 100;
    auto results = searcher.search(request);
    EXPECT_EQ(results.total, newsfacet::testing::wire_copies_articles);
    EXPECT_EQ(results.total_articles, results.total);
    ASSERT_EQ(results.hits.size(), results.total);
    for (const auto& h : results.hits) EXPECT_EQ(h.copies, 1u) << h.id;
}
