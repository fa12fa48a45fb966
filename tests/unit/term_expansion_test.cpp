// Query expansion by Bo1 (stem_uses, telling_terms): the terms Xapian's own expansion picks,
// and the same terms whether the index is one database or several parts.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include <newsfacet/index.hpp>
#include <newsfacet/ingest.hpp>
#include <newsfacet/shards.hpp>

#include "search/term_expansion.hpp"
#include "store/schema.hpp"
#include "temp_dir.hpp"
#include "text/analysis.hpp"

using newsfacet::detail::stem_uses;
using newsfacet::detail::telling_terms;
using newsfacet::detail::WeightedTerm;
namespace fs = std::filesystem;

namespace {

// The rule telling_terms applies before weighing, as an ExpandDecider for Xapian's get_eset.
class SameTerms : public Xapian::ExpandDecider {
  public:
    SameTerms(const Xapian::Database& db, const Xapian::Stopper& stopper)
        : m_db(db), m_stopper(stopper) {}
    bool operator()(const std::string& term) const override {
        if (!newsfacet::detail::is_stem_term(term) || newsfacet::detail::stem_of(term).size() < 3)
            return false;
        for (char c : term) {
            if (c >= '0' && c <= '9') return false;
        }
        return !m_stopper(std::string(newsfacet::detail::stem_of(term))) &&
               m_db.get_termfreq(term) >= 2;
    }

  private:
    const Xapian::Database& m_db;
    const Xapian::Stopper& m_stopper;
};

struct TermExpansion : ::testing::Test {
    newsfacet::testing::TempDir dir;
    newsfacet::detail::Analysis analysis;
};

}  // namespace

TEST_F(TermExpansion, PicksTheTermsXapiansBo1ExpansionPicks) {
    auto index = newsfacet::Index::create_or_open(dir / "db");
    (void)newsfacet::ingest(index, {fs::path(NEWSFACET_CORPUS_DIR)});
    index.commit();
    const Xapian::Database db((dir / "db").string());
    ASSERT_GE(db.get_doccount(), 20u);
    std::size_t compared = 0;
    // Sets of one to four articles, from several places of the index.
    for (Xapian::docid first = 1; first + 3 <= db.get_lastdocid(); first += 5) {
        for (Xapian::docid size = 1; size <= 4; ++size) {
            std::vector<Xapian::docid> articles;
            Xapian::RSet rset;
            for (Xapian::docid d = first; d < first + size; ++d) {
                articles.push_back(d);
                rset.add_document(d);
            }
            const auto ours = telling_terms(db, {}, stem_uses(db, {}, articles, analysis), 20, analysis);
            Xapian::Enquire enquire(db);
            enquire.set_expansion_scheme("bo1");
            SameTerms decider(db, analysis.stopper);
            const auto eset = enquire.get_eset(20, rset, 0, &decider);
            ASSERT_EQ(ours.size(), eset.size()) << first << "+" << size;
            if (eset.empty()) continue;
            std::vector<WeightedTerm> theirs;
            for (auto it = eset.begin(); it != eset.end(); ++it) {
                theirs.emplace_back(*it, it.get_weight() / eset.begin().get_weight());
            }
            // The same weights rank by rank; the same terms, but for the order of equal weights
            // (a run of them may cross the 20th place).
            std::set<std::string> ours_above, theirs_above;
            for (std::size_t i = 0; i < ours.size(); ++i) {
                EXPECT_NEAR(ours[i].second, theirs[i].second, 1e-9)
                    << first << "+" << size << " #" << i;
                if (ours[i].second > ours.back().second + 1e-9) ours_above.insert(ours[i].first);
                if (theirs[i].second > theirs.back().second + 1e-9)
                    theirs_above.insert(theirs[i].first);
            }
            EXPECT_EQ(ours_above, theirs_above) << first << "+" << size;
            ++compared;
        }
    }
    EXPECT_GT(compared, 10u);
}

TEST_F(TermExpansion, TheSameTermsOverPartsAsInOneIndex) {
    auto one_index = newsfacet::Index::create_or_open(dir / "one");
    (void)newsfacet::ingest(one_index, {fs::path(NEWSFACET_CORPUS_DIR)});
    one_index.commit();
    (void)newsfacet::ingest_sharded(dir / "two", 2, {fs::path(NEWSFACET_CORPUS_DIR)});
    const Xapian::Database one((dir / "one").string());
    // The parts as a search over remote shards holds them: each on its own, and added up.
    std::vector<Xapian::Database> parts;
    Xapian::Database whole;
    for (const char* shard : {"shard-0", "shard-1"}) {
        parts.emplace_back((dir / "two" / shard).string());
        whole.add_database(parts.back());
    }
    ASSERT_EQ(whole.get_doccount(), one.get_doccount());
    // The same articles by id: the first ones of the index and one every 7th.
    std::vector<Xapian::docid> in_one, in_whole;
    for (Xapian::docid d = 1; d <= one.get_lastdocid(); d += 7) {
        const auto id =
            newsfacet::detail::id_term(one.get_document(d).get_value(newsfacet::detail::slot_id));
        in_one.push_back(*one.postlist_begin(id));
        in_whole.push_back(*whole.postlist_begin(id));
    }
    ASSERT_GE(in_one.size(), 3u);
    const auto expected = telling_terms(one, {}, stem_uses(one, {}, in_one, analysis), 20, analysis);
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(telling_terms(whole, parts, stem_uses(whole, parts, in_whole, analysis), 20, analysis),
              expected);
    EXPECT_EQ(telling_terms(whole, {}, stem_uses(whole, {}, in_whole, analysis), 20, analysis), expected);
}

TEST_F(TermExpansion, StemsAreThoseOfEachArticlesTermList) {
    auto index = newsfacet::Index::create_or_open(dir / "db");
    (void)newsfacet::ingest(index, {fs::path(NEWSFACET_CORPUS_DIR)});
    // Text the corpus lacks: capitals, accents, apostrophes, numbers, a headline repeated in
    // the lead, words past the lead.
    newsfacet::Article odd;
    odd.id = "odd-1";
    odd.title = "CAFÉ OWNERS' STRIKE ENDS IN SÃO PAULO";
    odd.body = "Café owners' strike ends in São Paulo. The owners struck for 3 days; "
               "striking, strikes and STRIKERS. ";
    // Past the 40 lead words, which count once more: words counted once.
    for (int i = 0; i < 50; ++i) odd.body += "filler" + std::to_string(i) + " ";
    odd.body += "Later words: embassies, embassy's, fought, fighting, owners.";
    (void)index.add(odd);
    index.commit();
    const Xapian::Database db((dir / "db").string());
    ASSERT_GE(db.get_doccount(), 20u);
    for (Xapian::docid d = 1; d <= db.get_lastdocid(); ++d) {
        std::map<std::string, std::pair<int, Xapian::termcount>> listed;
        for (auto t = db.termlist_begin(d); t != db.termlist_end(d); ++t) {
            if (newsfacet::detail::is_stem_term(*t)) listed[*t] = {1, t.get_wdf()};
        }
        ASSERT_FALSE(listed.empty()) << "article " << d;
        const auto uses = stem_uses(db, {}, {d}, analysis);
        std::map<std::string, std::pair<int, Xapian::termcount>> found;
        for (const auto& [term, use] : uses) found[term] = {use.articles, use.occurrences};
        EXPECT_EQ(found, listed) << "article " << d;
    }
}
