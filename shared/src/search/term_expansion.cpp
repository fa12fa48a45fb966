#include "search/term_expansion.hpp"

#include <algorithm>
#include <cmath>

#include <newsfacet/error.hpp>

#include "store/database.hpp"
#include "store/document.hpp"
#include "store/schema.hpp"

namespace newsfacet::detail {
namespace {

// Keeps the stems of title and body words (stem terms; the title stems "ZS…" are a copy).
// Ids, facet and source terms, unstemmed words and numbers are left out, so are stop words.
bool is_word_stem(const std::string& term, const Xapian::Stopper& stopper) {
    if (!is_stem_term(term) || stem_of(term).size() < 3) return false;
    if (std::any_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    return !stopper(std::string(stem_of(term)));
}

// Each term's collection frequency in `db`, in the order of `terms`. Over parts (remote
// shards), each part answers for every term on a thread of its own and the answers are
// summed: the same integers as one index's.
std::vector<Xapian::termcount> collection_frequencies(const Xapian::Database& db,
                                                      const std::vector<Xapian::Database>& parts,
                                                      const std::vector<std::string>& terms) {
    if (parts.size() < 2) {
        std::vector<Xapian::termcount> out;
        out.reserve(terms.size());
        for (const auto& term : terms) out.push_back(db.get_collection_freq(term));
        return out;
    }
    check_parts(db, parts);
    std::vector<std::vector<Xapian::termcount>> per_part(
        parts.size(), std::vector<Xapian::termcount>(terms.size()));
    on_parts(every_part(parts.size()), [&](std::size_t k) {
        for (std::size_t i = 0; i < terms.size(); ++i)
            per_part[k][i] = parts[k].get_collection_freq(terms[i]);
    });
    std::vector<Xapian::termcount> out(terms.size(), 0);
    for (const auto& answers : per_part) {
        for (std::size_t i = 0; i < terms.size(); ++i) out[i] += answers[i];
    }
    return out;
}

// Bo1 (Amati): a word used `occurrences` times by the articles, `collection` (> 0) times in
// the `articles` of the whole database. Xapian's Bo1EWeight, the same formula. Bo1 rather than
// Xapian's default "trad", which favours rarity: names and words used once, which make for a
// narrow and noisy query (measured on corpus/: fewer articles of the same kind in the top 5
// and 10 for more like this).
double bo1(Xapian::termcount occurrences, Xapian::termcount collection, Xapian::doccount articles) {
    const double mean = double(collection) / double(articles);
    return double(occurrences) * std::log2((1.0 + mean) / mean) + std::log2(1.0 + mean);
}

}  // namespace

TermUses stem_uses(const Xapian::Database& db, const std::vector<Xapian::Database>& parts,
                   const std::vector<Xapian::docid>& articles, const Analysis& analysis) {
    // The stems come from each article's stored text, indexed again here as the indexer did:
    // the same terms and frequencies as its term list, and over remote shards one document
    // read (a round trip) instead of a term list sent a message per term, each with its
    // frequency looked up (10.6 of a feedback query's 25 ms, bench/results/peers.md).
    const auto documents = read_documents(db, parts, articles);
    // On this thread: the stemmer of `analysis` keeps state.
    auto generator = make_generator(analysis);
    TermUses uses;
    for (const auto& document : documents) {
        Xapian::Document words;
        generator.set_document(words);
        index_free_text(generator, read_document(document).article);
        for (auto t = words.termlist_begin(); t != words.termlist_end(); ++t) {
            if (!is_stem_term(*t)) continue;
            auto& use = uses[*t];
            ++use.articles;
            use.occurrences += t.get_wdf();
        }
    }
    return uses;
}

std::vector<WeightedTerm> telling_terms(const Xapian::Database& db, const std::vector<Xapian::Database>& parts,
                                        const TermUses& uses, Xapian::termcount count, const Analysis& analysis,
                                        const TermTest& keep) {
    std::vector<std::string> terms;
    for (const auto& [term, use] : uses) {
        if (is_word_stem(term, analysis.stopper) && (!keep || keep(term))) terms.push_back(term);
    }
    if (terms.empty()) return {};
    std::sort(terms.begin(), terms.end());
    const auto collection = collection_frequencies(db, parts, terms);
    const auto articles = db.get_doccount();
    std::vector<WeightedTerm> out;
    for (std::size_t i = 0; i < terms.size(); ++i) {
        const auto& use = uses.at(terms[i]);
        // Another article has the word if two of the set do, or if the index holds it more
        // often than the set (a stem occurs at least once in an article that has it): the
        // collection frequency Bo1 needs tells, without asking for the article frequency.
        // A word the index holds less often than the set uses it is not the index's (text
        // stored otherwise than indexed: invalid UTF-8 given through the API).
        if (collection[i] < use.occurrences || (use.articles < 2 && collection[i] == use.occurrences)) continue;
        out.emplace_back(terms[i], bo1(use.occurrences, collection[i], articles));
    }
    std::sort(out.begin(), out.end(), [](const WeightedTerm& a, const WeightedTerm& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (out.size() > count) out.resize(count);
    if (out.empty()) return out;
    // Rounded, as when Xapian summed the expansion statistics over shards in another order;
    // the same integers now give the same weights, and the rounding keeps them as they were.
    const double best = out.front().second;
    for (auto& [term, weight] : out) weight = std::round(weight / best * 1e9) / 1e9;
    return out;
}

}  // namespace newsfacet::detail
