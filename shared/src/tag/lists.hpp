#pragma once
// Reading the tagger's lists: the rows of its built-in TSV files, and sorted word lists.

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <newsfacet/error.hpp>

#include "text/text.hpp"

namespace newsfacet::detail {

/// True if `word` is in `sorted_words` (sorted: see is_sorted_list). Cost: a binary search.
template <std::size_t N>
[[nodiscard]] bool contains(const std::array<std::string_view, N>& sorted_words, std::string_view word) noexcept {
    return std::binary_search(sorted_words.begin(), sorted_words.end(), word);
}

/// True if the list is sorted and without duplicates, as contains() needs (for static_assert).
template <std::size_t N>
[[nodiscard]] constexpr bool is_sorted_list(const std::array<std::string_view, N>& words) {
    for (std::size_t i = 1; i < N; ++i) {
        if (!(words[i - 1] < words[i])) return false;
    }
    return true;
}

/// Calls `row(cols, line_no)` for each data row of a TSV list: lines split at tabs, with CRs
/// stripped, empty lines and '#' comments skipped, and a first row whose first column is
/// `header` skipped. Throws InputError (naming `origin` and the line) when a row has not
/// `columns` columns; `row` may throw too. Cost: one pass over the text.
template <class Row>
void for_each_row(std::string_view tsv, const std::string& origin, std::string_view header, std::size_t columns,
                  Row&& row) {
    std::size_t line_no = 0;
    bool first = true;
    for (auto line : text::split(tsv, '\n')) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        auto cols = text::split(line, '\t');
        if (first) {
            first = false;
            if (cols[0] == header) continue;
        }
        if (cols.size() != columns) {
            throw InputError(origin, line_no,
                             "expected " + std::to_string(columns) + " tab-separated columns, found " +
                                 std::to_string(cols.size()));
        }
        row(cols, line_no);
    }
}

}  // namespace newsfacet::detail
