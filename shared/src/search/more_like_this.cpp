#include "search/more_like_this.hpp"

#include <cmath>

#include <newsfacet/error.hpp>

#include "store/schema.hpp"

namespace newsfacet::detail {
namespace {

// Keeps the stems of title and body words (stem terms; the title stems "ZS…" are a copy).
// Ids, facet and source terms, unstemmed words and numbers are left out, so are stop words,
// and so are words no other article has, which could only find the article itself.
class WordStems : public Xapian::ExpandDecider {
public:
    WordStems(const Xapian::Database& db, const Xapian::Stopper& stopper)
        : m_db(db), m_stopper(stopper) {}

    bool operator()(const std::string& term) const override {
        if (!is_stem_term(term) || stem_of(term).size() < 3) return false;
        for (char c : term) {
            if (c >= '0' && c <= '9') return false;
        }
        if (m_stopper(std::string(stem_of(term)))) return false;
        return m_db.get_termfreq(term) >= 2;
    }

private:
    const Xapian::Database& m_db;
    const Xapian::Stopper& m_stopper;
};

}  // namespace

LikeQuery more_like_this(const Xapian::Database& db, const std::string& id,
                         const Analysis& analysis) {
    LikeQuery out;
    out.id_term = id_term(id);
    Xapian::PostingIterator posting = db.postlist_begin(out.id_term);
    if (posting == db.postlist_end(out.id_term)) throw ArticleNotFoundError(id);
    Xapian::RSet rset;
    rset.add_document(*posting);

    Xapian::Enquire enquire(db);
    // Bo1 weighs a word by how often the article uses it against how common it is overall.
    // The default ("trad") favours rarity: names and words the article uses once, which make
    // for a narrow and noisy query (measured on corpus/: fewer articles of the same kind in
    // the top 5 and 10).
    enquire.set_expansion_scheme("bo1");
    WordStems decider(db, analysis.stopper);
    auto eset = enquire.get_eset(like_terms, rset, 0, &decider);
    if (eset.empty()) return out;
    const double best = eset.begin().get_weight();
    std::vector<Xapian::Query> scaled;
    for (auto it = eset.begin(); it != eset.end(); ++it) {
        // Rounded: over shards Xapian sums the expansion statistics in another order, and a
        // last-bit difference here would make scores differ from one index's.
        const double relative = best > 0 ? std::round(it.get_weight() / best * 1e9) / 1e9 : 1.0;
        out.terms.emplace_back(*it, relative);
        // Expanded like a query word (embassy: consulate and diplomatic mission as relatives),
        // so that articles about the same kind of thing match in other words.
        scaled.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                            analysis.thesaurus.expand(Xapian::Query(*it), db), relative);
    }
    out.query = Xapian::Query(Xapian::Query::OP_OR, scaled.begin(), scaled.end());
    return out;
}

}  // namespace newsfacet::detail
