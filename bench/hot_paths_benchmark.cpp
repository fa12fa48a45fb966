// The hot inner pieces of indexing and searching, one core each: tokenising, building a
// document (term generation; tagging has its own benchmark), snippet building and facet
// counting (the counting pass with no spy, the spy over value streams, the spy over in-memory
// facet columns, and reading those columns).
//
//   newsfacet-bench-hot-paths [--benchmark_* options]
//   NEWSFACET_BENCH_JSONL=../shared/data/reuters-train.jsonl newsfacet-bench-hot-paths
//
// Inputs: the demo corpus (NEWSFACET_CORPUS_DIR, compiled in) or, when the environment
// variable NEWSFACET_BENCH_JSONL names a JSONL file, its first 5000 articles. The counting
// benchmarks index the input once into a temporary directory (removed at exit) and count
// every article. Uses the library's private headers, like the unit tests. See bench/README.md.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <xapian.h>

#include <newsfacet/article.hpp>
#include <newsfacet/error.hpp>
#include <newsfacet/index.hpp>
#include <newsfacet/reader.hpp>
#include <newsfacet/tagger.hpp>

#include "text/analysis.hpp"
#include "search/facet_columns.hpp"
#include "search/facet_spy.hpp"
#include "store/index_access.hpp"
#include "search/snippet_builder.hpp"
#include "text/text.hpp"

#ifndef NEWSFACET_CORPUS_DIR
#error "NEWSFACET_CORPUS_DIR must name the project's corpus/ directory"
#endif

namespace {

namespace nd = newsfacet::detail;

constexpr std::size_t jsonl_article_limit = 5000;

struct Input {
    std::vector<newsfacet::Article> articles;
    std::vector<newsfacet::Tagging> taggings;
    std::size_t bytes = 0;  // title + body
    std::string error;
};

const Input& input() {
    static const Input loaded = [] {
        Input in;
        const char* jsonl = std::getenv("NEWSFACET_BENCH_JSONL");
        const std::filesystem::path path = jsonl && *jsonl ? std::filesystem::path(jsonl)
                                                           : std::filesystem::path(NEWSFACET_CORPUS_DIR);
        newsfacet::ReadHandler handler;
        handler.on_article = [&](newsfacet::Article&& a) {
            if (in.articles.size() >= jsonl_article_limit) return;
            in.bytes += a.title.size() + a.body.size();
            in.articles.push_back(std::move(a));
        };
        try {
            newsfacet::read_articles(path, handler);
        } catch (const newsfacet::Error& e) {
            in.error = e.what();
            return in;
        }
        if (in.articles.empty()) in.error = path.string() + ": no articles read";
        newsfacet::Tagger tagger;
        for (const auto& a : in.articles) in.taggings.push_back(tagger.tag(a));
        return in;
    }();
    return loaded;
}

void set_throughput(benchmark::State& state, const Input& in) {
    const auto iterations = static_cast<std::int64_t>(state.iterations());
    state.SetBytesProcessed(iterations * static_cast<std::int64_t>(in.bytes));
    state.SetItemsProcessed(iterations * static_cast<std::int64_t>(in.articles.size()));
    state.counters["articles"] = static_cast<double>(in.articles.size());
}

void BM_Tokenise(benchmark::State& state) {
    const auto& in = input();
    if (!in.error.empty()) return state.SkipWithError(in.error.c_str());
    for (auto _ : state) {
        for (const auto& a : in.articles) {
            benchmark::DoNotOptimize(newsfacet::text::words(a.title));
            benchmark::DoNotOptimize(newsfacet::text::words(a.body));
        }
    }
    set_throughput(state, in);
}
BENCHMARK(BM_Tokenise)->Unit(benchmark::kMillisecond);

// Term generation, values and document data for tagged articles: the preparing thread's share
// of indexing besides tagging.
void BM_BuildDocuments(benchmark::State& state) {
    const auto& in = input();
    if (!in.error.empty()) return state.SkipWithError(in.error.c_str());
    const nd::Analysis analysis;
    auto generator = nd::make_generator(analysis);
    for (auto _ : state) {
        for (std::size_t i = 0; i < in.articles.size(); ++i) {
            benchmark::DoNotOptimize(nd::IndexAccess::prepare(in.articles[i], in.taggings[i], generator));
        }
    }
    set_throughput(state, in);
}
BENCHMARK(BM_BuildDocuments)->Unit(benchmark::kMillisecond);

// A snippet of every article for a three-word query (stems of strike, embassy, talks).
void BM_Snippets(benchmark::State& state) {
    const auto& in = input();
    if (!in.error.empty()) return state.SkipWithError(in.error.c_str());
    const nd::Analysis analysis;
    nd::HighlightSpec spec;
    int group = 0;
    for (const char* word : {"strike", "embassy", "talks"}) {
        (void)spec.add_term("Z" + analysis.stemmer(word), {group, 1.0 + group});
        ++group;
    }
    for (auto _ : state) {
        for (const auto& a : in.articles) benchmark::DoNotOptimize(nd::make_snippet(a.body, spec, analysis, 200));
    }
    set_throughput(state, in);
}
BENCHMARK(BM_Snippets)->Unit(benchmark::kMillisecond);

// The input as an index, built once.
class IndexedInput {
public:
    IndexedInput() {
        std::string dir = (std::filesystem::temp_directory_path() / "newsfacet-bench-XXXXXX").string();
        if (!mkdtemp(dir.data())) throw std::runtime_error("mkdtemp failed");
        m_dir = dir;
        {
            auto index = newsfacet::Index::create_or_open(m_dir / "index");
            const auto& in = input();
            for (std::size_t i = 0; i < in.articles.size(); ++i) (void)index.add(in.articles[i], in.taggings[i]);
            index.commit();
        }
        m_db = Xapian::Database((m_dir / "index").string());
    }
    ~IndexedInput() {
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }
    IndexedInput(const IndexedInput&) = delete;
    IndexedInput& operator=(const IndexedInput&) = delete;
    [[nodiscard]] const Xapian::Database& db() const { return m_db; }

private:
    std::filesystem::path m_dir;
    Xapian::Database m_db;
};

const IndexedInput& indexed() {
    static const IndexedInput index;
    return index;
}

enum class Counting { none, streams, columns };

// The counting pass over every article: Xapian's match alone, then with the spy counting the
// three facets, the months and the near-duplicate groups.
void count_all(benchmark::State& state, Counting how) {
    const auto& in = input();
    if (!in.error.empty()) return state.SkipWithError(in.error.c_str());
    const auto& db = indexed().db();
    std::shared_ptr<const nd::FacetColumns> columns;
    if (how == Counting::columns) columns = std::make_shared<const nd::FacetColumns>(nd::FacetColumns::read(db));
    const nd::SpyCounts what{{newsfacet::all_facets.begin(), newsfacet::all_facets.end()}, true, true};
    for (auto _ : state) {
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query::MatchAll);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        nd::FacetSpy spy(db, what);
        if (how != Counting::none) enquire.add_matchspy(&spy);
        benchmark::DoNotOptimize(enquire.get_mset(0, 0, db.get_doccount()));
        if (how != Counting::none) {
            spy.use(columns);
            benchmark::DoNotOptimize(spy.groups());
            benchmark::DoNotOptimize(spy.counts(newsfacet::Facet::country, 50));
        }
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * db.get_doccount());
}

void BM_CountPassMatchOnly(benchmark::State& state) { count_all(state, Counting::none); }
BENCHMARK(BM_CountPassMatchOnly)->Unit(benchmark::kMillisecond);
void BM_CountPassStreams(benchmark::State& state) { count_all(state, Counting::streams); }
BENCHMARK(BM_CountPassStreams)->Unit(benchmark::kMillisecond);
void BM_CountPassColumns(benchmark::State& state) { count_all(state, Counting::columns); }
BENCHMARK(BM_CountPassColumns)->Unit(benchmark::kMillisecond);

void BM_FacetColumnsRead(benchmark::State& state) {
    const auto& in = input();
    if (!in.error.empty()) return state.SkipWithError(in.error.c_str());
    const auto& db = indexed().db();
    for (auto _ : state) benchmark::DoNotOptimize(nd::FacetColumns::read(db));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * db.get_doccount());
}
BENCHMARK(BM_FacetColumnsRead)->Unit(benchmark::kMillisecond);

}  // namespace
BENCHMARK_MAIN();
