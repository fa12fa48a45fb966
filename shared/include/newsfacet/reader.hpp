#pragma once
// Reading articles from files and standard input: text, JSON, web pages, feeds and web
// archives, by extension or content, compressed or in archives.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <newsfacet/article.hpp>
#include <newsfacet/error.hpp>
#include <newsfacet/export.hpp>

namespace newsfacet {

/// Callbacks for read_articles(). Any may be empty.
struct ReadHandler {
    /// Called before the articles of each file, with the file's path as found (the path given,
    /// or the directory given joined with the file's path below it).
    std::function<void(const std::filesystem::path&)> on_file;
    /// Called once per article read.
    std::function<void(Article&&)> on_article;
    /// Called for each article or file that could not be read; reading goes on.
    std::function<void(const InputError&)> on_error;
    /// Called for recoverable oddities (e.g. a file that is not UTF-8, read as Windows-1252).
    std::function<void(const std::string&)> on_warning;
    /// Called as input is consumed, with the bytes read since the previous call (a JSON
    /// Lines file line by line, other files whole, compressed files and archives as their
    /// packed bytes are read), for progress over input_bytes().
    std::function<void(std::uint64_t)> on_bytes;
    /// Called for each record an input holds that is not an article by design, and is no
    /// error: a web archive's requests, metadata, images, redirects and other non-HTML
    /// records. `kind` says which, briefly, for a summary that counts them ("request",
    /// "metadata", "not HTML", "HTTP 4xx", ...); the view lasts for the call only.
    std::function<void(std::string_view kind)> on_skipped;
};

/// The formats read_articles() reads.
enum class InputFormat {
    automatic,  ///< By extension; else by the first bytes (JSON, HTML, feeds).
    text,       ///< Plain text: a title line (or the first sentence), then the body.
    markdown,   ///< As text, with a leading "# " dropped from the title.
    json,       ///< One JSON object, or an array of them.
    jsonl,      ///< JSON Lines: one object a line.
    html,       ///< An article page: main text, headline, date, source and URL.
    warc,       ///< A web archive (WARC 1.0/1.1): its HTML responses and resources.
    feed,       ///< An RSS 2.0, RSS 1.0 (RDF) or Atom feed: one article per item or entry.
};

/// An InputFormat by the name users type: "txt" (or "text"), "md" ("markdown"), "json",
/// "jsonl" ("ndjson"), "html" ("htm"), "warc", "rss" ("feed", "atom", "rdf"), "auto". Throws
/// UsageError naming the accepted names for anything else.
[[nodiscard]] NEWSFACET_EXPORT InputFormat parse_input_format(std::string_view name);

/// Where one Article field is read from in JSON input, overriding the usual keys.
struct FieldMapping {
    std::string field;  ///< An Article field: id, title, body, date, dateline, source or url.
    std::string key;    ///< The JSON key; a dotted path ("source.name") reads nested objects.
};

/// A mapping as users type it, "FIELD=KEY" ("body=text_field"). Throws UsageError for a
/// missing "=", an empty key, or a field Article does not have.
[[nodiscard]] NEWSFACET_EXPORT FieldMapping parse_field_mapping(std::string_view text);

/// How read_articles() reads.
struct ReadOptions {
    /// The format of standard input and of files named directly whose extension names no
    /// format; `automatic` sniffs them. Files found in a directory walk keep theirs.
    InputFormat format = InputFormat::automatic;
    /// JSON keys for Article fields, overriding the usual keys and their aliases.
    std::vector<FieldMapping> fields;
    /// Caps against decompression bombs, on bytes read out of a compressed file or archive:
    /// what one article may take (a JSON Lines line, a page, a whole JSON, text or Markdown
    /// document; 0: no cap), beyond which that article is an error and reading goes on...
    std::uint64_t max_article_bytes = std::uint64_t{64} << 20;
    /// ...and what one compressed file or archive may yield in all (0: no cap), beyond which
    /// the rest of it is an error (the articles before were read).
    std::uint64_t max_input_bytes = std::uint64_t{16} << 30;
};

/// The path read_articles() and ingest() take for standard input.
inline constexpr std::string_view standard_input = "-";

/// Total size in bytes of the files read_articles() would read under `paths` (files of
/// other types, hidden and housekeeping files left out; paths that do not exist and standard
/// input count 0). Cost: one directory walk; files without a known extension are opened to
/// read their first bytes.
[[nodiscard]] NEWSFACET_EXPORT std::uint64_t input_bytes(const std::vector<std::filesystem::path>& paths);

/// Reads the articles in `path`: a file, a directory walked recursively (in sorted order,
/// skipping hidden entries, README/LICENSE/NOTICE files and files of other types), or
/// standard input when `path` is "-" (standard_input).
/// Formats by extension: .txt/.md (title = first line if a blank line follows it, else the
/// first sentence; a Markdown "# " is dropped), .json (one object or an array of them),
/// .jsonl/.ndjson (one object a line), .html/.htm/.xhtml (an article page: its main text
/// without navigation, menus, comments and other boilerplate; headline from JSON-LD,
/// og:title, <h1> or <title>; publication date from what the page states, left empty when its
/// signals disagree; source from og:site_name, JSON-LD's publisher or the host name; URL from
/// the canonical link or og:url; charset as browsers decide it), .warc (a web archive, read
/// record by record: each HTTP response or resource record holding HTML with status 2xx is
/// read as a page, its body de-chunked and un-gzipped, its HTTP charset taken, its
/// WARC-Target-URI as URL; WARC-Date, a crawl date, is never the publication date; other
/// records go to `on_skipped`; a record the input ends inside, garbage between records and a
/// record over 64 MiB are errors, and reading goes on), .rss/.atom/.rdf/.xml (a feed: RSS
/// 2.0, RSS 1.0 or Atom, told by its root element; one article per item or entry, see below;
/// a .xml file in a directory walk whose root is not a feed's is skipped with a warning); a
/// file with another extension or none is read as JSON, JSON Lines, HTML, WARC or a feed when
/// its first bytes say so, and skipped
/// otherwise (an error for a file named directly, unless `options.format` names its format).
/// Standard input is sniffed the same way; plain text there needs `options.format`.
/// Compressed files (gzip, bzip2, xz, zstd) and archives (tar, compressed or not; zip) are
/// told by their first bytes, on standard input too, and streamed: a compressed file is read in
/// the format of its name without the compression extension (else `options.format`, else by
/// its decompressed first bytes); an archive's members like a directory's files (an archive in
/// an archive is skipped with a warning), with ids ARCHIVE/PATH (ARCHIVE the archive's id as a
/// file's; PATH the member's, only ever an id). ReadHandler::on_file names the archive, not its
/// members; errors in a member name ARCHIVE/PATH. Damage ends the input with one error after
/// the articles before it; the caps in `options` bound what decompression may yield.
/// JSON objects: the keys of Article ("id", "title", "body", "date", "dateline", "source",
/// "url"), else the names common scrapers and datasets use ("headline"; "maintext", "text",
/// "content", "article"...; "date_publish", "published_at", "datePublished"...;
/// "source_domain", "publisher", a {"name": ...} object; "link"...), else `options.fields`'s.
/// A date may also be Unix time in seconds or milliseconds.
/// Feed items: url from the link (Atom: rel="alternate"), made absolute against xml:base or
/// the feed's link, else a permalink guid; title; body from the fullest of content:encoded,
/// Atom content and summary, and description, its HTML turned into text; date from
/// published, pubDate, dc:date or updated (RFC 822 or RFC 3339, in UTC); source from the
/// item's <source>, else the feed's title. No network, no DTD or external entity is loaded
/// and no entity is expanded; malformed XML is read in libxml2's recovery mode with a warning.
/// Ids: the object's id; else, for an object, page or feed item with a URL, the URL as
/// normalize_url() gives it (so the same story read twice is one article); else a feed item's
/// guid or Atom id; else the path relative to the directory argument (the file name when
/// `path` is a file; "stdin" for standard input), plus "#N" for the Nth object of a JSON
/// Lines file or JSON array, the Nth record of a WARC file or the Nth item of a feed.
/// Throws InputError only when `path` itself does not exist; everything else goes to the
/// handler.
NEWSFACET_EXPORT void read_articles(const std::filesystem::path& path, const ReadHandler& handler,
                                    const ReadOptions& options = {});

/// A URL as an article id: scheme and host lower-cased, the default port, the fragment and
/// tracking parameters (utm_*, fbclid, gclid, ...) removed, an empty path made "/"; the rest
/// (path case, other parameters and their order) kept. Text that is not an absolute URL
/// with a host is returned trimmed. Never throws. Cost: linear in the URL.
[[nodiscard]] NEWSFACET_EXPORT std::string normalize_url(std::string_view url);

/// Parses one text or Markdown document (already valid UTF-8) into an article with this id.
[[nodiscard]] NEWSFACET_EXPORT Article parse_text_article(std::string_view text, std::string id, bool markdown);

/// Decodes bytes to UTF-8: valid UTF-8 (a BOM is dropped) is returned as is; anything else is
/// read as Windows-1252 and `bad_offset` is set to the offset of the first invalid byte (it is
/// left unchanged for valid input).
[[nodiscard]] NEWSFACET_EXPORT std::string decode_text(std::string_view bytes, std::size_t& bad_offset);

/// Normalises an ISO 8601 date or date-time: "2024-03-04" stays; date-times become UTC
/// "YYYY-MM-DDTHH:MM:SSZ". Throws UsageError for anything else.
[[nodiscard]] NEWSFACET_EXPORT std::string normalize_date(std::string_view text);

}  // namespace newsfacet
