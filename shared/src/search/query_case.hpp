#pragma once
// Queries written in capitals. Xapian's QueryParser takes a capitalised word for a name and
// does not stem it, and reads AND, OR and NOT in capitals as operators. Case says a word is a
// name only where the writer had a choice, so text whose case is forced is read as its
// lower-case form (stemmed and expanded):
// - a query in capitals (a pasted wire headline, "GOVERNMENT PRESSURE ON REBELS TO STOP
//   ATTACKING THE PIPELINES"): wholly, its AND, OR and NOT words like the others;
// - a query in title case ("Rice Harvest Exports Rise": every word capitalised but short
//   lower-case function words), its operators kept;
// - a run of run_without_case or more words in capitals inside a mixed-case query (its
//   operators stay operators: the rest of the query shows the user writes them on purpose);
// - the first word of a sentence ("Testing automated systems."), unless it is a name.
// Otherwise a mixed-case query keeps its case ("Turkey" the name, "turkey" the word), and so do
// a word or two in capitals inside it (acronyms: NATO, US, UK). Names in text read in lower
// case are still found: the tagger reads the query as typed (query.cpp).

#include <cstddef>
#include <functional>
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

/// True if a capitalised word ("Turkey", "Testing") is a name: it keeps its case at the start
/// of a sentence. Without one, no sentence-initial word is taken for a name.
using IsName = std::function<bool(std::string_view word)>;

/// The tokens of `query` read without case, in order (see above). Filters (country:,
/// date:...) and the operators next to them are never in a span: their syntax is explicit.
/// Never throws (but for what `is_name` throws). Cost: one pass over the query and a call
/// of `is_name` per sentence.
[[nodiscard]] std::vector<QuerySpan> spans_without_case(std::string_view query, const IsName& is_name = {});

/// `query` with the spans_without_case lower-cased (Unicode), the rest unchanged.
[[nodiscard]] std::string read_without_case(std::string_view query, const IsName& is_name = {});

/// `query` with its dotted acronyms in capitals, whatever case they were typed in: "u.s."
/// becomes "U.S.", "e.u" "E.U". A dotted acronym is two or more single letters joined by
/// single dots (a last dot optional), standing apart from other letters and digits. Why:
/// Xapian's TermGenerator indexes "U.S." as the one word "us" (as "US") but "u.s." as the
/// two words "u" and "s"; news writes "U.S.", so a query in lower case (or one in capitals
/// read in lower case, above) must read it as the acronym too, or it asks for a phrase "u s"
/// that hardly any article holds. Filters (country:u.s.) are left as typed. Never throws.
/// Cost: one pass over the query.
[[nodiscard]] std::string with_acronyms_in_capitals(std::string_view query);

/// True if `offset` lies in one of `spans`.
[[nodiscard]] bool in_spans(const std::vector<QuerySpan>& spans, std::size_t offset) noexcept;

}  // namespace newsfacet::detail
