#pragma once
// Which format an input is in: by its name's extension, else by its first bytes.

#include <cstddef>
#include <filesystem>
#include <istream>
#include <string>
#include <string_view>

#include <newsfacet/reader.hpp>

namespace newsfacet::detail {

/// The bytes read to tell an input's format: enough for the first line of any JSON Lines
/// file seen in practice (a line longer than this is taken for one JSON document).
inline constexpr std::size_t sniff_bytes = 1 << 20;

/// The bytes a directory walk reads of a file without a known extension to decide whether
/// it holds articles.
inline constexpr std::size_t walk_sniff_bytes = 1024;

/// The format an extension names (.txt, .md/.markdown, .json, .jsonl/.ndjson,
/// .html/.htm/.xhtml, .warc, .rss/.atom/.rdf/.xml, any case), or
/// `automatic` for another extension or none.
[[nodiscard]] InputFormat format_by_extension(const std::filesystem::path& file);

/// True for .xml (any case): a feed's extension, but other XML files have it too.
[[nodiscard]] bool is_xml_extension(const std::filesystem::path& file);

/// Up to `n` bytes from the start of `in` (fewer at its end).
[[nodiscard]] std::string read_prefix(std::istream& in, std::size_t n);

/// True if `prefix` starts (after a byte-order mark and white space) with a JSON object or
/// array and holds no NUL byte.
[[nodiscard]] bool looks_like_json(std::string_view prefix);

/// True if `prefix` starts (after white space and comments) like an HTML document:
/// <!DOCTYPE html>, <html>, <head>, <body>, or an XML declaration before <html>.
[[nodiscard]] bool looks_like_html(std::string_view prefix);

/// True if `prefix` starts like a web archive: a "WARC/1.0" or "WARC/1.1" record.
[[nodiscard]] bool looks_like_warc(std::string_view prefix);

/// The format of an input that starts with `prefix` (its first sniff_bytes bytes): JSON
/// Lines when its first line is a whole JSON object and another line follows, JSON for
/// another JSON object or array, a feed for a feed's root element (sniff_feed), HTML for a
/// page, WARC for a web archive, else `automatic` (unknown: plain text is not told apart
/// from other text).
[[nodiscard]] InputFormat sniff_format(std::string_view prefix);

/// "txt, md, json, jsonl, html, warc or rss": the formats, for messages.
[[nodiscard]] std::string accepted_formats();

}  // namespace newsfacet::detail
