#pragma once
// A generated corpus of news-like articles, for tests that need many of them.

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace newsfacet::testing {

/// Writes `files` JSON Lines files (feed-100.jsonl ...) holding `articles` ids k-0, k-1, ... of
/// generated news-like articles (fixed seed), naming countries so that the tagger has facets to
/// find.
inline void write_generated_corpus(const std::filesystem::path& dir, int articles, int files) {
    static const std::vector<std::string> places = {"France", "Ukraine", "Kenya", "Brazil",
                                                    "Japan",  "Canada",  "Egypt", "Norway",
                                                    "Peru",   "Vietnam"};
    std::vector<std::string> words;
    for (int i = 0; i < 3000; ++i) {
        std::string w;
        for (int n = i; w.size() < 3 || n > 0; n /= 17)
            w.push_back(static_cast<char>('a' + (n + w.size() * 7) % 26));
        words.push_back(w);
    }
    std::mt19937 rng(20261128);
    std::uniform_int_distribution<std::size_t> word(0, words.size() - 1),
        place(0, places.size() - 1);
    std::filesystem::create_directories(dir);
    int id = 0;
    for (int f = 0; f < files; ++f) {
        std::ofstream out(dir / ("feed-" + std::to_string(100 + f) + ".jsonl"));
        for (int i = 0; i < articles / files; ++i, ++id) {
            std::string body = "Officials in " + places[place(rng)] + " said";
            for (int w = 0; w < 90; ++w) body += " " + words[word(rng)];
            body += ", a spokesman in " + places[place(rng)] + " added.";
            out << nlohmann::json{{"id", "k-" + std::to_string(id)},
                                  {"title", words[word(rng)] + " " + words[word(rng)] + " in " +
                                                places[place(rng)]},
                                  {"body", body},
                                  {"date", "2024-0" + std::to_string(1 + id % 9) + "-1" +
                                               std::to_string(id % 10)}}
                       .dump()
                << "\n";
        }
    }
}

}  // namespace newsfacet::testing
