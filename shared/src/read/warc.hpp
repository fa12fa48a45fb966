#pragma once
// Web archives (WARC 1.0 and 1.1, ISO 28500): a streaming record reader, and the articles in
// its records (HTML responses and resources).

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <newsfacet/article.hpp>

#include "read/html_article.hpp"
#include "read/http.hpp"

namespace newsfacet::detail::warc {

/// The largest block read into memory (as an HTML page may be); a larger record is skipped
/// unread.
inline constexpr std::size_t max_block_bytes = max_page_bytes;

/// The bytes of an oversized response block read to learn its media type from its HTTP head.
inline constexpr std::size_t head_peek_bytes = 64u << 10;

/// A record's head.
struct RecordHead {
    std::string version;                ///< "WARC/1.0", "WARC/1.1"
    std::vector<http::Header> headers;  ///< in order
    std::uint64_t length = 0;           ///< Content-Length: the block's size in bytes
    std::uint64_t offset = 0;           ///< where the record starts in the input

    /// WARC-Type, lower-cased ("response", "request", ...; "" if none).
    [[nodiscard]] std::string type() const;
    /// WARC-Target-URI without the angle brackets WARC 1.0's examples put around it; bytes
    /// that are not UTF-8 percent-encoded (every byte from 0x80 then).
    [[nodiscard]] std::string target_uri() const;
};

/// Reads records one after another from a stream, holding at most one block in memory.
/// Problems it reads past go to `on_problem` with the offset they concern, one report each:
/// garbage between records (reading resumes at the next line starting "WARC/1."), a head
/// without a valid Content-Length (the same), a record the input ends inside (its head or
/// its block). Never throws for bad input.
class RecordReader {
public:
    using ProblemHandler = std::function<void(std::uint64_t offset, const std::string& message)>;

    RecordReader(std::istream& in, ProblemHandler on_problem);

    /// The next record's head (the rest of the previous block skipped unread); false at the
    /// end of the input. Cost: the head, plus reading past what the caller left unread.
    [[nodiscard]] bool next(RecordHead& head);
    /// Up to `max` more bytes of the current block (fewer if the block or input ends).
    [[nodiscard]] std::string read_block(std::size_t max);
    /// Skips the rest of the current block without keeping it.
    void skip_block();
    /// True when the input ended inside the current record (reported already).
    [[nodiscard]] bool truncated() const { return m_truncated; }
    /// Bytes consumed so far.
    [[nodiscard]] std::uint64_t consumed() const { return m_offset; }

private:
    enum class HeadResult { ok, malformed, end };
    bool read_line(std::string& line);
    HeadResult read_head(std::string version_line, std::uint64_t start, RecordHead& head);
    void ended_inside_block();

    std::streambuf* m_buf;
    ProblemHandler m_on_problem;
    std::uint64_t m_offset = 0;
    std::uint64_t m_remaining = 0;  // of the current block
    bool m_truncated = false;
    RecordHead m_current;  // for messages (its headers are not kept)
};

/// What one record gave: an article, a reason it was skipped by design, or an error.
struct RecordOutcome {
    std::optional<Article> article;
    std::string skipped;                ///< the kind skipped: "request", "not HTML", "HTTP 4xx"...
    std::string error;                  ///< a record that should have been an article and is not
    std::vector<std::string> warnings;  ///< e.g. a page's wrong charset, an undecodable body
};

/// Reads the current record (whose head `head` reader.next() just gave) into an outcome:
/// a `response` record holding an HTTP response with status 2xx and an HTML body (by its
/// Content-Type, or sniffed when it has none), or a `resource` record holding HTML, becomes
/// an article through the HTML page reader, with the target URI as its URL (its
/// normalised form as id unless the page names a canonical URL; `default_id` without a URI)
/// and the HTTP charset as the transport's. WARC-Date is when it was crawled, never taken for
/// the publication date. Everything else is skipped by kind (the WARC-Type of other
/// records; "not HTTP", "HTTP 3xx", "not HTML", "no text", "undecodable" (with a warning)...).
/// A record the input ends inside gives nothing (the reader reported it). Never throws.
/// Cost: the block is read into memory (at most max_block_bytes), decoded and parsed.
[[nodiscard]] RecordOutcome read_record(RecordReader& reader, const RecordHead& head, const std::string& default_id);

}  // namespace newsfacet::detail::warc
