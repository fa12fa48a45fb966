#include "search/query.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>
#include <map>

#include <newsfacet/error.hpp>
#include <newsfacet/article.hpp>

#include "store/document.hpp"
#include "search/filter_syntax.hpp"
#include "search/more_like_this.hpp"
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
// rates central bank cut") is about all of them, hence the ratio. Measured
// (bench/eval-relevance, Reuters topics): "copper production prices" AP 0.684 -> 0.800,
// "crude oil prices production OPEC" 0.622 -> 0.690, while without the ratio "interest rates
// central bank rate cut" fell 0.421 -> 0.280. 200k generated corpus: median matches 126k ->
// 9.6k, query p50 3.5x -> 0.9x plain Xapian's.
constexpr double common_share = 0.1;
constexpr double common_ratio = 5;
constexpr double common_floor = 1000;

// A lower bound of the number of articles a concept matches, from its terms' frequencies
// (no match is run): the most frequent alternative, the rarest part of a conjunction. Shapes
// without terms (posting sources, value ranges, wildcards) count 0, so they never make a
// concept common.
double concept_frequency(const Xapian::Query& q, const Xapian::Database& db) {
    const auto n = q.get_num_subqueries();
    switch (q.get_type()) {
        case Xapian::Query::LEAF_TERM:
            return db.get_termfreq(*q.get_terms_begin());
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_SYNONYM:
        case Xapian::Query::OP_MAX: {
            double most = 0;
            for (std::size_t i = 0; i < n; ++i) most = std::max(most, concept_frequency(q.get_subquery(i), db));
            return most;
        }
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_PHRASE:
        case Xapian::Query::OP_NEAR:
        case Xapian::Query::OP_FILTER: {
            if (n == 0) return 0;
            double least = concept_frequency(q.get_subquery(0), db);
            for (std::size_t i = 1; i < n; ++i) least = std::min(least, concept_frequency(q.get_subquery(i), db));
            return least;
        }
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_SCALE_WEIGHT:
            return n == 0 ? 0 : concept_frequency(q.get_subquery(0), db);
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
// rarest keep it. Measured (bench/eval-relevance, with the rest of this build), MAP / nDCG@10
// as ratios to the better peer, every pair / factor 5 / 3 / 2: Reuters development topics
// 1.053 / 1.049, 1.053 / 1.049, 1.054 / 1.052, 1.054 / 1.052; corpus set 1.096 / 1.056,
// 1.093 / 1.056, 1.089 / 1.054, 1.088 / 1.051; held-out topics (MAP) 0.967, 0.973, 0.980, 0.977.
constexpr double generic_pair_factor = 3;

// The fixed weight an article with every concept of a coordinated query earns, in idf units
// of each concept. Needed since BM25's k1 went from 1 to 2.5 (ranking.hpp): repeated words
// then outweighed relatives-only matches, and an embassy reopening ranked above strikes on
// consulates for "strikes on embassies" (ApiParaphrases). Measured (bench/eval-relevance, MAP
// / nDCG@10 as ratios to the better peer), 0 / 0.5 / 0.75: corpus set 1.087 / 1.053, 1.089 /
// 1.054, 1.090 / 1.055; Reuters development topics 1.057 / 1.053, 1.054 / 1.052, 1.053 /
// 1.052; held-out topics (MAP) 0.982, 0.980, 0.979. Under 0.5 the paraphrases fail.
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

}  // namespace

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

BuiltQuery build_query(const SearchRequest& request, const Analysis& analysis, const Tagger& tagger,
                       const Xapian::Database& db, std::optional<Facet> without) {
    BuiltQuery out;
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(analysis.stemmer);
    qp.set_stemming_strategy(request.stem ? Xapian::QueryParser::STEM_SOME : Xapian::QueryParser::STEM_NONE);
    qp.set_stopper(&analysis.stopper);
    qp.set_default_op(Xapian::Query::OP_OR);
    qp.add_prefix("title", std::string(prefix_title));
    auto split = split_filters(request.query);
    Xapian::Query parsed;
    bool blank = split.text.find_first_not_of(" \t\r\n") == std::string::npos;
    if (!blank) {
        try {
            parsed = qp.parse_query(split.text,
                                    Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                                        Xapian::QueryParser::FLAG_PURE_NOT);
        } catch (const Xapian::QueryParserError& e) {
            throw QueryError("cannot parse query '" + request.query + "': " + e.get_msg());
        }
    }
    Xapian::Query expanded = request.expand ? analysis.thesaurus.expand(parsed, db) : parsed;
    // The bonuses below (AND_MAYBE branches) reorder matches but never add any: counting needs
    // only this, plus the entity branches that do add matches.
    Xapian::Query matching = expanded;
    // What ranks: `expanded`, with its common concepts made ranking-only (see common_share).
    Xapian::Query core = expanded;
    bool common_split = false;
    if (parsed.get_type() == Xapian::Query::OP_OR && expanded.get_type() == Xapian::Query::OP_OR &&
        expanded.get_num_subqueries() == parsed.get_num_subqueries() && parsed.get_num_subqueries() > 1 &&
        !has_explicit_or(split.text)) {
        std::vector<double> frequency;
        for (std::size_t i = 0; i < expanded.get_num_subqueries(); ++i) {
            frequency.push_back(concept_frequency(expanded.get_subquery(i), db));
        }
        const double rarest = rarest_known(frequency);
        const double cutoff = std::max({common_share * db.get_doccount(), common_floor, common_ratio * rarest});
        std::vector<Xapian::Query> rare;
        std::vector<Xapian::Query> common;
        for (std::size_t i = 0; i < expanded.get_num_subqueries(); ++i) {
            (frequency[i] > cutoff ? common : rare).push_back(expanded.get_subquery(i));
        }
        if (!rare.empty() && !common.empty()) {
            common_split = true;
            matching = Xapian::Query(Xapian::Query::OP_OR, rare.begin(), rare.end());
            core = Xapian::Query(Xapian::Query::OP_AND_MAYBE, matching,
                                 Xapian::Query(Xapian::Query::OP_OR, common.begin(), common.end()));
        }
    }
    // Highlighting: each query word is a group of its own, weighted by rarity; its expansions
    // share its group at a lower weight.
    const double n = std::max<double>(1, db.get_doccount());
    int group_id = 0;
    std::vector<Xapian::Query> title_terms;
    for (auto it = parsed.get_unique_terms_begin(); it != parsed.get_unique_terms_end(); ++it) {
        const std::string term = *it;
        // Numbers get no headline bonus.
        if (is_stem_term(term) || is_word_term(term)) title_terms.emplace_back(title_term(term));
        double tf = std::max<double>(1, db.get_termfreq(term));
        double w = 1.0 + std::log(n / tf);
        if (!out.highlight.add_term(term, {group_id, w})) continue;
        if (request.expand) {
            for (const auto& g : single_word_terms(analysis.thesaurus.expand(Xapian::Query(term), db))) {
                if (g != term) out.highlight.add_term(g, {group_id, 0.5 * w});
            }
        }
        ++group_id;
    }
    // More like this: the article's telling words, highlighted after the query's own words
    // (at half weight when there is a query: the user's words say what to show).
    std::optional<LikeQuery> like;
    if (!request.like.empty()) {
        like = more_like_this(db, request.like, analysis);
        const double share = blank ? 1.0 : 0.5;
        for (const auto& [term, relative] : like->terms) {
            const double tf = std::max<double>(1, db.get_termfreq(term));
            const double weight = share * relative * (1.0 + std::log(n / tf));
            if (out.highlight.add_term(term, {group_id, weight})) ++group_id;
        }
    }
    // Articles matching every group_id of a plain multi-word query get those concepts' weight
    // again: co-occurrence beats repeating one word (a labour strike vs a strike on an embassy).
    // (The expansion keeps the parsed query's shape, so its top-level OR has one subquery per
    // parsed concept; a single expanded word is an OR too, which must not count.)
    // Not when common words were set apart: pairs of the query's specific word with generic ones
    // ("sugar" with "production", "prices") rewarded articles that mention sugar among other
    // commodities over articles about sugar (Reuters-topic MAP 0.583 -> 0.594 without them).
    if (!common_split && request.expand && parsed.get_type() == Xapian::Query::OP_OR && expanded.get_type() == Xapian::Query::OP_OR &&
        expanded.get_num_subqueries() == parsed.get_num_subqueries() && parsed.get_num_subqueries() > 1) {
        // Words of one family ("missile hit embassy": missile and hit both say attack) are one
        // concept: an article need not use both to answer the question.
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
        // Coordination in proportion: every pair of concepts found together adds their weight,
        // scaled by 1/(n-1). An article with all n concepts gets their weight once more; one
        // with k of them (k-1)/(n-1) of it. (For two concepts: both, or no bonus.)
        if (concepts.size() >= 2 && concepts.size() <= max_coordinated_concepts) {
            std::vector<Xapian::Query> pairs;
            const double scale = 1.0 / static_cast<double>(concepts.size() - 1);
            std::vector<Xapian::Query> loose;
            for (const auto& c : concepts) loose.push_back(without_positions(c));
            std::vector<double> frequency;
            for (const auto& c : concepts) frequency.push_back(concept_frequency(c, db));
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
                pairs.emplace_back(Xapian::Query::OP_FILTER, every,
                                   Xapian::Query(Xapian::Query::OP_AND, loose.begin(), loose.end()));
            }
            core = Xapian::Query(Xapian::Query::OP_AND_MAYBE, core,
                                 Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()));
        }
    }
    expanded = core;

    // The words the user typed (not their expansions) in the headline are a strong sign the
    // article is about them.
    if (!title_terms.empty() && parsed.get_type() != Xapian::Query::OP_AND_NOT) {
        Xapian::Query title(Xapian::Query::OP_OR, title_terms.begin(), title_terms.end());
        expanded = Xapian::Query(Xapian::Query::OP_AND_MAYBE, expanded,
                                 Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, title, title_weight));
    }

    // Entities the query names ("Kiev", "UNITED ARAB EMIRATES", "Antony Blinken"), found by the
    // same tagger as the articles': articles ABOUT them (their facets) match and get a bonus,
    // whatever spelling they use. The bonus is a fixed weight (a built-in posting source, so remote
    // shards can run it): the facet term's idf (entity_weight), about what one mention of a
    // word as rare as the facet earns.
    if (request.expand && !blank && parsed.get_type() != Xapian::Query::OP_AND_NOT) {
        Article as_text;
        as_text.body = split.text;
        std::vector<Xapian::Query> about;
        std::set<std::string> seen;
        for (const auto& m : tagger.tag(as_text).mentions) {
            auto term = filter_term(facet_prefix(m.facet), m.value);
            if (!seen.insert(term).second || db.get_termfreq(term) == 0) continue;
            auto* fixed = new Xapian::FixedWeightPostingSource(entity_weight * bm25_idf(n, db.get_termfreq(term)));
            about.emplace_back(Xapian::Query::OP_FILTER, Xapian::Query(fixed->release()), Xapian::Query(term));
            matching = Xapian::Query(Xapian::Query::OP_OR, matching, Xapian::Query(term));
        }
        if (!about.empty()) {
            // OR, not AND_MAYBE: an article about Kyiv answers "Kiev" even if it never says Kiev.
            about.insert(about.begin(), expanded);
            expanded = Xapian::Query(Xapian::Query::OP_OR, about.begin(), about.end());
        }
    }

    // Nothing to rank by (no words, or only exclusions): newest first.
    out.by_date = parsed.empty() ||
                  (parsed.get_type() == Xapian::Query::OP_AND_NOT &&
                   parsed.get_subquery(0).get_type() == Xapian::Query::LEAF_MATCH_ALL);
    auto base = [&](const Xapian::Query& q) {
        // Filters only: every article they allow, unweighted.
        Xapian::Query query = q.empty()       ? Xapian::Query(Xapian::Query::MatchAll)
                              : out.by_date ? Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll, q)
                                            : q;
        if (like) {
            // With query words, an article must match them too and scores for both ("like this
            // one, about X"); words that only exclude ("NOT strike") narrow the articles alike.
            if (!out.by_date) {
                query = Xapian::Query(Xapian::Query::OP_AND, query, like->query);
            } else if (!q.empty()) {
                query = Xapian::Query(Xapian::Query::OP_FILTER, like->query, q);
            } else {
                query = like->query;
            }
            query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(like->id_term));
        }
        return query;
    };

    std::vector<Xapian::Query> filters;
    std::vector<Xapian::Query> exclusions;
    for (const auto& clause : split.clauses) {
        if (without && std::any_of(clause.any_of.begin(), clause.any_of.end(),
                                   [&](const FilterAtom& a) { return parse_facet(a.field) == without; })) {
            continue;
        }
        std::vector<Xapian::Query> alternatives;
        for (const auto& atom : clause.any_of) {
            if (atom.field == "date") {
                alternatives.push_back(date_filter(atom.value));
                continue;
            }
            auto facet = parse_facet(atom.field);
            alternatives.push_back(filter_for(tagger, facet, facet ? facet_prefix(*facet) : prefix_source, atom.value));
        }
        Xapian::Query q(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
        (clause.exclude ? exclusions : filters).push_back(q);
    }
    for (const auto& [facet, values] : request.filters) {
        if (facet == without) continue;
        for (const auto& v : values) filters.push_back(filter_for(tagger, facet, facet_prefix(facet), v));
    }
    for (const auto& s : request.sources) filters.push_back(filter_for(tagger, std::nullopt, prefix_source, s));
    if (!request.since.empty() || !request.until.empty()) {
        // The slot holds full UTC date-times; a date alone means its whole day, a month or a
        // year all of it, as in date:.
        auto keys = date_key_range(request.since, request.until);
        if (keys.first > keys.last) throw UsageError("--since " + request.since + " is after --until " + request.until);
        filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, slot_date, keys.first, keys.last);
    }
    auto apply_filters = [&](Xapian::Query query) {
        if (!filters.empty()) {
            query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
        }
        if (!exclusions.empty()) {
            query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                                  Xapian::Query(Xapian::Query::OP_OR, exclusions.begin(), exclusions.end()));
        }
        return query;
    };
    out.query = apply_filters(base(expanded));
    out.matching = apply_filters(base(matching));
    if (like) out.by_date = false;  // ranked by likeness
    return out;
}

}  // namespace newsfacet::detail
