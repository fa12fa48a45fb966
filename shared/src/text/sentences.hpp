#pragma once
// Sentence boundaries, by two rules. sentences() is the careful one, for passages shown to
// users (snippets): closing quotes stay with their sentence, initials ("J. Smith") end none, a
// line break ends one. sentence_end() is the plain one, for cuts that need only be
// approximate and that the tagger's salience and the readers' titles were tuned and pinned
// with: '.', '!' or '?' followed by a space or a line break.

#include <cstddef>
#include <string_view>
#include <vector>

namespace newsfacet::text {

/// A sentence of a text: [start, end) byte offsets, white space around it left out.
struct Sentence {
    std::size_t start;
    std::size_t end;
};

/// The sentences of `text`, in order (careful rule above). Cost: one pass.
[[nodiscard]] std::vector<Sentence> sentences(std::string_view text);

/// The offset just past the punctuation ending the first sentence that ends at or after
/// `from` (plain rule above), or npos if none does: the text's last character ends none, as
/// nothing follows it.
[[nodiscard]] std::size_t sentence_end(std::string_view text, std::size_t from = 0) noexcept;

}  // namespace newsfacet::text
