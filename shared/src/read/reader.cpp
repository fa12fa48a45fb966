// read_articles: files, directories and standard input, each in its format.
#include <newsfacet/reader.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "read/feed_article.hpp"
#include "read/feed_sniff.hpp"
#include "read/formats.hpp"
#include "read/html_article.hpp"
#include "read/json_article.hpp"
#include "read/prefixed_stream.hpp"
#include "read/warc.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace newsfacet {
namespace fs = std::filesystem;

namespace {


bool blank(std::string_view s) { return text::trim_space(s).empty(); }

// Lines of a stream whose first bytes were read already (to tell its format).
class Lines {
public:
    Lines(std::string prefix, std::istream& in) : m_prefix(std::move(prefix)), m_rest(m_prefix), m_in(in) {}

    // The next line without its "\n"; false at the end.
    bool next(std::string& line) {
        if (m_rest.empty()) return static_cast<bool>(std::getline(m_in, line));
        const auto eol = m_rest.find('\n');
        if (eol != std::string_view::npos) {
            line.assign(m_rest.substr(0, eol));
            m_rest.remove_prefix(eol + 1);
            return true;
        }
        // The prefix ends inside a line: the stream holds the rest of it.
        line.assign(m_rest);
        m_rest = {};
        std::string tail;
        if (std::getline(m_in, tail)) line += tail;
        return true;
    }

private:
    std::string m_prefix;
    std::string_view m_rest;
    std::istream& m_in;
};

// Reads the articles of one input (a file or standard input) in a known format.
class StreamReader {
public:
    StreamReader(std::string name, std::string id_base, const ReadHandler& handler, const ReadOptions& options)
        : m_name(std::move(name)), m_id_base(std::move(id_base)), m_handler(handler), m_options(options) {}

    // Reads `in`, whose first bytes `prefix` were taken from it already.
    void read(InputFormat format, std::string prefix, std::istream& in);

    void error(std::size_t line, const std::string& message) const {
        if (m_handler.on_error) m_handler.on_error(InputError(m_name, line, message));
    }

private:
    void warn(const std::string& message) const {
        if (m_handler.on_warning) m_handler.on_warning(m_name + ": " + message);
    }
    void consumed(std::uint64_t bytes) const {
        if (m_handler.on_bytes) m_handler.on_bytes(bytes);
    }
    bool decode(std::string& bytes, std::size_t base_offset);
    void from_json(const nlohmann::json& j, const std::string& default_id, std::size_t line);
    void read_jsonl(Lines& lines, std::istream& in);
    void read_whole(InputFormat format, std::string bytes);
    void read_json(const std::string& bytes);
    void read_html(const std::string& bytes);
    void read_warc(std::string prefix, std::istream& in);
    void report_record(const detail::warc::RecordHead& head, detail::warc::RecordOutcome&& outcome);
    void read_feed(const std::string& bytes);

    std::string m_name;
    std::string m_id_base;
    const ReadHandler& m_handler;
    const ReadOptions& m_options;
    bool m_warned_encoding = false;
};

// Returns false for binary data; re-encodes non-UTF-8 text (warning once per input).
bool StreamReader::decode(std::string& bytes, std::size_t base_offset) {
    if (bytes.find('\0') != std::string::npos) return false;
    std::size_t bad = std::string::npos;
    bytes = decode_text(bytes, bad);
    if (bad != std::string::npos && !m_warned_encoding) {
        warn("not valid UTF-8 (first bad byte at offset " + std::to_string(base_offset + bad) +
             "); read as Windows-1252");
        m_warned_encoding = true;
    }
    return true;
}

void StreamReader::from_json(const nlohmann::json& j, const std::string& default_id, std::size_t line) {
    auto result = detail::article_from_json(j, m_options, default_id);
    for (const auto& w : result.warnings) warn((line ? "line " + std::to_string(line) + ": " : std::string()) + w);
    if (!result.article) {
        error(line, result.error);
        return;
    }
    if (m_handler.on_article) m_handler.on_article(std::move(*result.article));
}

void StreamReader::read_jsonl(Lines& lines, std::istream& in) {
    std::string line;
    std::size_t line_no = 0;
    std::size_t offset = 0;
    bool any = false;
    while (lines.next(line)) {
        ++line_no;
        auto line_offset = offset;
        offset += line.size() + 1;
        consumed(line.size() + 1);
        if (blank(line)) continue;
        any = true;
        if (!decode(line, line_offset)) {
            error(line_no, "binary data (NUL byte), not JSON");
            continue;
        }
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(line);
        } catch (const nlohmann::json::exception& e) {  // parse_error; out_of_range for 1e999
            error(line_no, std::string("malformed JSON: ") + e.what());
            continue;
        }
        from_json(j, m_id_base + "#" + std::to_string(line_no), line_no);
    }
    if (in.bad()) error(0, std::string("read failed: ") + std::strerror(errno));
    if (!any) error(0, "empty file");
}

void StreamReader::read_json(const std::string& bytes) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(bytes);
    } catch (const nlohmann::json::parse_error& e) {
        auto upto = std::min<std::size_t>(e.byte, bytes.size());
        auto line = static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(upto), '\n')) + 1;
        error(line, std::string("malformed JSON: ") + e.what());
        return;
    } catch (const nlohmann::json::exception& e) {  // out_of_range: a number too large (1e999)
        error(0, std::string("malformed JSON: ") + e.what());
        return;
    }
    if (!j.is_array()) {
        from_json(j, m_id_base, 0);
        return;
    }
    if (j.empty()) error(0, "empty JSON array: no articles");
    std::size_t n = 0;
    for (const auto& item : j) {
        ++n;
        from_json(item, m_id_base + "#" + std::to_string(n), 0);
    }
}

// A page decodes its own bytes: its charset is declared inside it.
void StreamReader::read_html(const std::string& bytes) {
    auto page = detail::article_from_html(bytes, m_id_base);
    for (const auto& w : page.warnings) warn(w);
    if (!page.error.empty()) {
        error(0, page.error);
        return;
    }
    if (m_handler.on_article) m_handler.on_article(std::move(page.article));
}

void StreamReader::report_record(const detail::warc::RecordHead& head, detail::warc::RecordOutcome&& outcome) {
    const auto where = "record at byte " + std::to_string(head.offset) + ": ";
    for (const auto& w : outcome.warnings) warn(where + w);
    if (!outcome.skipped.empty()) {
        if (m_handler.on_skipped) m_handler.on_skipped(outcome.skipped);
    } else if (!outcome.error.empty()) {
        const auto uri = head.target_uri();
        error(0, where + (uri.empty() ? "" : uri + ": ") + outcome.error);
    } else if (outcome.article && m_handler.on_article) {
        m_handler.on_article(std::move(*outcome.article));
    }
}

// A web archive, record by record: it may hold gigabytes, so only one block is in memory.
void StreamReader::read_warc(std::string prefix, std::istream& in) {
    detail::PrefixedStream stream(std::move(prefix), in);
    bool problems = false;
    detail::warc::RecordReader records(stream, [&](std::uint64_t offset, const std::string& message) {
        problems = true;
        error(0, "byte " + std::to_string(offset) + ": " + message);
    });
    detail::warc::RecordHead head;
    std::size_t count = 0;
    std::uint64_t reported = 0;
    while (records.next(head)) {
        ++count;
        report_record(head, detail::warc::read_record(records, head, m_id_base + "#" + std::to_string(count)));
        consumed(records.consumed() - reported);
        reported = records.consumed();
    }
    consumed(records.consumed() - reported);
    if (count == 0 && !problems) error(0, "empty file: no WARC records");
}

// A feed decodes its own bytes too (its XML declaration names the charset).
void StreamReader::read_feed(const std::string& bytes) {
    auto feed = detail::read_feed(bytes, m_id_base);
    for (const auto& w : feed.warnings) warn(w);
    for (auto& article : feed.items) {
        if (m_handler.on_article) m_handler.on_article(std::move(article));
    }
    for (const auto& e : feed.errors) error(e.line, e.message);
}

void StreamReader::read_whole(InputFormat format, std::string bytes) {
    if (blank(bytes)) {
        error(0, "empty file");
        return;
    }
    if (format == InputFormat::html) {
        read_html(bytes);
        return;
    }
    if (format == InputFormat::feed) {
        read_feed(bytes);
        return;
    }
    if (!decode(bytes, 0)) {
        error(0, "binary file (contains NUL bytes), not text");
        return;
    }
    if (format == InputFormat::json) {
        read_json(bytes);
    } else if (m_handler.on_article) {
        m_handler.on_article(parse_text_article(bytes, m_id_base, format == InputFormat::markdown));
    }
}

void StreamReader::read(InputFormat format, std::string prefix, std::istream& in) {
    if (format == InputFormat::warc) {
        read_warc(std::move(prefix), in);
        return;
    }
    if (format == InputFormat::jsonl) {
        Lines lines(std::move(prefix), in);
        read_jsonl(lines, in);
        return;
    }
    std::ostringstream rest;
    rest << in.rdbuf();
    if (in.bad()) {
        error(0, std::string("read failed: ") + std::strerror(errno));
        return;
    }
    std::string bytes = std::move(prefix) + std::move(rest).str();
    consumed(bytes.size());
    read_whole(format, std::move(bytes));
}

// Files a news folder holds beside its articles.
bool is_housekeeping(const fs::path& file) {
    auto stem = text::ascii_lower(file.stem().string());
    return stem == "readme" || stem == "license" || stem == "licence" || stem == "notice" ||
           stem == "changelog" || stem == "copying";
}

using Warn = std::function<void(const std::string&)>;

// The format of a file found in a directory walk: by extension, else by its first bytes;
// `automatic` when it holds no articles newsfacet reads. A .xml file is a feed only when its
// root element says so (other XML is common beside articles: a warning says it is skipped).
InputFormat walk_format(const fs::path& file, const Warn& warn) {
    auto format = detail::format_by_extension(file);
    const bool xml = detail::is_xml_extension(file);
    if (format != InputFormat::automatic && !xml) return format;
    std::ifstream in(file, std::ios::binary);
    const auto prefix = detail::read_prefix(in, detail::walk_sniff_bytes);
    if (xml) {
        // Undecided only when the root lies past the bytes read.
        const auto sniffed = detail::sniff_feed(prefix);
        const bool whole = prefix.size() < detail::walk_sniff_bytes;
        if (sniffed == detail::FeedSniff::feed || (sniffed == detail::FeedSniff::unknown && !whole)) return format;
        if (warn) warn(file.string() + ": not a feed (no <rss>, <rdf:RDF> or Atom <feed> root element); skipped");
        return InputFormat::automatic;
    }
    if (detail::looks_like_feed(prefix)) return InputFormat::feed;
    if (detail::looks_like_html(prefix)) return InputFormat::html;
    if (detail::looks_like_warc(prefix)) return InputFormat::warc;
    return detail::looks_like_json(prefix) ? InputFormat::json : InputFormat::automatic;
}

// Appends the article files under `dir` (recursively) to `files`: hidden entries,
// housekeeping files and other types left out. A directory that cannot be read is reported to
// `on_error` (if any) and the walk goes on beside it: silently skipping it would make its
// articles look deleted to an incremental run with --prune.
void collect_article_files(const fs::path& dir, std::vector<fs::path>& files,
                           const std::function<void(const InputError&)>& on_error, const Warn& on_warning) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
        if (on_error) on_error(InputError(dir.string(), 0, "cannot read directory: " + ec.message()));
        return;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) {
            if (on_error) on_error(InputError(dir.string(), 0, "cannot read directory: " + ec.message()));
            return;
        }
        const auto& path = it->path();
        auto name = path.filename().string();
        if (!name.empty() && name[0] == '.') continue;
        if (it->is_directory(ec)) {
            // Links to directories are not followed (as find does not): a link to a parent
            // would never end.
            if (!it->is_symlink(ec)) collect_article_files(path, files, on_error, on_warning);
            continue;
        }
        if (!it->is_regular_file(ec) || is_housekeeping(path)) continue;
        if (walk_format(path, on_warning) == InputFormat::automatic) continue;
        files.push_back(path);
    }
}

// The article files under a directory, sorted (see collect_article_files).
std::vector<fs::path> article_files(const fs::path& dir, const std::function<void(const InputError&)>& on_error,
                                    const Warn& on_warning) {
    std::vector<fs::path> files;
    collect_article_files(dir, files, on_error, on_warning);
    std::sort(files.begin(), files.end());
    return files;
}

// A file's size, or 0 if it cannot be read.
std::uint64_t size_of(const fs::path& file) {
    std::error_code ec;
    auto size = fs::file_size(file, ec);
    return ec ? 0 : size;
}

// What the user named: a file (an unknown format is an error), standard input (the same,
// worded for it), or a file found in a directory walk (skipped before it gets here).
enum class Origin { named_file, standard_input, walk };

// Reads one input: `given` is its format by extension or by the user's word, `automatic`
// to tell it by its first bytes.
void read_input(std::istream& in, InputFormat given, StreamReader& reader, Origin origin) {
    if (given != InputFormat::automatic) {
        reader.read(given, {}, in);
        return;
    }
    // Only what must be sniffed pays for the prefix (a folder may hold 100,000 small files).
    std::string prefix = detail::read_prefix(in, detail::sniff_bytes);
    const InputFormat format = detail::sniff_format(prefix);
    if (format == InputFormat::automatic) {
        const auto formats = detail::accepted_formats();
        reader.error(0, origin == Origin::standard_input
                            ? "cannot tell the format from the first bytes (JSON, HTML, WARC and feeds are recognised); name it with --format " + formats
                        : origin == Origin::named_file
                            ? "unsupported file type: neither its extension nor its first bytes name one of " + formats +
                                  " (--format names it)"
                            : "no longer holds JSON, HTML, WARC or a feed");
        return;
    }
    reader.read(format, std::move(prefix), in);
}

void read_file(const fs::path& file, InputFormat format, const std::string& id_base, const ReadHandler& handler,
               const ReadOptions& options, Origin origin) {
    if (handler.on_file) handler.on_file(file);
    StreamReader reader(file.string(), id_base, handler, options);
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        reader.error(0, std::string("cannot read: ") + std::strerror(errno));
        return;
    }
    read_input(in, format, reader, origin);
}

void read_standard_input(const ReadHandler& handler, const ReadOptions& options) {
    StreamReader reader("standard input", "stdin", handler, options);
    read_input(std::cin, options.format, reader, Origin::standard_input);
}

// The format of a file named directly: its extension's, else the user's, else `automatic`
// (by content).
InputFormat named_file_format(const fs::path& file, const ReadOptions& options) {
    auto format = detail::format_by_extension(file);
    return format != InputFormat::automatic ? format : options.format;
}

}  // namespace

std::string decode_text(std::string_view bytes, std::size_t& bad_offset) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    auto bad = text::first_invalid_utf8(bytes);
    if (bad == std::string_view::npos) return std::string(bytes);
    bad_offset = bad;
    return text::windows1252_to_utf8(bytes);
}

std::string normalize_date(std::string_view text) { return detail::normalize_date(text); }

void read_articles(const fs::path& path, const ReadHandler& handler, const ReadOptions& options) {
    if (path == fs::path(standard_input)) {
        read_standard_input(handler, options);
        return;
    }
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) throw InputError(path.string(), 0, "no such file or directory");
    if (!fs::is_directory(status)) {
        read_file(path, named_file_format(path, options), path.filename().string(), handler, options, Origin::named_file);
        return;
    }
    for (const auto& file : article_files(path, handler.on_error, handler.on_warning)) {
        auto rel = file.lexically_relative(path).generic_string();
        read_file(file, detail::format_by_extension(file), rel, handler, options, Origin::walk);
    }
}

std::uint64_t input_bytes(const std::vector<fs::path>& paths) {
    std::uint64_t total = 0;
    for (const auto& path : paths) {
        if (path == fs::path(standard_input)) continue;
        std::error_code ec;
        auto status = fs::status(path, ec);
        if (ec || !fs::exists(status)) continue;
        if (!fs::is_directory(status)) {
            total += size_of(path);
            continue;
        }
        for (const auto& file : article_files(path, nullptr, nullptr)) total += size_of(file);
    }
    return total;
}

}  // namespace newsfacet
