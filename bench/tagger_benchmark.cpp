// Throughput of newsfacet::Tagger::tag on one core, in bytes of article text (title + body)
// per second, and the cost of building a Tagger.
//
//   newsfacet-bench-tagger [--benchmark_* options]
//   NEWSFACET_BENCH_JSONL=../shared/data/reuters-train.jsonl newsfacet-bench-tagger
//
// Inputs: the seed article and the whole demo corpus (NEWSFACET_CORPUS_DIR, compiled in), and,
// when the environment variable NEWSFACET_BENCH_JSONL names a JSONL file, its first 2000
// articles. Articles are read once, before timing, with newsfacet::read_articles, exactly as
// the indexer reads them. Every benchmark is single-threaded. See bench/README.md.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include <newsfacet/article.hpp>
#include <newsfacet/error.hpp>
#include <newsfacet/reader.hpp>
#include <newsfacet/tagger.hpp>

#ifndef NEWSFACET_CORPUS_DIR
#error "NEWSFACET_CORPUS_DIR must name the project's corpus/ directory"
#endif

namespace {

constexpr std::size_t jsonl_article_limit = 2000;

/// Articles to tag, read before timing starts.
struct Input {
    std::vector<newsfacet::Article> articles;
    std::size_t bytes = 0;  ///< title + body bytes over all articles: what the tagger reads
    std::string error;      ///< non-empty when the input could not be read
};

/// Reads up to `limit` articles from `path` (file or directory). Unreadable articles are
/// counted as errors; a missing path or no articles at all makes the input unusable.
Input load(const std::filesystem::path& path, std::size_t limit = SIZE_MAX) {
    Input in;
    std::size_t failed = 0;
    newsfacet::ReadHandler handler;
    handler.on_article = [&](newsfacet::Article&& a) {
        if (in.articles.size() >= limit) return;  // read_articles cannot stop early; drop the rest
        in.bytes += a.title.size() + a.body.size();
        in.articles.push_back(std::move(a));
    };
    handler.on_error = [&](const newsfacet::InputError&) { ++failed; };
    try {
        newsfacet::read_articles(path, handler);
    } catch (const newsfacet::Error& e) {
        in.error = e.what();
        return in;
    }
    if (in.articles.empty()) {
        in.error = path.string() + ": no articles read";
    } else if (failed != 0) {
        std::cerr << "note: " << path.string() << ": " << failed << " article(s) could not be read\n";
    }
    return in;
}

// Inputs are loaded on first use, so --benchmark_filter does not pay for the others.
const Input& seed_input() {
    static const Input in = load(std::filesystem::path(NEWSFACET_CORPUS_DIR) / "azerbaijan-embassy-kyiv.txt");
    return in;
}

const Input& corpus_input() {
    static const Input in = load(NEWSFACET_CORPUS_DIR);
    return in;
}

const Input& jsonl_input(const std::string& path) {
    static const Input in = load(path, jsonl_article_limit);
    return in;
}

const newsfacet::Tagger& shared_tagger() {
    static const newsfacet::Tagger tagger;
    return tagger;
}

/// Tags every article of `in` once per iteration.
void run_tagging(benchmark::State& state, const Input& in) {
    if (!in.error.empty()) {
        state.SkipWithError(in.error.c_str());
        return;
    }
    const newsfacet::Tagger& tagger = shared_tagger();
    for (auto _ : state) {
        for (const auto& article : in.articles) {
            auto tagging = tagger.tag(article);
            benchmark::DoNotOptimize(tagging);
        }
        benchmark::ClobberMemory();
    }
    const auto iterations = static_cast<std::int64_t>(state.iterations());
    state.SetBytesProcessed(iterations * static_cast<std::int64_t>(in.bytes));
    state.SetItemsProcessed(iterations * static_cast<std::int64_t>(in.articles.size()));
    state.counters["articles"] = static_cast<double>(in.articles.size());
    state.counters["input_KiB"] = static_cast<double>(in.bytes) / 1024.0;
}

void BM_TagSeedArticle(benchmark::State& state) { run_tagging(state, seed_input()); }
BENCHMARK(BM_TagSeedArticle)->Unit(benchmark::kMicrosecond);

void BM_TagCorpus(benchmark::State& state) { run_tagging(state, corpus_input()); }
BENCHMARK(BM_TagCorpus)->Unit(benchmark::kMillisecond);

/// Building a Tagger over the compiled-in gazetteer (what every tool pays once at start-up).
void BM_TaggerConstruct(benchmark::State& state) {
    for (auto _ : state) {
        newsfacet::Tagger tagger;
        benchmark::DoNotOptimize(tagger);
    }
}
BENCHMARK(BM_TaggerConstruct)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

    // Optional: the first articles of a large JSONL file (e.g. Reuters), named by the environment.
    const char* jsonl = std::getenv("NEWSFACET_BENCH_JSONL");
    if (jsonl != nullptr && *jsonl != '\0') {
        std::string path = jsonl;
        benchmark::RegisterBenchmark("BM_TagJsonl", [path](benchmark::State& state) {
            run_tagging(state, jsonl_input(path));
        })->Unit(benchmark::kMillisecond);
    } else {
        std::cerr << "note: NEWSFACET_BENCH_JSONL is not set; BM_TagJsonl skipped\n";
    }

    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
