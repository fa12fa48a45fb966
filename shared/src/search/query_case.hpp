#pragma once
// Queries written in capitals. Xapian's QueryParser takes a capitalised word for a name and
// does not stem it, and reads AND, OR and NOT in capitals as operators. A headline pasted in
// capitals ("GOVERNMENT PRESSURE ON REBELS TO STOP ATTACKING THE PIPELINES") carries no case
// information at all, so it is read as its lower-case form: stemmed and expanded, its AND, OR
// and NOT words like the others. A mixed-case query keeps its case ("Turkey" the name,
// "turkey" the word), and so do a word or two in capitals inside it (acronyms: NATO, US, UK);
// only a run of run_without_case or more such words is read in lower case (its operators
// stay operators: the rest of the query shows the user writes them on purpose).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsfacet::detail {

/// The fewest consecutive words in capitals, inside a mixed-case query, read as lower case.
inline constexpr std::size_t run_without_case = 3;

/// A byte range [start, end) of a query.
struct QuerySpan {
    std::size_t start = 0;
    std::size_t end = 0;
};

/// The tokens of `query` read without case, in order (see above): every word, phrase,
/// operator and title: token of a query whose words have no lower-case letter, else the runs
/// of run_without_case or more words in capitals. Filters (country:, date:...) and the
/// operators next to them are never in a span: their syntax is explicit. Never throws. Cost:
/// one pass over the query.
[[nodiscard]] std::vector<QuerySpan> spans_without_case(std::string_view query);

/// `query` with the spans_without_case lower-cased (Unicode), the rest unchanged.
[[nodiscard]] std::string read_without_case(std::string_view query);

/// True if `offset` lies in one of `spans`.
[[nodiscard]] bool in_spans(const std::vector<QuerySpan>& spans, std::size_t offset) noexcept;

}  // namespace newsfacet::detail
