#include "stemmer.hpp"

namespace newsfacet::detail {
namespace {

class IrregularStemmer : public Xapian::StemImplementation {
public:
    explicit IrregularStemmer(IrregularForms irregular)
        : m_english("english"), m_irregular(std::move(irregular)) {}

    std::string operator()(const std::string& word) override {
        auto it = m_irregular.find(word);
        return m_english(it == m_irregular.end() ? word : it->second);
    }

    std::string get_description() const override { return "newsfacet-english"; }

private:
    Xapian::Stem m_english;
    IrregularForms m_irregular;
};

}  // namespace

Xapian::Stem make_stemmer(const IrregularForms& irregular) {
    return Xapian::Stem(new IrregularStemmer(irregular));
}

}  // namespace newsfacet::detail
