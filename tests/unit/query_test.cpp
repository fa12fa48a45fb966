#include <gtest/gtest.h>

#include <set>

#include <xapian.h>

#include <newsfacet/error.hpp>
#include <newsfacet/tagger.hpp>

#include "text/analysis.hpp"
#include "search/query.hpp"
#include "temp_dir.hpp"

using newsfacet::SearchRequest;

namespace {

struct QueryFixture : ::testing::Test {
    newsfacet::testing::TempDir dir;
    Xapian::WritableDatabase db{(dir / "db").string(), Xapian::DB_CREATE};
    newsfacet::detail::Analysis analysis;
    newsfacet::Tagger tagger;

    std::string describe(const std::string& q) {
        SearchRequest r;
        r.query = q;
        return newsfacet::detail::build_query(r, analysis, tagger, newsfacet::detail::TermStats(db)).query.get_description();
    }
};

}  // namespace

TEST(Stemmer, IrregularFormsShareTheLemmaStem) {
    newsfacet::detail::Analysis analysis;
    EXPECT_EQ(analysis.stemmer("struck"), analysis.stemmer("strike"));
    EXPECT_EQ(analysis.stemmer("strikes"), analysis.stemmer("strike"));
    EXPECT_EQ(analysis.stemmer("embassies"), analysis.stemmer("embassy"));
}

TEST_F(QueryFixture, StopWordsAreDroppedAndConceptsExpanded) {
    auto d = describe("all strikes affecting embassies");
    EXPECT_EQ(d.find("Zall"), std::string::npos) << d;
    EXPECT_EQ(d.find("affect"), std::string::npos) << d;
    EXPECT_NE(d.find("Zairstrik"), std::string::npos) << d;  // synonym
    EXPECT_NE(d.find("Zconsul"), std::string::npos) << d;    // relative
    EXPECT_NE(d.find("AND_MAYBE"), std::string::npos) << d;  // co-occurrence bonus
}

TEST_F(QueryFixture, FacetFiltersAreFoldedAndAliasResolved) {
    auto d = describe("country:\"Russian Federation\" location:kiev official:\"ILHAM ALIYEV\"");
    EXPECT_NE(d.find("XCrussia"), std::string::npos) << d;
    EXPECT_NE(d.find("XLkyiv"), std::string::npos) << d;
    EXPECT_NE(d.find("XOilham aliyev"), std::string::npos) << d;
}

TEST_F(QueryFixture, RepeatedFiltersAndUnlessOrIsWritten) {
    auto both = describe("country:Russia country:Ukraine");
    EXPECT_NE(both.find("XCrussia AND XCukraine"), std::string::npos) << both;
    auto either = describe("country:Russia OR country:Ukraine");
    EXPECT_NE(either.find("XCrussia OR XCukraine"), std::string::npos) << either;
    auto grouped = describe("embassy (country:Sudan OR country:Libya) -country:Egypt");
    EXPECT_NE(grouped.find("FILTER (XCsudan OR XClibya)"), std::string::npos) << grouped;
    EXPECT_NE(grouped.find("AND_NOT XCegypt"), std::string::npos) << grouped;
    // An unknown field is no filter: its words are searched, as Xapian's QueryParser reads them.
    auto unknown = describe("colour:red");
    EXPECT_EQ(unknown.find("XC"), std::string::npos) << unknown;
    EXPECT_NE(unknown.find("colour"), std::string::npos) << unknown;
    EXPECT_NE(unknown.find("red"), std::string::npos) << unknown;
}

TEST_F(QueryFixture, RequestFiltersAndDates) {
    SearchRequest r;
    r.query = "embassy";
    r.filters[newsfacet::Facet::country] = {"ukraine"};
    r.sources = {"Meridian Wire"};
    r.since = "2024-01-01";
    r.until = "2024-12-31";
    auto d = newsfacet::detail::build_query(r, analysis, tagger, newsfacet::detail::TermStats(db)).query.get_description();
    EXPECT_NE(d.find("XCukraine"), std::string::npos) << d;
    EXPECT_NE(d.find("XSmeridian wire"), std::string::npos) << d;
    // Bounds are full date-times: a date means the whole day.
    EXPECT_NE(d.find("VALUE_RANGE 0 2024-01-01T00:00:00Z 2024-12-31T23:59:59Z"), std::string::npos) << d;
}

TEST_F(QueryFixture, EmptyAndFilterOnlyQueriesSortByDate) {
    SearchRequest r;
    EXPECT_TRUE(newsfacet::detail::build_query(r, analysis, tagger, newsfacet::detail::TermStats(db)).by_date);
    r.query = "country:Ukraine";
    EXPECT_TRUE(newsfacet::detail::build_query(r, analysis, tagger, newsfacet::detail::TermStats(db)).by_date);
    r.query = "embassy";
    EXPECT_FALSE(newsfacet::detail::build_query(r, analysis, tagger, newsfacet::detail::TermStats(db)).by_date);
}

TEST_F(QueryFixture, BadInputThrowsClearErrors) {
    SearchRequest r;
    // Only the explicit filter syntax refuses: an empty value, a quote never closed in a value.
    r.query = "embassy country:\"\"";
    EXPECT_THROW((void)newsfacet::detail::build_query(r, analysis, tagger, newsfacet::detail::TermStats(db)), newsfacet::QueryError);
    r.query = "embassy official:\"Ilham Aliyev";
    EXPECT_THROW((void)newsfacet::detail::build_query(r, analysis, tagger, newsfacet::detail::TermStats(db)), newsfacet::QueryError);
    r.query = "embassy";
    r.since = "yesterday";
    EXPECT_THROW((void)newsfacet::detail::build_query(r, analysis, tagger, newsfacet::detail::TermStats(db)), newsfacet::UsageError);
    r.since = "2025-01-01";
    r.until = "2024-01-01";
    EXPECT_THROW((void)newsfacet::detail::build_query(r, analysis, tagger, newsfacet::detail::TermStats(db)), newsfacet::UsageError);
}

TEST_F(QueryFixture, WordsOfOneFamilyAreOneConcept) {
    // "missile" and "hit" both say attack: the co-occurrence bonus asks for attack AND embassy,
    // not for all three words.
    auto d = describe("missile hit embassy");
    auto bonus = d.substr(d.find("AND_MAYBE"));
    auto and_pos = bonus.find(" AND ");
    ASSERT_NE(and_pos, std::string::npos) << d;
    newsfacet::detail::Analysis a;
    EXPECT_EQ(a.thesaurus.family_of("Zmissil"), a.thesaurus.family_of("Zhit"));
    EXPECT_NE(a.thesaurus.family_of("Zmissil"), a.thesaurus.family_of("Zembassi"));
    EXPECT_EQ(a.thesaurus.family_of("Zlabour"), -1);
}

TEST_F(QueryFixture, DateRangesInTheQuery) {
    auto range = describe("embassy date:2024-01-01..2024-06-30");
    EXPECT_NE(range.find("VALUE_RANGE 0 2024-01-01T00:00:00Z 2024-06-30T23:59:59Z"), std::string::npos) << range;
    auto month = describe("date:2024-02");
    EXPECT_NE(month.find("VALUE_RANGE 0 2024-02-01T00:00:00Z 2024-02-29T23:59:59Z"), std::string::npos) << month;
    auto year = describe("date:2025");
    EXPECT_NE(year.find("2025-01-01T00:00:00Z 2025-12-31T23:59:59Z"), std::string::npos) << year;
    auto open_start = describe("date:..2024-03-31");
    EXPECT_NE(open_start.find("2024-03-31T23:59:59Z"), std::string::npos) << open_start;
    EXPECT_THROW((void)describe("date:2025-13"), newsfacet::QueryError);
    EXPECT_THROW((void)describe("date:2025..2024"), newsfacet::QueryError);
    EXPECT_THROW((void)describe("date:yesterday"), newsfacet::QueryError);
}

TEST_F(QueryFixture, NewswireAbbreviationsAreSynonyms) {
    // Wire copy writes "1st qtr", "shr", "cts": the same words as "quarter", "share", "cents".
    auto d = describe("quarterly profit per share");
    EXPECT_NE(d.find("Zqtr"), std::string::npos) << d;
    EXPECT_NE(d.find("Zshr"), std::string::npos) << d;
    EXPECT_NE(d.find("SYNONYM"), std::string::npos) << d;
    // Not "dlrs" for "dollar": the unit of amounts, while "dollar" is the currency as a subject.
    auto dollar = describe("dollar");
    EXPECT_EQ(dollar.find("dlr"), std::string::npos) << dollar;
}

TEST_F(QueryFixture, ActionNounsAndTheirVerbsAreRelatives) {
    // The stemmer keeps "acquisition" (acquisit) and "acquire" (acquir) apart; the thesaurus
    // joins them both ways, as relatives of one family.
    auto noun = describe("acquisition");
    EXPECT_NE(noun.find("Zacquir"), std::string::npos) << noun;
    auto verb = describe("acquired");
    EXPECT_NE(verb.find("Zacquisit"), std::string::npos) << verb;
    newsfacet::detail::Analysis a;
    EXPECT_EQ(a.thesaurus.family_of("Zacquisit"), a.thesaurus.family_of("Zacquir"));
    // Irregular forms the stemmer cannot reach.
    EXPECT_NE(describe("growth").find("Zgrew"), std::string::npos);
}

namespace {

// An index where "crop" and "exports" are each in 40 articles and "soybean" in 4.
// Adds `count` articles, article i with the text `text(i)`, indexed as the indexer does.
template <typename Text>
void add_articles(Xapian::WritableDatabase& db, const newsfacet::detail::Analysis& analysis, int count, Text text) {
    Xapian::TermGenerator generator;
    generator.set_stemmer(analysis.stemmer);
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    for (int i = 0; i < count; ++i) {
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text(text(i));
        db.add_document(doc);
    }
    db.commit();
}

void add_crop_articles(Xapian::WritableDatabase& db, const newsfacet::detail::Analysis& analysis) {
    add_articles(db, analysis, 44, [](int i) { return i < 4 ? "soybean harvest report" : "crop exports rose this season"; });
}

}  // namespace

TEST_F(QueryFixture, GenericPairsEarnNoCoordination) {
    add_crop_articles(db, analysis);
    // "crop" and "exports" are each ten times as frequent as "soybean": found together they say
    // little about soybeans, so only the pairs with soybean earn the co-occurrence bonus.
    auto d = describe("soybean crop exports");
    EXPECT_NE(d.find("(Zsoybean AND Zcrop)"), std::string::npos) << d;
    EXPECT_NE(d.find("(Zsoybean AND Zexport)"), std::string::npos) << d;
    EXPECT_EQ(d.find("(Zcrop AND Zexport)"), std::string::npos) << d;
    // Concepts of similar frequency all pair up.
    auto even = describe("crop exports season");
    EXPECT_NE(even.find("(Zcrop AND Zexport)"), std::string::npos) << even;
}

TEST_F(QueryFixture, ACommonPhraseRanksAsItsWordsTogether) {
    // 1,200 articles hold "grain futures"; 3 hold "amstutz". The phrase is common: it only
    // ranks, as its words found in one article (no position check), while a rare phrase still
    // matches side by side only.
    add_articles(db, analysis, 1203,
                 [](int i) { return i < 3 ? "amstutz saw grain futures rise in bright sunshine" : "grain futures rose"; });
    auto d = describe("amstutz \"grain futures\"");
    EXPECT_NE(d.find("Zamstutz AND_MAYBE (grain@2 AND futures@3)"), std::string::npos) << d;
    EXPECT_EQ(d.find("PHRASE"), std::string::npos) << d;
    auto rare = describe("\"bright sunshine\" \"grain futures\"");
    EXPECT_NE(rare.find("(bright@1 PHRASE 2 sunshine@2) AND_MAYBE (grain@3 AND futures@4)"), std::string::npos) << rare;
}

TEST_F(QueryFixture, EveryConceptTogetherEarnsAFixedWeight) {
    add_crop_articles(db, analysis);
    // Beside the pairs (what the concepts weigh in the article again), an article with all of
    // them gets a fixed weight, so counting one concept many times cannot make up for the others.
    auto d = describe("soybean crop exports");
    EXPECT_NE(d.find("FixedWeightPostingSource(wt="), std::string::npos) << d;
    EXPECT_NE(d.find(")) FILTER (Zsoybean AND Zcrop AND Zexport)"), std::string::npos) << d;
}

TEST(Thesaurus, AWordBelongsToOneFamily) {
    // In two families a word would take both sets of relatives and count as a concept of one.
    EXPECT_THROW(newsfacet::detail::Thesaurus("family\tattack\tblast|explosion\nfamily\texplosion\texplode\n", "t.tsv"),
                 newsfacet::InputError);
    EXPECT_NO_THROW(newsfacet::detail::Thesaurus("family\tattack\tblast\nfamily\texplosion\texplode\n", "t.tsv"));
}

TEST_F(QueryFixture, WildcardsDoNotInflateTheFixedWeightOfEveryConcept) {
    add_crop_articles(db, analysis);
    // A wildcard's frequency is unknown: it counts as the most frequent known concept (here
    // soybean, in 4 articles like harvest), not as a word found nowhere.
    auto weight = [&](const std::string& q) {
        auto d = describe(q);
        auto at = d.find("FixedWeightPostingSource(wt=");
        EXPECT_NE(at, std::string::npos) << d;
        return at == std::string::npos ? 0.0 : std::stod(d.substr(at + 28));
    };
    EXPECT_DOUBLE_EQ(weight("soybean crop*"), weight("soybean harvest"));
}

// Words outside a-z got no headline bonus: "élection" matched no "ZS" term while "election" did.
TEST_F(QueryFixture, EveryWordButNumbersEarnsTheHeadlineBonus) {
    SearchRequest r;
    r.query = "\xC3\xA9lection pitcher 13";
    const auto query = newsfacet::detail::build_query(r, analysis, tagger, newsfacet::detail::TermStats(db)).query;
    std::set<std::string> terms(query.get_unique_terms_begin(), query.get_unique_terms_end());
    EXPECT_TRUE(terms.count("ZS" + analysis.stemmer("\xC3\xA9lection")));
    EXPECT_TRUE(terms.count("ZSpitcher"));
    EXPECT_FALSE(terms.count("S13"));
}
