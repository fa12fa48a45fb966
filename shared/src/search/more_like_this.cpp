#include "search/more_like_this.hpp"

#include <newsfacet/error.hpp>

#include "search/term_expansion.hpp"
#include "store/schema.hpp"

namespace newsfacet::detail {

LikeQuery more_like_this(const TermStats& stats, const std::string& id,
                         const Analysis& analysis) {
    LikeQuery out;
    out.id_term = id_term(id);
    Xapian::PostingIterator posting = stats.database().postlist_begin(out.id_term);
    if (posting == stats.database().postlist_end(out.id_term)) throw ArticleNotFoundError(id);
    const auto uses = stem_uses(stats.database(), {}, {*posting}, analysis);
    const auto terms = telling_terms(stats.database(), {}, uses, like_terms, analysis);
    std::vector<Xapian::Query> scaled;
    for (const auto& [term, relative] : terms) {
        out.terms.emplace_back(term, relative);
        // Expanded like a query word (embassy: consulate and diplomatic mission as relatives),
        // so that articles about the same kind of thing match in other words.
        scaled.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, analysis.thesaurus.expand(Xapian::Query(term), stats),
                            relative);
    }
    if (scaled.empty()) return out;
    out.query = Xapian::Query(Xapian::Query::OP_OR, scaled.begin(), scaled.end());
    return out;
}

}  // namespace newsfacet::detail
