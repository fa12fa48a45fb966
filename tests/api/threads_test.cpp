// The thread contract (docs/DESIGN.md, "Threads"): Searchers and an Index share nothing
// mutable, so two Searchers, each on its own thread, search one index while an Index writes it
// from a third. The searches stem words (queries, snippets, spelling), fill the facet-column
// cache and reopen; had two of them shared a stemmer's memo or a cache, the sanitizer build
// would see the map being rebuilt under a reader, or the answers would differ.
#include <gtest/gtest.h>

#include <algorithm>
#include <latch>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"
#include "temp_dir.hpp"

using namespace newsfacet;
using newsfacet::testing::everything;
using newsfacet::testing::index_corpus;
using newsfacet::testing::make_article;
using newsfacet::testing::TempDir;

namespace {

// Requests whose answers the writer's articles cannot change: they match none of them, and
// their words are far from every word the writer adds ("did you mean" stays the same).
std::vector<SearchRequest> requests() {
    std::vector<SearchRequest> out;
    auto add = [&](SearchRequest r) { out.push_back(std::move(r)); };
    auto relevance = [](std::string query) {
        auto r = everything(std::move(query));
        r.collapse = false;  // which copy stands for a story follows the ranking's scores
        return r;
    };
    add(relevance("all strikes affecting embassies"));
    add(relevance("struck consulates"));          // an irregular form
    add(relevance("embasy attacks diplomats"));   // a misspelling: did you mean
    add(relevance("officials said"));             // many matches: the facet-column cache
    auto newest = everything("said");
    newest.sort = SortOrder::newest;
    add(newest);
    auto oldest = everything("ministers warned");
    oldest.sort = SortOrder::oldest;
    add(oldest);
    auto filtered = everything();
    filtered.filters[Facet::country] = {"Ukraine"};  // by date, with multi-select counts
    add(filtered);
    auto misspelt_filter = relevance("embassy");
    misspelt_filter.filters[Facet::country] = {"Ukrain"};
    add(misspelt_filter);
    return out;
}

// Words no article has, different for each thread and round, so that the searchers' stemmers
// keep memoising new words while they run (not only while the first round warms them up).
// All start with "xj" and are long: nothing indexed is close enough to correct them to.
std::string unknown_words(int thread, int round) {
    std::string words;
    for (int k = 0; k < 8; ++k) {
        std::string word = "xj";
        for (int n : {thread, round, k}) word += static_cast<char>('a' + n % 26);
        words += word + (k % 2 == 0 ? "ings " : "edly ");
    }
    return words;
}

void print_counts(std::ostream& out, const std::vector<std::pair<Facet, std::vector<FacetCount>>>& facets) {
    for (const auto& [facet, counts] : facets) {
        out << facet_name(facet) << ":";
        for (const auto& c : counts) out << " " << c.value << "=" << c.count;
        out << "\n";
    }
}

// Everything an answer says but the scores, which the writer's articles change (they change
// the collection statistics); for relevance, the hits as a set for the same reason.
std::string summary(const SearchRequest& request, const SearchResults& results) {
    std::ostringstream out;
    out << results.total << " " << results.total_articles << "\n";
    std::vector<std::string> hits;
    for (const auto& h : results.hits) {
        hits.push_back(h.id + " " + std::to_string(h.copies) + " " + h.snippet.marked("[", "]"));
    }
    if (request.sort == SortOrder::relevance && !request.query.empty()) std::sort(hits.begin(), hits.end());
    for (const auto& h : hits) out << h << "\n";
    print_counts(out, results.facets);
    for (const auto& m : results.months) out << m.value << "=" << m.count << " ";
    out << "\n";
    print_counts(out, results.facets_without_own_filter);
    for (const auto& s : results.suggestions) out << s << "\n";
    out << results.corrected_query << "\n";
    return out.str();
}

// The writer's articles: words no request uses, all starting with q, in many inflections
// so that its stemmer is kept busy too.
Article writer_article(int n) {
    static const char* const words[] = {"quokka", "quibble", "quilt", "quarry", "quince", "quiver"};
    static const char* const endings[] = {"", "s", "ing", "ed", "er", "ers"};
    std::string body;
    for (int k = 0; k < 60; ++k) {
        body += std::string(words[(n + k) % 6]) + endings[(n * 7 + k) % 6] + (k % 10 == 9 ? ". " : " ");
    }
    return make_article("quokka-" + std::to_string(n), "Quokka quilting " + std::to_string(n), body);
}

}  // namespace

TEST(ApiThreads, TwoSearchersSearchWhileAnIndexWrites) {
    TempDir dir;
    const auto path = index_corpus(dir);
    const auto all = requests();
    constexpr int rounds = 6;
    constexpr int written = 40;
    Searcher first(path), second(path);
    std::latch start(3);
    std::vector<std::string> seen[2];
    std::exception_ptr failure[3];
    auto search = [&](Searcher& searcher, int k) {
        try {
            start.arrive_and_wait();
            for (int round = 0; round < rounds; ++round) {
                for (const auto& r : all) seen[k].push_back(summary(r, searcher.search(r)));
                seen[k].push_back(summary(everything(), searcher.search(everything(unknown_words(k, round)))));
                searcher.reopen();  // sees the writer's commits so far
            }
        } catch (...) {
            failure[k] = std::current_exception();
        }
    };
    std::thread one(search, std::ref(first), 0);
    std::thread two(search, std::ref(second), 1);
    std::thread writer([&] {
        try {
            auto index = Index::open(path);
            start.arrive_and_wait();
            // Two commits: a search on a revision that changes under it retries once, and the
            // retry only fails if two more commits land during it.
            for (int n = 0; n < written; ++n) {
                (void)index.add(writer_article(n));
                if (n == written / 2) index.commit();
            }
            index.commit();
        } catch (...) {
            failure[2] = std::current_exception();
        }
    });
    one.join();
    two.join();
    writer.join();
    for (const auto& f : failure) {
        if (f) {
            try {
                std::rethrow_exception(f);
            } catch (const std::exception& e) {
                FAIL() << e.what();
            }
        }
    }
    // The answers of one searcher alone, afterwards (the writer's articles change none),
    // so that the threads start with nothing memoised or cached anywhere.
    std::vector<std::string> expected;
    Searcher alone(path);
    for (const auto& r : all) expected.push_back(summary(r, alone.search(r)));
    // The requests have something to check: matches, a correction, a suggestion.
    ASSERT_NE(expected[2].find("embassy"), std::string::npos) << expected[2];
    ASSERT_NE(expected.back().find("country:Ukraine"), std::string::npos) << expected.back();
    expected.push_back(summary(everything(), alone.search(everything(unknown_words(2, 0)))));
    ASSERT_EQ(expected.back().substr(0, 4), "0 0\n");
    for (const auto& answers : seen) {
        ASSERT_EQ(answers.size(), rounds * expected.size());
        for (std::size_t i = 0; i < answers.size(); ++i) {
            EXPECT_EQ(answers[i], expected[i % expected.size()]) << "request " << i % expected.size();
        }
    }
    EXPECT_EQ(alone.size(), newsfacet::testing::corpus_articles + written);
}

// Searchers of one process may share a tagger (newsfacet-serve's, one per thread): each
// answers, from its own thread, what a searcher with its own built-in tagger answers,
// filter aliases ("kiev") and articles' mentions included.
TEST(ApiThreads, SearchersSharingATaggerAnswerAsOneWithItsOwn) {
    TempDir dir;
    const auto path = index_corpus(dir);
    const Tagger shared;
    SearchRequest request = everything("embassy");
    request.filters[Facet::location] = {"kiev"};
    Searcher alone(path);
    const auto want = to_json(alone.search(request));
    const auto want_article = to_json(alone.article(newsfacet::testing::seed_id));
    std::vector<std::string> got(2), got_article(2);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < got.size(); ++i) {
        threads.emplace_back([&, i] {
            Searcher searcher(path, shared);
            got[i] = to_json(searcher.search(request));
            got_article[i] = to_json(searcher.article(newsfacet::testing::seed_id));
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_NE(want.find("\"total\":"), std::string::npos);
    for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i], want);
        EXPECT_EQ(got_article[i], want_article);
    }
    EXPECT_THROW((void)alone.article("no such article"), ArticleNotFoundError);
}
