#include "search/query.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>
#include <map>

#include <newsfacet/error.hpp>
#include <newsfacet/article.hpp>

#include "store/database.hpp"
#include "store/document.hpp"
#include "search/filter_syntax.hpp"
#include "search/more_like_this.hpp"
#include "search/query_case.hpp"
#include "search/query_tokens.hpp"
#include "text/dates.hpp"
#include "text/ranking.hpp"
#include "store/schema.hpp"

namespace newsfacet::detail {
namespace {

// The filter term for a value typed by the user: resolved through the gazetteer's aliases
// ("russian federation" -> Russia), then folded.
Xapian::Query filter_for(const Tagger& tagger, std::optional<Facet> facet, std::string_view prefix,
                         const std::string& value) {
    std::string canonical = value;
    if (facet) {
        if (auto c = tagger.canonical(*facet, value)) canonical = *c;
    }
    return Xapian::Query(filter_term(prefix, canonical));
}

// date:2024-01-01..2024-12-31, date:2024-03, date:..2024-06-30 (inclusive).
Xapian::Query date_filter(const std::string& value) {
    try {
        auto dots = value.find("..");
        std::string from = dots == std::string::npos ? value : value.substr(0, dots);
        std::string to = dots == std::string::npos ? value : value.substr(dots + 2);
        auto keys = date_key_range(from, to);
        if (keys.first > keys.last) throw QueryError("empty date range '" + value + "': it ends before it starts");
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot_date, keys.first, keys.last);
    } catch (const QueryError&) {
        throw;
    } catch (const UsageError& e) {
        throw QueryError(std::string("in date:") + value + ": " + e.what());
    }
}

// The terms of a query outside phrases: a relative like "diplomatic mission" must not
// highlight every "diplomatic".
std::vector<std::string> single_word_terms(const Xapian::Query& q) {
    std::vector<std::string> out;
    auto type = q.get_type();
    if (type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_NEAR) return out;
    if (type == Xapian::Query::LEAF_TERM) {
        out.emplace_back(*q.get_terms_begin());
        return out;
    }
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        auto sub = single_word_terms(q.get_subquery(i));
        out.insert(out.end(), sub.begin(), sub.end());
    }
    return out;
}

// A concept as the coordination bonus tests it: phrases and NEAR become a plain AND of their
// words. Checking positions in every pair is what made phrase queries slow, and for "found
// together in one article" the words suffice. (Xapian weights a phrase as the sum of its
// terms, so a match weighs the same.) Shapes whose parameters Xapian does not expose
// (scaled weights, value ranges) are kept as they are.
Xapian::Query without_positions(const Xapian::Query& q) {
    const auto type = q.get_type();
    switch (type) {
        case Xapian::Query::OP_PHRASE:
        case Xapian::Query::OP_NEAR:
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_SYNONYM:
        case Xapian::Query::OP_MAX:
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_AND_MAYBE: {
            std::vector<Xapian::Query> subs;
            for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) subs.push_back(without_positions(q.get_subquery(i)));
            const bool positional = type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_NEAR;
            return Xapian::Query(positional ? Xapian::Query::OP_AND : type, subs.begin(), subs.end());
        }
        default:
            return q;
    }
}

// Beyond this many concepts (a headline pasted as a query, a paragraph), no coordination
// bonus: pairs grow as n^2 and each costs evaluating two concepts on every candidate. At 4,
// the judged sets rank as at 8 (Reuters slightly better) and the Reuters headline queries run
// 1.2x the instructions of verbatim search instead of 1.5x.
constexpr std::size_t max_coordinated_concepts = 4;

// Common words rank but do not match, as in Lucene's CommonTermsQuery: in a query of several
// concepts, one found in more than common_share of the articles, in more than common_floor of
// them and in more than common_ratio times as many as the query's most specific concept only
// adds weight to articles that match a rarer concept. "cargill strike talks tuesday" then
// means articles about Cargill or a strike or talks, ranked higher for Tuesday, not a quarter
// of the archive because it says "tuesday": a far smaller set to count (exact totals and
// facets visit every match) and a more useful one to facet. Articles that match keep exactly
// their weights. Over a small or topical collection, frequent words are its subject and every
// match is cheap, hence the floor; and a query whose words are all about as frequent ("interest
// rates central bank cut") is about all of them, hence the ratio. Figures:
// bench/results/query.md ("Common words rank but do not match").
constexpr double common_share = 0.1;
constexpr double common_ratio = 5;
constexpr double common_floor = 1000;

// A lower bound of the number of articles a concept matches, from its terms' frequencies
// (no match is run): the most frequent alternative, the rarest part of a conjunction. Shapes
// without terms (posting sources, value ranges, wildcards) count 0, so they never make a
// concept common.
double concept_frequency(const Xapian::Query& q, const TermStats& stats) {
    const auto n = q.get_num_subqueries();
    switch (q.get_type()) {
        case Xapian::Query::LEAF_TERM:
            return stats.termfreq(*q.get_terms_begin());
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_SYNONYM:
        case Xapian::Query::OP_MAX: {
            double most = 0;
            for (std::size_t i = 0; i < n; ++i) most = std::max(most, concept_frequency(q.get_subquery(i), stats));
            return most;
        }
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_PHRASE:
        case Xapian::Query::OP_NEAR:
        case Xapian::Query::OP_FILTER: {
            if (n == 0) return 0;
            double least = concept_frequency(q.get_subquery(0), stats);
            for (std::size_t i = 1; i < n; ++i) least = std::min(least, concept_frequency(q.get_subquery(i), stats));
            return least;
        }
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_SCALE_WEIGHT:
            return n == 0 ? 0 : concept_frequency(q.get_subquery(0), stats);
        default:
            return 0;
    }
}

// The smallest non-zero frequency, or 0 if none: concepts found nowhere (or of unknown
// frequency) say nothing about how specific a query is.
[[nodiscard]] double rarest_known(const std::vector<double>& frequencies) {
    double rarest = 0;
    for (double f : frequencies) {
        if (f > 0 && (rarest == 0 || f < rarest)) rarest = f;
    }
    return rarest;
}

// A pair of concepts that are both far more frequent than the query's most specific one
// ("crop" and "exports" in "soybean crop exports") earns no coordination bonus: found
// together they say little about the subject, and rewarding them ranked articles about other
// crops' exports among the soybean ones. Pairs with a concept within this factor of the
// rarest keep it. Figures: bench/results/query.md ("Generic pairs earn no coordination").
constexpr double generic_pair_factor = 3;

// The fixed weight an article with every concept of a coordinated query earns, in idf units
// of each concept. Needed since BM25's k1 went from 1 to 2.5 (ranking.hpp): repeated words
// then outweighed relatives-only matches, and an embassy reopening ranked above strikes on
// consulates for "strikes on embassies" (ApiParaphrases). Under 0.5 the paraphrases fail.
// Figures: bench/results/query.md ("The fixed weight for every concept").
constexpr double every_concept_weight = 0.5;

[[nodiscard]] bool generic_pair(double frequency_a, double frequency_b, double rarest) {
    return rarest > 0 && std::min(frequency_a, frequency_b) > generic_pair_factor * rarest;
}

// True if the text uses the OR operator: then the user asked for any of the words, common or
// not. An OR inside a phrase ("rock OR roll") is a word of the phrase.
bool has_explicit_or(std::string_view text) {
    const auto tokens = tokenize_query(text);
    return std::any_of(tokens.begin(), tokens.end(), [](const QueryToken& t) { return t.op == QueryOperator::op_or; });
}

// How much an article about an entity the query names gains, in idf units of its facet term.
constexpr double entity_weight = 1.0;

// How much a headline match of the query's own words adds, relative to a body match.
constexpr double title_weight = 0.5;

// The steps of build_query, in the order it takes them.

// The collection size in idf formulas (at least 1).
[[nodiscard]] double collection_size(const TermStats& stats) { return std::max<double>(1, stats.doccount()); }

// The query text, its filters taken out, parsed by Xapian's QueryParser: stemmed (STEM_SOME
// unless the request says not to), without stop words, words joined by OR, title: for the
// headline. Words in capitals are read in lower case first (query_case.hpp). `parsed` is
// empty for a blank text. `named` is the text as typed, for the tagger (names in capitals).
// Throws QueryError for bad filters.
struct ParsedText {
    SplitQuery split;
    std::string named;
    Xapian::Query parsed;
    bool blank = true;  // no words outside the filters
};

// The QueryParser's flags: the query language of the README.
constexpr unsigned query_flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                                 Xapian::QueryParser::FLAG_PURE_NOT;
// The forgiving reading of a text the query language cannot parse ("embassy AND", "OR OR"):
// its operators and brackets are words, as Xapian's QueryParser itself retries text with a
// bare parse error. Phrases, + and - and wildcards keep their meaning.
constexpr unsigned words_only_flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_LOVEHATE |
                                      Xapian::QueryParser::FLAG_WILDCARD;

ParsedText parse_text(const SearchRequest& request, const Analysis& analysis, const Tagger& tagger,
                      const TermStats& stats) {
    Xapian::QueryParser qp;
    qp.set_database(stats.database());
    qp.set_stemmer(analysis.stemmer);
    qp.set_stemming_strategy(request.stem ? Xapian::QueryParser::STEM_SOME : Xapian::QueryParser::STEM_NONE);
    qp.set_stopper(&analysis.stopper);
    qp.set_default_op(Xapian::Query::OP_OR);
    qp.add_prefix("title", std::string(prefix_title));
    ParsedText out;
    out.split = split_filters(with_acronyms_in_capitals(read_without_case(request.query, names_known_to(tagger))));
    out.blank = out.split.text.find_first_not_of(" \t\r\n") == std::string::npos;
    if (out.blank) return out;
    out.named = split_filters(request.query).text;
    try {
        out.parsed = qp.parse_query(out.split.text, query_flags);
    } catch (const Xapian::QueryParserError& e) {
        out.split.notes.push_back("operators and brackets read as words: " + e.get_msg());
        out.parsed = translate_errors([&] { return "cannot parse query '" + request.query + "'"; },
                                      [&] { return qp.parse_query(out.split.text, words_only_flags); });
    }
    return out;
}

// True for a plain query of several concepts: the expansion keeps the parsed query's shape,
// so its top-level OR has one subquery per parsed concept (a single expanded word is an OR
// too, which must not count).
[[nodiscard]] bool several_concepts(const Xapian::Query& parsed, const Xapian::Query& expanded) {
    return parsed.get_type() == Xapian::Query::OP_OR && expanded.get_type() == Xapian::Query::OP_OR &&
           expanded.get_num_subqueries() == parsed.get_num_subqueries() && parsed.get_num_subqueries() > 1;
}

// What matches and what ranks, before the bonuses. `core` ranks; `matching` holds the same
// matches without ranking-only branches. `common_split` when common concepts were made
// ranking-only (see common_share): then `matching` is the OR of the rarer ones.
struct RankedQuery {
    Xapian::Query matching;
    Xapian::Query core;
    bool common_split = false;
    /// The frequency above which a concept of this query is common (0: none can be, as for
    /// a single concept or an explicit OR). Also applies to the entities the query names.
    double common_cutoff = 0;
};

RankedQuery set_common_words_apart(const ParsedText& text, const Xapian::Query& expanded, const TermStats& stats) {
    // The bonuses below (AND_MAYBE branches) reorder matches but never add any: counting needs
    // only this, plus the entity branches that do add matches.
    RankedQuery out{expanded, expanded, false};
    if (!several_concepts(text.parsed, expanded) || has_explicit_or(text.split.text)) return out;
    std::vector<double> frequency;
    for (std::size_t i = 0; i < expanded.get_num_subqueries(); ++i) {
        frequency.push_back(concept_frequency(expanded.get_subquery(i), stats));
    }
    const double rarest = rarest_known(frequency);
    const double cutoff = std::max({common_share * stats.doccount(), common_floor, common_ratio * rarest});
    if (rarest > 0 && rarest <= cutoff) out.common_cutoff = cutoff;
    std::vector<Xapian::Query> rare;
    std::vector<Xapian::Query> common;
    // A common concept that is a phrase ("8-10", "10:50", "high-risk" in a long headline) ranks
    // as its words found together, not side by side: its words are common, so checking their
    // positions in every match that holds both was the slowest part of such queries (p99 on
    // 200,000 articles, bench/results/query.md), and a ranking-only branch only reorders.
    for (std::size_t i = 0; i < expanded.get_num_subqueries(); ++i) {
        if (frequency[i] > cutoff) common.push_back(without_positions(expanded.get_subquery(i)));
        else rare.push_back(expanded.get_subquery(i));
    }
    if (rare.empty() || common.empty()) return out;
    out.common_split = true;
    out.matching = Xapian::Query(Xapian::Query::OP_OR, rare.begin(), rare.end());
    out.core = Xapian::Query(Xapian::Query::OP_AND_MAYBE, out.matching,
                             Xapian::Query(Xapian::Query::OP_OR, common.begin(), common.end()));
    return out;
}

// Highlighting: each query word is a group of its own (numbered from `group_id`, which is
// left at the next free group), weighted by rarity; its expansions share its group at a lower
// weight. Returns the title terms of the words the user typed, for the headline bonus
// (numbers get none).
std::vector<Xapian::Query> highlight_query_words(const Xapian::Query& parsed, bool expand, const Analysis& analysis,
                                                 const TermStats& stats, HighlightSpec& highlight, int& group_id) {
    const double n = collection_size(stats);
    std::vector<Xapian::Query> title_terms;
    for (auto it = parsed.get_unique_terms_begin(); it != parsed.get_unique_terms_end(); ++it) {
        const std::string term = *it;
        if (is_stem_term(term) || is_word_term(term)) title_terms.emplace_back(title_term(term));
        double tf = std::max<double>(1, stats.termfreq(term));
        double w = 1.0 + std::log(n / tf);
        if (!highlight.add_term(term, {group_id, w})) continue;
        if (expand) {
            for (const auto& g : single_word_terms(analysis.thesaurus.expand(Xapian::Query(term), stats))) {
                if (g != term) highlight.add_term(g, {group_id, 0.5 * w});
            }
        }
        ++group_id;
    }
    return title_terms;
}

// More like this (nullopt without request.like): the article's telling words, highlighted
// after the query's own words in groups from `group_id` (at half weight when there is a
// query: the user's words say what to show). Throws ArticleNotFoundError for an unknown id.
std::optional<LikeQuery> like_query(const SearchRequest& request, bool blank, const Analysis& analysis,
                                    const TermStats& stats, HighlightSpec& highlight, int& group_id) {
    if (request.like.empty()) return std::nullopt;
    LikeQuery like = more_like_this(stats, request.like, analysis);
    const double n = collection_size(stats);
    const double share = blank ? 1.0 : 0.5;
    for (const auto& [term, relative] : like.terms) {
        const double tf = std::max<double>(1, stats.termfreq(term));
        const double weight = share * relative * (1.0 + std::log(n / tf));
        if (highlight.add_term(term, {group_id, weight})) ++group_id;
    }
    return like;
}

// The concepts of a plain multi-word query (several_concepts): each expanded word, except that
// words of one family ("missile hit embassy": missile and hit both say attack) are one concept
// (their OR): an article need not use both to answer the question.
std::vector<Xapian::Query> concepts_of(const Xapian::Query& parsed, const Xapian::Query& expanded,
                                       const Analysis& analysis) {
    std::vector<Xapian::Query> concepts;
    std::map<int, std::vector<Xapian::Query>> families;
    for (std::size_t i = 0; i < expanded.get_num_subqueries(); ++i) {
        auto original = parsed.get_subquery(i);
        int family = original.get_type() == Xapian::Query::LEAF_TERM
                         ? analysis.thesaurus.family_of(*original.get_terms_begin())
                         : -1;
        if (family < 0) concepts.push_back(expanded.get_subquery(i));
        else families[family].push_back(expanded.get_subquery(i));
    }
    for (auto& [family, members] : families) {
        concepts.emplace_back(Xapian::Query::OP_OR, members.begin(), members.end());
    }
    return concepts;
}

// The coordination bonus over 2 to max_coordinated_concepts concepts (nullopt for other
// counts): an OR of ranking-only branches. Coordination in proportion: every pair of concepts
// found together adds their weight, scaled by 1/(n-1). An article with all n concepts gets
// their weight once more; one with k of them (k-1)/(n-1) of it. (For two concepts: both, or
// no bonus.)
std::optional<Xapian::Query> coordination_bonus(const std::vector<Xapian::Query>& concepts, const TermStats& stats) {
    if (concepts.size() < 2 || concepts.size() > max_coordinated_concepts) return std::nullopt;
    const double n = collection_size(stats);
    std::vector<Xapian::Query> pairs;
    const double scale = 1.0 / static_cast<double>(concepts.size() - 1);
    std::vector<Xapian::Query> loose;
    for (const auto& c : concepts) loose.push_back(without_positions(c));
    std::vector<double> frequency;
    for (const auto& c : concepts) frequency.push_back(concept_frequency(c, stats));
    const double rarest = rarest_known(frequency);
    for (std::size_t a = 0; a < concepts.size(); ++a) {
        for (std::size_t b = a + 1; b < concepts.size(); ++b) {
            if (generic_pair(frequency[a], frequency[b], rarest)) continue;
            Xapian::Query both(Xapian::Query::OP_AND, loose[a], loose[b]);
            pairs.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, both, scale);
        }
    }
    // An article with every concept also earns a fixed weight, whatever its counts: the
    // pairs above add what the concepts weigh in it, which is little when it names them
    // only through relatives ("drone attack near a consulate") and a lot when it repeats
    // one of them ("embassy" five times in an article about an embassy reopening).
    // Concepts of unknown frequency (wildcards) count as the most frequent known one,
    // not as words found nowhere (the highest idf there is).
    const double most = *std::max_element(frequency.begin(), frequency.end());
    double idfs = 0;
    for (double f : frequency) idfs += bm25_idf(n, f > 0 ? f : most);
    auto* fixed = new Xapian::FixedWeightPostingSource(every_concept_weight * idfs);
    Xapian::Query every(fixed->release());
    if (concepts.size() == 2) {
        // The one pair is every concept: add the fixed weight to it (AND with a
        // posting source that matches every article) rather than test the pair twice.
        pairs.front() = Xapian::Query(Xapian::Query::OP_AND, pairs.front(), every);
    } else {
        pairs.emplace_back(Xapian::Query::OP_FILTER, every, Xapian::Query(Xapian::Query::OP_AND, loose.begin(), loose.end()));
    }
    return Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end());
}

// `core` with the coordination bonus when it applies: articles matching every concept of a
// plain multi-word query get those concepts' weight again: co-occurrence beats repeating one
// word (a labour strike vs a strike on an embassy). Not when common words were set apart:
// pairs of the query's specific word with generic ones ("sugar" with "production", "prices")
// rewarded articles that mention sugar among other commodities over articles about sugar
// (figures: bench/results/query.md, "No coordination bonus once common words were set
// apart"). Not without expansion (--verbatim).
Xapian::Query with_coordination(const RankedQuery& ranked, const Xapian::Query& parsed, const Xapian::Query& expanded,
                                bool expand, const Analysis& analysis, const TermStats& stats) {
    if (ranked.common_split || !expand || !several_concepts(parsed, expanded)) return ranked.core;
    auto bonus = coordination_bonus(concepts_of(parsed, expanded, analysis), stats);
    if (!bonus) return ranked.core;
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, ranked.core, *bonus);
}

// The words the user typed (not their expansions) in the headline are a strong sign the
// article is about them: `ranked` with a bonus for them, unless the query only excludes.
Xapian::Query with_title_bonus(const Xapian::Query& ranked, const std::vector<Xapian::Query>& title_terms,
                               const Xapian::Query& parsed) {
    if (title_terms.empty() || parsed.get_type() == Xapian::Query::OP_AND_NOT) return ranked;
    Xapian::Query title(Xapian::Query::OP_OR, title_terms.begin(), title_terms.end());
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, ranked,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, title, title_weight));
}

// Entities the query names ("Kiev", "UNITED ARAB EMIRATES", "Antony Blinken"), found by the
// same tagger as the articles': articles ABOUT them (their facets, if any article has them)
// match and get a bonus, whatever spelling they use. Adds them to `ranked` and `matching`.
// The bonus is a fixed weight (a built-in posting source, so remote shards can run it): the
// facet term's idf (entity_weight), about what one mention of a word as rare as the facet
// earns. An entity as common as a common word (`common_cutoff`: "U.S." over US wire copy)
// ranks but does not match, like the common words: the query's rarer words say what to find.
// Cost: tagging the query text.
void add_named_entities(const std::string& text, const Tagger& tagger, const TermStats& stats,
                        double common_cutoff, Xapian::Query& ranked, Xapian::Query& matching) {
    const double n = collection_size(stats);
    Article as_text;
    as_text.body = text;
    std::vector<Xapian::Query> about;
    std::vector<Xapian::Query> common;
    std::set<std::string> seen;
    for (const auto& m : tagger.tag(as_text).mentions) {
        auto term = filter_term(facet_prefix(m.facet), m.value);
        const double frequency = stats.termfreq(term);
        if (!seen.insert(term).second || frequency == 0) continue;
        auto* fixed = new Xapian::FixedWeightPostingSource(entity_weight * bm25_idf(n, frequency));
        Xapian::Query bonus(Xapian::Query::OP_FILTER, Xapian::Query(fixed->release()), Xapian::Query(term));
        if (common_cutoff > 0 && frequency > common_cutoff) {
            common.push_back(bonus);
            continue;
        }
        about.push_back(bonus);
        matching = Xapian::Query(Xapian::Query::OP_OR, matching, Xapian::Query(term));
    }
    if (!about.empty()) {
        // OR, not AND_MAYBE: an article about Kyiv answers "Kiev" even if it never says Kiev.
        about.insert(about.begin(), ranked);
        ranked = Xapian::Query(Xapian::Query::OP_OR, about.begin(), about.end());
    }
    if (!common.empty()) {
        ranked = Xapian::Query(Xapian::Query::OP_AND_MAYBE, ranked,
                               Xapian::Query(Xapian::Query::OP_OR, common.begin(), common.end()));
    }
}

// Nothing to rank by (no words, or only exclusions): newest first.
[[nodiscard]] bool nothing_to_rank(const Xapian::Query& parsed) {
    return parsed.empty() || (parsed.get_type() == Xapian::Query::OP_AND_NOT &&
                              parsed.get_subquery(0).get_type() == Xapian::Query::LEAF_MATCH_ALL);
}

// `q` (the words, or empty) as the query to run before filters: filters only match every
// article they allow, unweighted, as do words that only exclude (`by_date`). With more like
// this, articles must match the like query too, the article itself left out.
Xapian::Query with_like(const Xapian::Query& q, bool by_date, const std::optional<LikeQuery>& like) {
    Xapian::Query query = q.empty()  ? Xapian::Query(Xapian::Query::MatchAll)
                          : by_date ? Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll, q)
                                    : q;
    if (!like) return query;
    // With query words, an article must match them too and scores for both ("like this
    // one, about X"); words that only exclude ("NOT strike") narrow the articles alike.
    if (!by_date) {
        query = Xapian::Query(Xapian::Query::OP_AND, query, like->query);
    } else if (!q.empty()) {
        query = Xapian::Query(Xapian::Query::OP_FILTER, like->query, q);
    } else {
        query = like->query;
    }
    return Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(like->id_term));
}

// The filters of a request: clauses that must all hold and clauses that exclude.
struct Filters {
    std::vector<Xapian::Query> required;
    std::vector<Xapian::Query> excluded;

    // `query` as OP_FILTER(query, AND(required)) AND_NOT OR(excluded).
    [[nodiscard]] Xapian::Query apply(Xapian::Query query) const {
        if (!required.empty()) {
            query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end()));
        }
        if (!excluded.empty()) {
            query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                                  Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
        }
        return query;
    }
};

// One clause of the query text's filters: the OR of its alternatives. Throws QueryError
// for a bad date.
Xapian::Query clause_query(const FilterClause& clause, const Tagger& tagger) {
    std::vector<Xapian::Query> alternatives;
    for (const auto& atom : clause.any_of) {
        if (atom.field == "date") {
            alternatives.push_back(date_filter(atom.value));
            continue;
        }
        auto facet = parse_facet(atom.field);
        alternatives.push_back(filter_for(tagger, facet, facet ? facet_prefix(*facet) : prefix_source, atom.value));
    }
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

// The filters written in the query text and the request's own (facets, sources, since and
// until), all but those on `without`. Throws QueryError for a bad date: filter, UsageError
// for a bad --since/--until or one after the other.
Filters collect_filters(const std::vector<FilterClause>& clauses, const SearchRequest& request, const Tagger& tagger,
                        const LeftOut& without) {
    auto left_out = [&](const FilterAtom& a) {
        return (without.facet && parse_facet(a.field) == without.facet) || (without.source && a.field == "source");
    };
    Filters out;
    for (const auto& clause : clauses) {
        if (std::any_of(clause.any_of.begin(), clause.any_of.end(), left_out)) continue;
        (clause.exclude ? out.excluded : out.required).push_back(clause_query(clause, tagger));
    }
    for (const auto& [facet, values] : request.filters) {
        if (facet == without.facet) continue;
        for (const auto& v : values) out.required.push_back(filter_for(tagger, facet, facet_prefix(facet), v));
    }
    if (!without.source) {
        for (const auto& s : request.sources) out.required.push_back(filter_for(tagger, std::nullopt, prefix_source, s));
    }
    if (!request.since.empty() || !request.until.empty()) {
        // The slot holds full UTC date-times; a date alone means its whole day, a month or a
        // year all of it, as in date:.
        auto keys = date_key_range(request.since, request.until);
        if (keys.first > keys.last) throw UsageError("--since " + request.since + " is after --until " + request.until);
        out.required.emplace_back(Xapian::Query::OP_VALUE_RANGE, slot_date, keys.first, keys.last);
    }
    return out;
}

}  // namespace

IsName names_known_to(const Tagger& tagger) {
    return [&tagger](std::string_view word) {
        Article as_text;
        as_text.body = std::string(word);
        return !tagger.tag(as_text).mentions.empty();
    };
}

std::vector<Facet> filtered_facets(const SearchRequest& request) {
    std::vector<Facet> out;
    auto add = [&](Facet f) {
        if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
    };
    for (const auto& [facet, values] : request.filters) {
        if (!values.empty()) add(facet);
    }
    for (const auto& clause : split_filters(request.query).clauses) {
        for (const auto& atom : clause.any_of) {
            if (auto f = parse_facet(atom.field)) add(*f);
        }
    }
    return out;
}

bool filters_source(const SearchRequest& request) {
    if (!request.sources.empty()) return true;
    for (const auto& clause : split_filters(request.query).clauses) {
        for (const auto& atom : clause.any_of) {
            if (atom.field == "source") return true;
        }
    }
    return false;
}

BuiltQuery build_query(const SearchRequest& request, const Analysis& analysis, const Tagger& tagger,
                       const TermStats& stats, const LeftOut& without) {
    BuiltQuery out;
    const ParsedText text = parse_text(request, analysis, tagger, stats);
    const Xapian::Query& parsed = text.parsed;
    const Xapian::Query expanded = request.expand ? analysis.thesaurus.expand(parsed, stats) : parsed;
    RankedQuery ranked = set_common_words_apart(text, expanded, stats);
    int group_id = 0;
    const auto title_terms = highlight_query_words(parsed, request.expand, analysis, stats, out.highlight, group_id);
    const auto like = like_query(request, text.blank, analysis, stats, out.highlight, group_id);
    Xapian::Query ranking = with_coordination(ranked, parsed, expanded, request.expand, analysis, stats);
    ranking = with_title_bonus(ranking, title_terms, parsed);
    if (request.expand && !text.blank && parsed.get_type() != Xapian::Query::OP_AND_NOT) {
        add_named_entities(text.named, tagger, stats, ranked.common_cutoff, ranking, ranked.matching);
    }
    out.by_date = nothing_to_rank(parsed);
    const Filters filters = collect_filters(text.split.clauses, request, tagger, without);
    out.unfiltered = with_like(ranking, out.by_date, like);
    out.query = filters.apply(out.unfiltered);
    out.filtered = !filters.required.empty() || !filters.excluded.empty();
    out.matching = filters.apply(with_like(ranked.matching, out.by_date, like));
    if (like) out.by_date = false;  // ranked by likeness
    out.notes = text.split.notes;
    return out;
}

}  // namespace newsfacet::detail
