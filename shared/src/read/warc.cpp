#include "read/warc.hpp"

#include <algorithm>
#include <array>

#include "read/formats.hpp"
#include "text/text.hpp"

namespace newsfacet::detail::warc {
namespace {

// Longer head lines are cut (and still consumed whole): nothing needed is that long.
constexpr std::size_t max_line_bytes = 64u << 10;

bool blank(std::string_view line) { return text::trim_space(line).empty(); }

bool starts_record(std::string_view line) { return line.rfind("WARC/1.", 0) == 0; }

std::string mib(std::uint64_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB"; }

// A Content-Length value: digits only; nullopt otherwise.
std::optional<std::uint64_t> length_of(std::string_view value) {
    value = text::trim_space(value);
    if (value.empty() || value.size() > 18) return std::nullopt;
    std::uint64_t n = 0;
    for (char c : value) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return n;
}

std::string describe(const RecordHead& head) {
    auto type = head.type();
    auto uri = head.target_uri();
    std::string out = type.empty() ? "record" : type + " record";
    if (!uri.empty()) out += " " + uri;
    return out;
}

}  // namespace

std::string RecordHead::type() const { return text::ascii_lower(http::header_value(headers, "WARC-Type")); }

std::string RecordHead::target_uri() const {
    auto uri = http::header_value(headers, "WARC-Target-URI");
    if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
    if (text::first_invalid_utf8(uri) == std::string::npos) return uri;
    // Raw bytes that are no UTF-8 (a crawler that wrote the request line as it was sent):
    // percent-encoded, as a browser would send them, so the URL (and id) is valid text.
    std::string encoded;
    for (const char c : uri) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80) {
            encoded.push_back(c);
            continue;
        }
        static constexpr char hex[] = "0123456789ABCDEF";
        encoded.append({'%', hex[byte >> 4], hex[byte & 15]});
    }
    return encoded;
}

RecordReader::RecordReader(std::istream& in, ProblemHandler on_problem)
    : m_buf(in.rdbuf()), m_on_problem(std::move(on_problem)) {}

bool RecordReader::read_line(std::string& line) {
    line.clear();
    if (m_buf == nullptr) return false;
    auto c = m_buf->sbumpc();
    if (c == std::char_traits<char>::eof()) return false;
    while (c != std::char_traits<char>::eof()) {
        ++m_offset;
        if (c == '\n') break;
        if (line.size() < max_line_bytes) line.push_back(std::char_traits<char>::to_char_type(c));
        c = m_buf->sbumpc();
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
}

void RecordReader::ended_inside_block() {
    m_truncated = true;
    m_on_problem(m_current.offset, "truncated " + describe(m_current) + ": the input ends " +
                                        std::to_string(m_current.length - m_remaining) + " bytes into its " +
                                        std::to_string(m_current.length) + "-byte block");
    m_remaining = 0;
}

std::string RecordReader::read_block(std::size_t max) {
    const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(max, m_remaining));
    std::string block(n, '\0');
    const auto got = n == 0 || m_buf == nullptr ? 0 : static_cast<std::size_t>(m_buf->sgetn(block.data(), static_cast<std::streamsize>(n)));
    block.resize(got);
    m_offset += got;
    m_remaining -= got;
    if (got < n) ended_inside_block();
    return block;
}

void RecordReader::skip_block() {
    std::array<char, 64 * 1024> scratch{};
    while (m_remaining > 0 && m_buf != nullptr) {
        const auto n = static_cast<std::streamsize>(std::min<std::uint64_t>(scratch.size(), m_remaining));
        const auto got = m_buf->sgetn(scratch.data(), n);
        m_offset += static_cast<std::uint64_t>(got);
        m_remaining -= static_cast<std::uint64_t>(got);
        if (got < n) {
            ended_inside_block();
            return;
        }
    }
}

RecordReader::HeadResult RecordReader::read_head(std::string version_line, std::uint64_t start, RecordHead& head) {
    head = {};
    head.version = std::move(version_line);
    head.offset = start;
    std::string line;
    for (;;) {
        if (!read_line(line)) {
            m_on_problem(start, "truncated record: the input ends inside its head");
            return HeadResult::end;
        }
        if (blank(line)) break;
        if (!http::add_header_line(head.headers, line)) {
            m_on_problem(start, "malformed WARC header line '" + line.substr(0, 80) +
                                    "'; skipped to the next record");
            return HeadResult::malformed;
        }
    }
    const auto length = length_of(http::header_value(head.headers, "Content-Length"));
    if (!length) {
        m_on_problem(start, describe(head) + " has no valid Content-Length; skipped to the next record");
        return HeadResult::malformed;
    }
    head.length = *length;
    return HeadResult::ok;
}

bool RecordReader::next(RecordHead& head) {
    skip_block();
    m_truncated = false;
    bool in_garbage = false;
    std::string line;
    for (;;) {
        const auto start = m_offset;
        if (!read_line(line)) return false;
        if (starts_record(line)) {
            const auto result = read_head(line, start, head);
            if (result == HeadResult::end) return false;
            if (result == HeadResult::ok) {
                m_remaining = head.length;
                m_current = RecordHead{head.version, {}, head.length, head.offset};
                m_current.headers = {{"WARC-Type", head.type()}, {"WARC-Target-URI", head.target_uri()}};
                return true;
            }
            in_garbage = true;  // reported; its block is no record either
            continue;
        }
        if (blank(line) || in_garbage) continue;
        m_on_problem(start, "not a WARC record (garbage); skipped to the next line starting 'WARC/1.'");
        in_garbage = true;
    }
}

namespace {

bool is_html_type(std::string_view type) { return type == "text/html" || type == "application/xhtml+xml"; }

// An HTML document as an article, or the reason it is none.
RecordOutcome page_outcome(std::string_view html, const std::string& uri, const std::string& default_id,
                           const std::string& charset) {
    RecordOutcome outcome;
    // Only http(s) addresses are URLs of a page; a urn: is no place to read it again.
    const bool web = uri.rfind("http://", 0) == 0 || uri.rfind("https://", 0) == 0;
    auto page = article_from_html(html, default_id, web ? uri : std::string(), charset);
    outcome.warnings = std::move(page.warnings);
    if (page.error == "no article text found") {
        outcome.skipped = "no text";
    } else if (!page.error.empty()) {
        outcome.error = page.error;
    } else {
        outcome.article = std::move(page.article);
    }
    return outcome;
}

RecordOutcome skipped(std::string kind) {
    RecordOutcome outcome;
    outcome.skipped = std::move(kind);
    return outcome;
}

// The media type of a block too large to read: from the HTTP head of a response, from the
// record's Content-Type for a resource.
std::string oversized_media_type(RecordReader& reader, const RecordHead& head) {
    if (head.type() == "resource") return http::media_type(http::header_value(head.headers, "Content-Type")).type;
    const auto peek = reader.read_block(head_peek_bytes);
    auto response = http::parse_response(peek);
    return http::media_type(http::header_value(response.headers, "Content-Type")).type;
}

RecordOutcome oversized(RecordReader& reader, const RecordHead& head) {
    const auto type = oversized_media_type(reader, head);
    reader.skip_block();
    if (reader.truncated()) return {};
    if (!type.empty() && !is_html_type(type)) return skipped("not HTML");
    RecordOutcome outcome;
    outcome.error = "record of " + mib(head.length) + " is larger than the " + mib(max_block_bytes) +
                    " a page may be; skipped";
    return outcome;
}

RecordOutcome response_outcome(std::string_view block, const std::string& uri, const std::string& default_id) {
    const auto response = http::parse_response(block);
    if (!response.error.empty()) return skipped("not HTTP");
    if (response.status < 200 || response.status > 299) {
        return skipped("HTTP " + std::to_string(response.status / 100) + "xx");
    }
    const auto media = http::media_type(http::header_value(response.headers, "Content-Type"));
    if (!media.type.empty() && !is_html_type(media.type)) return skipped("not HTML");
    auto body = http::decoded_body(response, max_page_bytes);
    if (!body.error.empty()) {
        auto outcome = skipped("undecodable");
        outcome.warnings.push_back((uri.empty() ? std::string("body") : uri) + ": " + body.error + "; skipped");
        return outcome;
    }
    if (blank(body.bytes)) return skipped("empty");
    if (media.type.empty() && !looks_like_html(body.bytes)) return skipped("not HTML");
    auto outcome = page_outcome(body.bytes, uri, default_id, media.charset);
    if (!body.warning.empty()) outcome.warnings.push_back(body.warning);
    return outcome;
}

RecordOutcome resource_outcome(std::string_view block, const RecordHead& head, const std::string& default_id) {
    const auto media = http::media_type(http::header_value(head.headers, "Content-Type"));
    if (!media.type.empty() && !is_html_type(media.type)) return skipped("not HTML");
    if (blank(block)) return skipped("empty");
    if (media.type.empty() && !looks_like_html(block)) return skipped("not HTML");
    return page_outcome(block, head.target_uri(), default_id, media.charset);
}

}  // namespace

RecordOutcome read_record(RecordReader& reader, const RecordHead& head, const std::string& default_id) {
    auto type = head.type();
    const bool readable = type == "response" || type == "resource";
    // A segment of a record split over several (WARC-Segment-Number) holds part of a page.
    if (!readable || !http::header_value(head.headers, "WARC-Segment-Number").empty()) {
        reader.skip_block();
        if (reader.truncated()) return {};
        if (type.empty()) type = "untyped";
        return skipped(readable ? "segmented" : type);
    }
    if (head.length > max_block_bytes) return oversized(reader, head);
    const auto block = reader.read_block(static_cast<std::size_t>(head.length));
    if (reader.truncated()) return {};
    return type == "resource" ? resource_outcome(block, head, default_id)
                              : response_outcome(block, head.target_uri(), default_id);
}

}  // namespace newsfacet::detail::warc
