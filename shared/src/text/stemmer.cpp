#include "text/stemmer.hpp"

#include <string>
#include <unordered_map>

namespace newsfacet::detail {
namespace {

class IrregularStemmer : public Xapian::StemImplementation {
public:
    IrregularStemmer(IrregularForms irregular, std::size_t memo_words)
        : m_english("english"), m_irregular(std::move(irregular)), m_memo_words(memo_words) {}

    // Memoised: news vocabulary repeats, and a lookup costs a fraction of the Snowball
    // algorithm (which was a third of building a document and most of building a snippet).
    // Not thread-safe, like every Xapian::Stem: each Analysis has its own, and an Analysis
    // stays on one thread (analysis.hpp).
    std::string operator()(const std::string& word) override {
        if (auto cached = m_cache.find(word); cached != m_cache.end()) return cached->second;
        auto it = m_irregular.find(word);
        std::string stem = m_english(it == m_irregular.end() ? word : it->second);
        // Bounded: an endless stream of new words (ids, numbers, typos) must not grow it forever.
        if (m_cache.size() >= m_memo_words) m_cache.clear();
        m_cache.emplace(word, stem);
        return stem;
    }

    std::string get_description() const override { return "newsfacet-english"; }

private:
    Xapian::Stem m_english;
    IrregularForms m_irregular;
    std::size_t m_memo_words;
    std::unordered_map<std::string, std::string> m_cache;
};

}  // namespace

Xapian::Stem make_stemmer(const IrregularForms& irregular, std::size_t memo_words) {
    return Xapian::Stem(new IrregularStemmer(irregular, memo_words));
}

}  // namespace newsfacet::detail
