// The page of a ranking: tie order, collapsing, and the rescoring window.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <xapian.h>

#include "search/ranked_page.hpp"
#include "store/schema.hpp"
#include "temp_dir.hpp"

using newsfacet::detail::ranked_page;
using newsfacet::detail::RankedMatch;
using newsfacet::detail::Rescoring;

namespace {

struct RankedPage : ::testing::Test {
    newsfacet::testing::TempDir dir;
    Xapian::Database db;

    // Articles a1..a6: "word" said 6, 5, ... 1 times, so they rank a1 first; a3 and a4 are
    // copies of one story (a near-duplicate key).
    void SetUp() override {
        Xapian::WritableDatabase w((dir / "db").string(), Xapian::DB_CREATE_OR_OVERWRITE);
        for (int i = 1; i <= 6; ++i) {
            Xapian::Document doc;
            doc.add_term("word", static_cast<Xapian::termcount>(7 - i));
            const std::string n = std::to_string(i);
            doc.add_term(std::string("filler").append(n), 10);
            doc.add_value(newsfacet::detail::slot_id, std::string("a").append(n));
            if (i == 3 || i == 4) doc.add_value(newsfacet::detail::slot_collapse, "story");
            w.add_document(doc);
        }
        w.commit();
        db = Xapian::Database((dir / "db").string());
    }

    [[nodiscard]] std::vector<std::string> ids(Xapian::doccount offset, Xapian::doccount limit,
                                               bool collapse,
                                               const Rescoring* rescoring = nullptr) const {
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query("word"));
        enquire.set_sort_by_relevance_then_value(newsfacet::detail::slot_id, false);
        std::vector<std::string> out;
        for (const auto& m : ranked_page(enquire, offset, limit, true, collapse, rescoring)) {
            out.push_back(m.position.get_sort_key());
        }
        return out;
    }
};

}  // namespace

TEST_F(RankedPage, RanksByWeightAndCollapsesCopiesToTheFirst) {
    EXPECT_EQ(ids(0, 10, false), (std::vector<std::string>{"a1", "a2", "a3", "a4", "a5", "a6"}));
    EXPECT_EQ(ids(0, 10, true), (std::vector<std::string>{"a1", "a2", "a3", "a5", "a6"}));
    EXPECT_EQ(ids(3, 2, true), (std::vector<std::string>{"a5", "a6"}));
}

TEST_F(RankedPage, RescoringReordersTheWindowOnly) {
    std::vector<std::string> seen;
    // Lifts the last of the window far above the rest.
    Rescoring lift_last{4, [&](const std::vector<RankedMatch>& window) {
                            seen.clear();
                            for (const auto& m : window) seen.push_back(m.position.get_sort_key());
                            std::vector<double> extra(window.size(), 0.0);
                            extra.back() = 100;
                            return extra;
                        }};
    EXPECT_EQ(ids(0, 10, false, &lift_last),
              (std::vector<std::string>{"a4", "a1", "a2", "a3", "a5", "a6"}));
    EXPECT_EQ(seen, (std::vector<std::string>{"a1", "a2", "a3", "a4"}));
    // The window is taken before collapsing, in rank order, whatever the page asks for; then
    // the first copy in the new order stands for its story (a4, not a3).
    EXPECT_EQ(ids(0, 10, true, &lift_last),
              (std::vector<std::string>{"a4", "a1", "a2", "a5", "a6"}));
    EXPECT_EQ(seen, (std::vector<std::string>{"a1", "a2", "a3", "a4"}));
    EXPECT_EQ(ids(1, 1, true, &lift_last), (std::vector<std::string>{"a1"}));
    EXPECT_EQ(seen, (std::vector<std::string>{"a1", "a2", "a3", "a4"}));
    EXPECT_EQ(ids(4, 2, true, &lift_last), (std::vector<std::string>{"a6"}));
}

TEST_F(RankedPage, RescoredWeightsAreTheHitsWeightsAndNoneLeavesTheOrder) {
    Rescoring none{3, [](const std::vector<RankedMatch>&) { return std::vector<double>(); }};
    EXPECT_EQ(ids(0, 10, false, &none), ids(0, 10, false));
    Rescoring plus_one{2, [](const std::vector<RankedMatch>& window) {
                           return std::vector<double>(window.size(), 1.0);
                       }};
    Xapian::Enquire plain(db);
    plain.set_query(Xapian::Query("word"));
    plain.set_sort_by_relevance_then_value(newsfacet::detail::slot_id, false);
    const auto before = ranked_page(plain, 0, 3, true, false);
    const auto after = ranked_page(plain, 0, 3, true, false, &plus_one);
    ASSERT_EQ(after.size(), 3u);
    EXPECT_DOUBLE_EQ(after[0].weight, before[0].weight + 1.0);
    EXPECT_DOUBLE_EQ(after[1].weight, before[1].weight + 1.0);
    EXPECT_DOUBLE_EQ(after[2].weight, before[2].weight);
}

TEST(RankedPageWindow, ARunOfEqualWeightsAcrossTheWindowsEndIsLeftOutWhole) {
    newsfacet::testing::TempDir dir;
    {
        // t1 first; t2, t3 and t4 weigh the same (same counts, same length); t5 last.
        Xapian::WritableDatabase w((dir / "db").string(), Xapian::DB_CREATE_OR_OVERWRITE);
        const std::vector<std::pair<std::string, Xapian::termcount>> articles{
            {"t1", 4}, {"t2", 2}, {"t3", 2}, {"t4", 2}, {"t5", 1}};
        for (const auto& [id, count] : articles) {
            Xapian::Document doc;
            doc.add_term("word", count);
            doc.add_term("filler", 10 - count);
            doc.add_value(newsfacet::detail::slot_id, id);
            w.add_document(doc);
        }
        w.commit();
    }
    Xapian::Database db((dir / "db").string());
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("word"));
    enquire.set_sort_by_relevance_then_value(newsfacet::detail::slot_id, false);
    for (Xapian::doccount window : {2u, 3u}) {
        std::vector<std::string> seen;
        Rescoring note{window, [&](const std::vector<RankedMatch>& first) {
                           for (const auto& m : first) seen.push_back(m.position.get_sort_key());
                           return std::vector<double>();
                       }};
        const auto page = ranked_page(enquire, 0, 1, true, false, &note);
        EXPECT_EQ(seen, (std::vector<std::string>{"t1"})) << window;
        ASSERT_EQ(page.size(), 1u);
    }
    // A run that ends with the window is in it.
    std::vector<std::string> seen;
    Rescoring four{4, [&](const std::vector<RankedMatch>& first) {
                       for (const auto& m : first) seen.push_back(m.position.get_sort_key());
                       return std::vector<double>();
                   }};
    (void)ranked_page(enquire, 0, 1, true, false, &four);
    EXPECT_EQ(seen, (std::vector<std::string>{"t1", "t2", "t3", "t4"}));
}
