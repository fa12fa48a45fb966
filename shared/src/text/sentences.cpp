#include "text/sentences.hpp"

#include <algorithm>
#include <cctype>

namespace newsfacet::text {

std::vector<Sentence> sentences(std::string_view text) {
    std::vector<Sentence> out;
    std::size_t start = 0;
    auto skip_space = [&](std::size_t p) {
        while (p < text.size() && (text[p] == ' ' || text[p] == '\n' || text[p] == '\r' || text[p] == '\t')) ++p;
        return p;
    };
    start = skip_space(0);
    for (std::size_t i = start; i < text.size(); ++i) {
        char c = text[i];
        bool boundary = false;
        std::size_t end = i + 1;
        if (c == '\n') {
            boundary = true;
            end = i;
        } else if (c == '.' || c == '!' || c == '?') {
            std::size_t j = i + 1;
            // Closing quotes and brackets belong to the sentence.
            while (j < text.size() && (text[j] == '"' || text[j] == ')' || text[j] == '\'')) ++j;
            if (text.compare(j, 3, "\xE2\x80\x9D") == 0 || text.compare(j, 3, "\xE2\x80\x99") == 0) j += 3;
            if (j >= text.size() || text[j] == ' ' || text[j] == '\n') {
                // Not after a single capital ("J. Smith") or common abbreviations.
                bool initial = i >= 1 && std::isupper(static_cast<unsigned char>(text[i - 1])) &&
                               (i < 2 || !std::isalpha(static_cast<unsigned char>(text[i - 2])));
                if (!initial) {
                    boundary = true;
                    end = j;
                }
            }
        }
        if (boundary) {
            if (end > start) out.push_back({start, end});
            start = skip_space(std::max(end, i + 1));
            i = start - 1;
        }
    }
    if (start < text.size()) out.push_back({start, text.size()});
    return out;
}

std::size_t sentence_end(std::string_view text, std::size_t from) noexcept {
    for (std::size_t i = from; i + 1 < text.size(); ++i) {
        const char c = text[i];
        if ((c == '.' || c == '!' || c == '?') && (text[i + 1] == ' ' || text[i + 1] == '\n')) return i + 1;
    }
    return std::string_view::npos;
}

}  // namespace newsfacet::text
