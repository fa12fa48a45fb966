// Embedding newsfacet: index three articles into a new index and run a faceted search.
// Usage: newsfacet-embed INDEX_DIR   (INDEX_DIR must not hold anything else)
#include <iostream>

#include <newsfacet/newsfacet.hpp>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: newsfacet-embed INDEX_DIR\n";
        return 2;
    }
    try {
        {
            auto index = newsfacet::Index::create_or_open(argv[1]);
            index.add({"kyiv-1", "Drone strike hits embassy district in Kyiv",
                       "KYIV - A Russian drone struck near the Azerbaijani embassy in Kyiv on Tuesday, "
                       "Ukrainian officials said.",
                       "2024-03-04", "", "Example Wire", ""});
            index.add({"paris-1", "Dock workers strike in France",
                       "PARIS - Dock workers in France walked out over pensions, unions said.", "2024-03-05", "",
                       "Example Wire", ""});
            index.add({"nairobi-1", "Kenya opens a new embassy",
                       "NAIROBI - Kenya opened an embassy in Ghana, the foreign ministry said.", "2024-03-06", "",
                       "Example Wire", ""});
            index.commit();
        }
        newsfacet::Searcher searcher(argv[1]);
        newsfacet::SearchRequest request;
        request.query = "strikes on embassies";
        request.filters[newsfacet::Facet::country] = {"Ukraine"};
        auto results = searcher.search(request);
        std::cout << results.total << " match(es) for \"" << request.query << "\" in Ukraine\n";
        for (const auto& hit : results.hits) std::cout << hit.id << "\t" << hit.title << "\n";
        return results.total == 1 ? 0 : 1;
    } catch (const newsfacet::Error& e) {
        std::cerr << "newsfacet-embed: " << e.what() << "\n";
        return 1;
    }
}
