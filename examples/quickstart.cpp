// The README's library example: index a folder of articles, then run a faceted search.
// Build: linked against newsfacet::newsfacet (see examples/CMakeLists.txt).
// Usage: quickstart CORPUS_DIR INDEX_DIR
#include <iostream>

#include <newsfacet/newsfacet.hpp>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: quickstart CORPUS_DIR INDEX_DIR\n";
        return 2;
    }
    try {
        // Index every article under the corpus directory (tagging facets on the way).
        auto index = newsfacet::Index::create_or_open(argv[2]);
        newsfacet::IngestHandler handler;
        handler.on_error = [](const newsfacet::InputError& e) { std::cerr << "skipped: " << e.what() << "\n"; };
        auto stats = newsfacet::ingest(index, {argv[1]}, handler);
        std::cout << "indexed " << stats.added + stats.replaced << " articles\n";

        // Search, narrowed to articles about Ukraine, with facet counts over all matches.
        newsfacet::Searcher searcher(argv[2]);
        newsfacet::SearchRequest request;
        request.query = "all strikes affecting embassies";
        request.filters[newsfacet::Facet::country] = {"ukraine"};
        request.limit = 3;
        auto results = searcher.search(request);

        std::cout << results.total << " matches\n";
        for (const auto& hit : results.hits) {
            std::cout << hit.rank << ". " << hit.title << "\n   " << hit.snippet.marked("[", "]") << "\n";
        }
        for (const auto& [facet, counts] : results.facets) {
            std::cout << newsfacet::facet_name(facet) << ":";
            for (const auto& c : counts) std::cout << " " << c.value << " (" << c.count << ")";
            std::cout << "\n";
        }
    } catch (const newsfacet::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
