#include "search/term_expansion.hpp"

#include <cmath>

#include "store/schema.hpp"

namespace newsfacet::detail {
namespace {

// Keeps the stems of title and body words (stem terms; the title stems "ZS…" are a copy).
// Ids, facet and source terms, unstemmed words and numbers are left out, so are stop words,
// and so are words no other article has, which could only find the article itself.
class WordStems : public Xapian::ExpandDecider {
public:
    WordStems(const Xapian::Database& db, const Xapian::Stopper& stopper, const TermTest& keep)
        : m_db(db), m_stopper(stopper), m_keep(keep) {}

    bool operator()(const std::string& term) const override {
        if (!is_stem_term(term) || stem_of(term).size() < 3) return false;
        if (m_keep && !m_keep(term)) return false;
        for (char c : term) {
            if (c >= '0' && c <= '9') return false;
        }
        if (m_stopper(std::string(stem_of(term)))) return false;
        return m_db.get_termfreq(term) >= 2;
    }

private:
    const Xapian::Database& m_db;
    const Xapian::Stopper& m_stopper;
    const TermTest& m_keep;
};

}  // namespace

std::vector<WeightedTerm> telling_terms(const Xapian::Database& db, const Xapian::RSet& rset, Xapian::termcount count,
                                        const Analysis& analysis, const TermTest& keep) {
    Xapian::Enquire enquire(db);
    // Bo1 weighs a word by how often the articles use it against how common it is overall.
    // The default ("trad") favours rarity: names and words used once, which make for a narrow
    // and noisy query (measured on corpus/: fewer articles of the same kind in the top 5 and
    // 10 for more like this).
    enquire.set_expansion_scheme("bo1");
    WordStems decider(db, analysis.stopper, keep);
    const auto eset = enquire.get_eset(count, rset, 0, &decider);
    std::vector<WeightedTerm> out;
    if (eset.empty()) return out;
    const double best = eset.begin().get_weight();
    for (auto it = eset.begin(); it != eset.end(); ++it) {
        // Rounded: over shards Xapian sums the expansion statistics in another order, and a
        // last-bit difference here would make scores differ from one index's.
        const double relative = best > 0 ? std::round(it.get_weight() / best * 1e9) / 1e9 : 1.0;
        out.emplace_back(*it, relative);
    }
    return out;
}

}  // namespace newsfacet::detail
