#include <newsfacet/batch.hpp>

#include <chrono>
#include <istream>

#include <newsfacet/error.hpp>

namespace newsfacet {

BatchSummary run_batch(Searcher& searcher, const SearchRequest& base, std::istream& in,
                       const BatchHandler& on_item) {
    BatchSummary summary;
    SearchRequest request = base;
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        BatchItem item;
        item.line = line_no;
        item.query = line;
        request.query = line;
        const auto start = std::chrono::steady_clock::now();
        try {
            item.results = searcher.search(request);
        } catch (const UsageError& e) {
            item.error = e.what();
            ++summary.failed;
        }
        item.millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        ++summary.queries;
        if (on_item) on_item(item);
    }
    return summary;
}

}  // namespace newsfacet
