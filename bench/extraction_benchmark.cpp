// Speed of reading article pages: newsfacet's HTML extraction (charset, parse, main text,
// headline, date, source) on one core, in bytes of HTML per second.
//
//   NEWSFACET_BENCH_HTML=../shared/data/extraction/dev newsfacet-bench-extraction
//
// Input: every .html/.htm file under the directory named by NEWSFACET_BENCH_HTML (recursively);
// without it the benchmark reports an error. Pages are loaded into memory before
// timing; each iteration extracts every page once, as `newsfacet-index` does for a saved page.
// See bench/README.md.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "read/html_article.hpp"

namespace {

namespace fs = std::filesystem;

struct Pages {
    std::vector<std::string> html;
    std::size_t bytes = 0;
};

bool is_page(const fs::path& file) {
    auto ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".html" || ext == ".htm";
}

// Every page under `dir`, in path order (a fixed order keeps runs comparable).
Pages load(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file() && is_page(it->path())) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    Pages pages;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        pages.bytes += bytes.str().size();
        pages.html.push_back(std::move(bytes).str());
    }
    return pages;
}

const Pages& pages() {
    static const Pages loaded = [] {
        const char* dir = std::getenv("NEWSFACET_BENCH_HTML");
        if (dir != nullptr && *dir != '\0') return load(dir);
        return Pages{};
    }();
    return loaded;
}

void BM_ExtractPages(benchmark::State& state) {
    const Pages& in = pages();
    if (in.html.empty()) {
        state.SkipWithError("no .html pages: name a folder of them with NEWSFACET_BENCH_HTML");
        return;
    }
    for (auto _ : state) {
        for (const auto& page : in.html) {
            auto article = newsfacet::detail::article_from_html(page, "page");
            benchmark::DoNotOptimize(article);
        }
    }
    const auto iterations = static_cast<std::int64_t>(state.iterations());
    state.SetBytesProcessed(iterations * static_cast<std::int64_t>(in.bytes));
    state.SetItemsProcessed(iterations * static_cast<std::int64_t>(in.html.size()));
    state.counters["pages"] = static_cast<double>(in.html.size());
    state.counters["input_MiB"] = static_cast<double>(in.bytes) / (1024.0 * 1024.0);
}
BENCHMARK(BM_ExtractPages)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
