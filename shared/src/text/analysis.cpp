#include "text/analysis.hpp"

#include <array>
#include <string_view>

namespace newsfacet::detail {
namespace {

// Words dropped from natural-language queries ("all strikes affecting embassies"): English
// function words (pronouns, auxiliaries, conjunctions, prepositions and quantifiers that say
// nothing of a subject) and the phrasing of a request ("find the latest news about").
// Not the words that carry meaning in news: directions (up, down, under, off,
// against), "may" (the month) and "us" (the US in a query in capitals). They stay
// indexed, so phrases containing them still match. The function words beyond the first
// list were chosen across every judged collection: bench/results/ranking.md ("Stop words").
constexpr std::array<std::string_view, 129> stop_words = {
    "a", "about", "affect", "affected", "affecting", "affects", "after", "again",
    "all", "also", "am", "an", "and", "any", "are", "article",
    "articles", "as", "at", "be", "because", "been", "before", "being",
    "between", "both", "but", "by", "can", "concerning", "could", "did",
    "do", "does", "doing", "during", "each", "every", "few", "find",
    "for", "from", "further", "had", "has", "have", "having", "he",
    "her", "here", "him", "his", "how", "i", "if", "in",
    "into", "involving", "is", "it", "its", "just", "latest", "me",
    "might", "more", "most", "must", "my", "news", "no", "nor",
    "not", "of", "on", "once", "only", "or", "other", "our",
    "over", "own", "recent", "regarding", "report", "reports", "same", "shall",
    "she", "should", "show", "so", "some", "stories", "story", "such",
    "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "through", "to", "too", "until", "upon",
    "very", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "whom", "why", "will", "with", "would", "you",
    "your"};

}  // namespace

Analysis::Analysis(std::size_t stem_memo_words)
    : thesaurus(builtin_thesaurus(), "built-in thesaurus"),
      stemmer(make_stemmer(thesaurus.irregular(), stem_memo_words)) {
    thesaurus.prepare(stemmer);
    for (auto w : stop_words) stopper.add(std::string(w));
}

}  // namespace newsfacet::detail
