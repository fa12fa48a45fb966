#include "text/thesaurus.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_set>

#include <newsfacet/error.hpp>

#include "text/ranking.hpp"
#include "text/terms.hpp"
#include "text/text.hpp"

namespace newsfacet::detail {
namespace {

// Non-empty fields only ("a||b" gives "a", "b").
std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    for (auto field : text::split(s, sep)) {
        if (!field.empty()) out.emplace_back(field);
    }
    return out;
}

}  // namespace

Thesaurus::Thesaurus(std::string_view tsv, const std::string& origin) {
    std::size_t line_no = 0;
    std::unordered_set<std::string> family_words;
    for (const auto& line : split(tsv, '\n')) {
        ++line_no;
        std::string_view l = line;
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        if (l.empty() || l.front() == '#') continue;
        auto cols = split(l, '\t');
        if (cols.size() < 3) throw InputError(origin, line_no, "expected: kind, word, expansions");
        const auto& kind = cols[0];
        auto word = text::ascii_lower(cols[1]);
        auto items = split(cols[2], '|');
        for (auto& item : items) item = text::ascii_lower(item);
        if (kind == "inflect") {
            for (const auto& form : items) m_irregular[form] = word;
        } else if (kind == "synonym") {
            auto& e = m_entries[word];
            e.synonyms.insert(e.synonyms.end(), items.begin(), items.end());
        } else if (kind == "related") {
            auto& e = m_entries[word];
            e.related.insert(e.related.end(), items.begin(), items.end());
            if (cols.size() >= 4) {
                double w = 0;
                auto [p, ec] = std::from_chars(cols[3].data(), cols[3].data() + cols[3].size(), w);
                if (ec != std::errc() || w <= 0 || w > 1) {
                    throw InputError(origin, line_no, "weight must be a number in (0, 1]");
                }
                e.related_weight = w;
            }
        } else if (kind == "family") {
            // Every member is a relative of every other.
            double w = 0.5;
            if (cols.size() >= 4) {
                auto [p, ec] = std::from_chars(cols[3].data(), cols[3].data() + cols[3].size(), w);
                if (ec != std::errc() || w <= 0 || w > 1) {
                    throw InputError(origin, line_no, "weight must be a number in (0, 1]");
                }
            }
            items.insert(items.begin(), word);
            // A word in two families would take the relatives of both, at the weight of the
            // last, and count as a concept of the first: one family per word.
            for (const auto& member : items) {
                if (!family_words.insert(member).second) {
                    throw InputError(origin, line_no, "'" + member + "' is already in another family");
                }
            }
            for (const auto& member : items) {
                auto& e = m_entries[member];
                for (const auto& other : items) {
                    if (other != member) e.related.push_back(other);
                }
                e.related_weight = w;
            }
            m_families.push_back(items);
        } else {
            throw InputError(origin, line_no, "unknown kind '" + kind + "' (inflect, synonym, related, family)");
        }
    }
}

int Thesaurus::family_of(const std::string& term) const {
    std::string key = term;
    if (is_word_term(key)) key = stem_term(m_stemmer(key));
    auto it = m_family_of.find(key);
    return it == m_family_of.end() ? -1 : it->second;
}

Xapian::Query Thesaurus::word_query(const std::string& word_or_phrase) const {
    auto words = split(word_or_phrase, ' ');
    if (words.size() == 1) return Xapian::Query(stem_term(m_stemmer(words[0])));
    // Phrases match the unstemmed (positional) terms.
    std::vector<Xapian::Query> parts;
    for (const auto& w : words) parts.emplace_back(w);
    return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), parts.size());
}

void Thesaurus::prepare(const Xapian::Stem& stemmer) {
    m_stemmer = stemmer;
    for (std::size_t f = 0; f < m_families.size(); ++f) {
        for (const auto& member : m_families[f]) {
            if (member.find(' ') == std::string::npos) m_family_of.emplace(stem_term(stemmer(member)), static_cast<int>(f));
        }
    }
    for (const auto& [word, entry] : m_entries) {
        auto& group = m_groups[stem_term(stemmer(word))];
        for (const auto& s : entry.synonyms) group.synonyms.push_back(word_query(s));
        for (const auto& r : entry.related) group.related.push_back(word_query(r));
        group.related_weight = entry.related_weight;
    }
}

Xapian::Query Thesaurus::expand_term(const std::string& term, const TermStats& stats) const {
    auto it = m_groups.find(term);
    if (it == m_groups.end()) return Xapian::Query(term);
    const auto& g = it->second;
    std::vector<Xapian::Query> syn{Xapian::Query(term)};
    for (const auto& q : g.synonyms) {
        if (q.get_type() != Xapian::Query::LEAF_TERM || *q.get_terms_begin() != term) syn.push_back(q);
    }
    Xapian::Query core = syn.size() == 1 ? syn[0] : Xapian::Query(Xapian::Query::OP_SYNONYM, syn.begin(), syn.end());
    if (g.related.empty()) return core;
    // A relative adds a fixed share of what the word itself can be worth at most,
    // whatever its own rarity: under BM25 a rare relative (or a phrase, whose frequency Xapian
    // can only guess) would otherwise outweigh the word the user typed. FixedWeightPostingSource
    // is built into Xapian, so remote shards can run it.
    // A relative gets its weight's share of 2 idf: about what BM25 (ranking.hpp) gives the word
    // itself mentioned three times in an article of average length, tf (k1 + 1) / (tf + k1)
    // idf = 1.9 idf. A share of the word's ceiling, (k1 + 1) idf = 3.5 idf, let relatives
    // outrank the word (figures: bench/results/query.md, "Thesaurus relatives").
    constexpr double word_idfs = 2.0;
    double bonus = g.related_weight * word_idfs * bm25_idf(stats.doccount(), stats.termfreq(term));
    Xapian::Query related(Xapian::Query::OP_OR, g.related.begin(), g.related.end());
    auto* fixed = new Xapian::FixedWeightPostingSource(bonus);
    // An article naming the word itself gains nothing more from also naming relatives. (Not
    // OP_MAX, which says the same: Xapian 1.4.22 reads freed memory when it prunes an OP_MAX
    // while skipping articles that cannot reach the requested page.)
    Xapian::Query only_related(Xapian::Query::OP_AND_NOT,
                               Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(fixed->release()), related), core);
    return Xapian::Query(Xapian::Query::OP_OR, core, only_related);
}

Xapian::Query Thesaurus::expand(const Xapian::Query& query, const TermStats& stats) const {
    auto type = query.get_type();
    if (type == Xapian::Query::LEAF_TERM) {
        auto t = query.get_terms_begin();
        if (t == query.get_terms_end()) return query;
        const std::string term = *t;
        if (is_stem_term(term)) return expand_term(term, stats);
        // Unstemmed words (e.g. capitalised ones) expand as their stem would.
        if (is_word_term(term)) {
            if (auto stem = stem_term(m_stemmer(term)); m_groups.count(stem)) return expand_term(stem, stats);
        }
        return query;
    }
    if (type == Xapian::Query::OP_AND_NOT) {
        // What is excluded is excluded as written: "embassy -consulate" must not drop embassies.
        std::vector<Xapian::Query> subs{expand(query.get_subquery(0), stats)};
        for (std::size_t i = 1; i < query.get_num_subqueries(); ++i) subs.push_back(query.get_subquery(i));
        return Xapian::Query(type, subs.begin(), subs.end());
    }
    switch (type) {
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_XOR:
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_MAX: {
            std::vector<Xapian::Query> subs;
            for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
                subs.push_back(expand(query.get_subquery(i), stats));
            }
            return Xapian::Query(type, subs.begin(), subs.end());
        }
        default:
            return query;
    }
}

}  // namespace newsfacet::detail
