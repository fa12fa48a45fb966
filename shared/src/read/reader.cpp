// read_articles: files, directories and standard input, each in its format.
#include <newsfacet/reader.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "read/archive.hpp"
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

// Reads a line of `in` up to "\n" into `line` (appending), keeping at most `cap` bytes of it:
// the rest of a longer line is read and dropped, `cut` set. False if nothing was left to read.
bool getline_capped(std::istream& in, std::string& line, std::size_t cap, bool& newline, bool& cut) {
    std::array<char, 1 << 14> chunk{};
    bool any = false;
    for (;;) {
        in.getline(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        auto n = static_cast<std::size_t>(in.gcount());
        newline = !in.fail() && !in.eof();
        const bool full = in.fail() && !in.eof() && n + 1 == chunk.size();
        if (newline) --n;  // the "\n" is counted, not stored
        any = any || n != 0 || newline;
        const auto room = cap - std::min(cap, line.size());
        if (n > room) cut = true;
        line.append(chunk.data(), std::min(n, room));
        if (!full) break;
        in.clear();
    }
    if (!newline && !in.bad()) in.clear(in.rdstate() & std::ios::eofbit);
    return any;
}

// Lines of a stream whose first bytes were read already (to tell its format).
class Lines {
public:
    // With `cap` (0: none), a line keeps at most that many bytes (see cut()).
    Lines(std::string prefix, std::istream& in, std::size_t cap)
        : m_prefix(std::move(prefix)), m_rest(m_prefix), m_in(in), m_cap(cap) {}

    // The next line without its "\n"; false at the end.
    bool next(std::string& line) {
        m_cut = false;
        m_newline = true;
        if (m_rest.empty()) {
            line.clear();
            return tail(line);
        }
        const auto eol = m_rest.find('\n');
        if (eol != std::string_view::npos) {
            line.assign(m_rest.substr(0, eol));
            m_rest.remove_prefix(eol + 1);
            return true;
        }
        // The prefix ends inside a line: the stream holds the rest of it.
        line.assign(m_rest);
        m_rest = {};
        tail(line);
        return true;
    }

    // Whether the last line was longer than the cap (and cut to it).
    [[nodiscard]] bool cut() const noexcept { return m_cut; }
    // Whether the last line ended with "\n" (not at the end of the input).
    [[nodiscard]] bool newline() const noexcept { return m_newline; }

private:
    bool tail(std::string& line) {
        if (m_cap != 0) return getline_capped(m_in, line, m_cap, m_newline, m_cut);
        bool any = false;
        if (line.empty()) {
            any = static_cast<bool>(std::getline(m_in, line));
        } else {
            std::string rest;
            any = static_cast<bool>(std::getline(m_in, rest));
            line += rest;
        }
        m_newline = any && !m_in.eof();
        return any;
    }

    std::string m_prefix;
    std::string_view m_rest;
    std::istream& m_in;
    std::size_t m_cap;
    bool m_cut = false;
    bool m_newline = true;
};

// Appends the rest of `in` to `bytes`; false if that would make more than `cap` bytes.
bool read_capped(std::istream& in, std::string& bytes, std::size_t cap) {
    if (bytes.size() > cap) return false;
    std::array<char, 1 << 16> chunk{};
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        if (n > cap - std::min(cap, bytes.size())) return false;
        bytes.append(chunk.data(), n);
    }
    if (!in.bad()) in.clear(in.rdstate() & std::ios::eofbit);
    return true;
}

// Reads the articles of one input (a file or standard input) in a known format.
class StreamReader {
public:
    // With `article_cap` (0: none), an article read from `in` may take at most that many bytes:
    // the cap against decompression bombs, for decompressed streams.
    StreamReader(std::string name, std::string id_base, const ReadHandler& handler, const ReadOptions& options,
                 std::uint64_t article_cap = 0)
        : m_name(std::move(name)), m_id_base(std::move(id_base)), m_handler(handler), m_options(options),
          m_article_cap(static_cast<std::size_t>(std::min<std::uint64_t>(article_cap, SIZE_MAX - 1))) {}

    // Reads `in`, whose first bytes `prefix` were taken from it already.
    void read(InputFormat format, std::string prefix, std::istream& in);

    void error(std::size_t line, const std::string& message) const {
        if (m_handler.on_error) m_handler.on_error(InputError(m_name, line, message));
    }
    void warn(const std::string& message) const {
        if (m_handler.on_warning) m_handler.on_warning(m_name + ": " + message);
    }

    [[nodiscard]] const std::string& name() const noexcept { return m_name; }
    [[nodiscard]] const std::string& id_base() const noexcept { return m_id_base; }
    [[nodiscard]] const ReadHandler& handler() const noexcept { return m_handler; }
    [[nodiscard]] const ReadOptions& options() const noexcept { return m_options; }

private:
    [[nodiscard]] std::string over_cap() const {
        return "larger than " + detail::byte_size_text(m_article_cap) +
               ", the cap on one article's decompressed bytes (a decompression bomb?)";
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
    std::size_t m_article_cap;
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
        // A line cut short by damage to a compressed stream: the damage is reported once, for the file.
        if (!lines.newline() && detail::unpack_failed(in)) break;
        if (blank(line)) continue;
        any = true;
        if (lines.cut()) {
            error(line_no, over_cap());
            continue;
        }
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
    if (!any && !detail::unpack_failed(in)) error(0, "empty file");
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
        Lines lines(std::move(prefix), in, m_article_cap);
        read_jsonl(lines, in);
        return;
    }
    std::string bytes = std::move(prefix);
    if (m_article_cap != 0) {
        if (!read_capped(in, bytes, m_article_cap)) {
            error(0, over_cap());
            return;
        }
    } else {
        std::ostringstream rest;
        rest << in.rdbuf();
        bytes += std::move(rest).str();
    }
    if (in.bad()) {
        error(0, std::string("read failed: ") + std::strerror(errno));
        return;
    }
    consumed(bytes.size());
    // A document cut short by damage to a compressed stream: the damage is reported once, for the file.
    if (detail::unpack_failed(in)) return;
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
// How far into a .xml file its root element is looked for.
constexpr std::size_t xml_prolog_bytes = 64 * 1024;

InputFormat walk_format(const fs::path& file, const Warn& warn) {
    auto format = detail::format_by_extension(file);
    const bool xml = detail::is_xml_extension(file);
    if (format != InputFormat::automatic && !xml) return format;
    std::ifstream in(file, std::ios::binary);
    auto prefix = detail::read_prefix(in, detail::walk_sniff_bytes);
    if (xml) {
        auto sniffed = detail::sniff_feed(prefix);
        if (sniffed == detail::FeedSniff::unknown && prefix.size() == detail::walk_sniff_bytes) {
            // A long prolog (comments, a DOCTYPE): look further for the root, as far as a
            // feed's prolog ever goes.
            prefix += detail::read_prefix(in, xml_prolog_bytes - prefix.size());
            sniffed = detail::sniff_feed(prefix);
        }
        // Undecided only when the root lies past the bytes read.
        const bool whole = prefix.size() < xml_prolog_bytes;
        if (sniffed == detail::FeedSniff::feed || (sniffed == detail::FeedSniff::unknown && !whole)) return format;
        if (warn) warn(file.string() + ": not a feed (no <rss>, <rdf:RDF> or Atom <feed> root element); skipped");
        return InputFormat::automatic;
    }
    if (detail::looks_like_feed(prefix)) return InputFormat::feed;
    if (detail::looks_like_html(prefix)) return InputFormat::html;
    if (detail::looks_like_warc(prefix)) return InputFormat::warc;
    return detail::looks_like_json(prefix) ? InputFormat::json : InputFormat::automatic;
}

// True if a file is compressed or an archive, by its extension or its first bytes.
bool packed_file(const fs::path& file) {
    if (detail::packed_extension(file.filename().string())) return true;
    std::ifstream in(file, std::ios::binary);
    return detail::packing_by_magic(detail::read_prefix(in, detail::magic_bytes)) != detail::Packing::none;
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
        if (walk_format(path, on_warning) == InputFormat::automatic && !packed_file(path)) continue;
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
// worded for it), a file found in a directory walk (skipped before it gets here), or what a
// compressed file or archive found in a walk holds (skipped quietly, as the walk skips).
enum class Origin { named_file, standard_input, walk, member };

// One input's bytes as read_input takes them.
struct Source {
    std::string name;     // whose extension tells the format (the file's, a member's; "" for standard input)
    InputFormat given;    // the user's format when the name tells none; `automatic`: sniff
    Origin origin;
    int depth = 0;        // packed layers around these bytes
    bool seekable = false;
    std::uint64_t size = 0;  // the file's size, for progress (0: unknown)
};

// Packed layers read: a compressed file or archive, then a compressed member of an archive.
constexpr int max_packed_depth = 2;

void read_input(std::istream& in, const Source& source, StreamReader& reader);

// Reads one archive member: filtered as the walk filters files, its path part of its name and id.
void read_member(detail::Unpacker& unpacker, const std::string& stored, const Source& archive,
                 const StreamReader& reader, const ReadHandler& handler) {
    const auto path = detail::member_id_path(stored);
    if (path.empty() || detail::hidden_member(path) || is_housekeeping(fs::path(path))) return;
    StreamReader member(reader.name() + "/" + path, reader.id_base() + "/" + path, handler, reader.options(),
                        reader.options().max_article_bytes);
    read_input(unpacker.data(), Source{path, InputFormat::automatic, Origin::member, archive.depth + 1}, member);
    if (!unpacker.member_error().empty()) member.error(0, unpacker.member_error());
}

// Reads a compressed stream (in the format its inner name or its bytes tell) or an archive
// (its members like a directory's files). Damage ends it with one error; the articles before are read.
void read_packed(std::istream& in, std::string prefix, const Source& source, StreamReader& reader) {
    const bool archive = detail::packing_by_magic(prefix) == detail::Packing::archive;
    if (source.depth >= max_packed_depth || (source.depth > 0 && archive)) {
        reader.warn("an archive or compressed file inside another is not read (one level is)");
        return;
    }
    const auto& options = reader.options();
    // The packed bytes consumed are the progress (input_bytes() counts them); not the members'.
    ReadHandler inner = reader.handler();
    inner.on_bytes = nullptr;
    detail::UnpackOptions unpack;
    unpack.archives = source.depth == 0;
    unpack.seekable = source.seekable;
    unpack.max_bytes = options.max_input_bytes;
    if (source.depth == 0) unpack.on_packed_bytes = reader.handler().on_bytes;
    detail::Unpacker unpacker(in, std::move(prefix), std::move(unpack));
    std::string path;
    bool any = false;
    while (unpacker.next(path)) {
        any = true;
        if (unpacker.is_archive()) {
            read_member(unpacker, path, source, reader, inner);
            continue;
        }
        StreamReader stream(reader.name(), reader.id_base(), inner, options, options.max_article_bytes);
        const auto origin = source.origin == Origin::walk ? Origin::member : source.origin;
        read_input(unpacker.data(), Source{detail::inner_name(source.name), source.given, origin, source.depth + 1},
                   stream);
    }
    // What libarchive did not need to read (a tar's padding) was consumed all the same.
    if (source.depth == 0 && source.size > unpacker.packed_bytes_read() && reader.handler().on_bytes) {
        reader.handler().on_bytes(source.size - unpacker.packed_bytes_read());
    }
    if (!unpacker.error().empty()) {
        reader.error(0, any ? "cannot be read further (truncated or damaged?): " + unpacker.error() + " (the articles before were read)"
                            : "cannot be read (damaged?): " + unpacker.error());
    } else if (!any && !unpacker.is_archive()) {
        reader.error(0, "empty file");
    }
}

// Reads one input: a packed one by its first bytes, else in the format of `source`'s name,
// else the user's, else the one its first bytes tell.
void read_input(std::istream& in, const Source& source, StreamReader& reader) {
    std::string prefix = detail::read_prefix(in, detail::magic_bytes);
    if (detail::packing_by_magic(prefix) != detail::Packing::none) {
        read_packed(in, std::move(prefix), source, reader);
        return;
    }
    InputFormat format = detail::format_by_extension(fs::path(source.name));
    if (format == InputFormat::automatic) format = source.given;
    if (format != InputFormat::automatic) {
        reader.read(format, std::move(prefix), in);
        return;
    }
    // Only what must be sniffed pays for the longer prefix (a folder may hold 100,000 small files).
    prefix += detail::read_prefix(in, detail::sniff_bytes - prefix.size());
    format = detail::sniff_format(prefix);
    if (format == InputFormat::automatic) {
        if (source.origin == Origin::member) return;
        const auto formats = detail::accepted_formats();
        reader.error(0, source.origin == Origin::standard_input
                            ? "cannot tell the format from the first bytes (JSON, HTML, WARC and feeds are recognised); name it with --format " + formats
                        : source.origin == Origin::named_file
                            ? "unsupported file type: neither its extension nor its first bytes name one of " + formats +
                                  " (--format names it)"
                            : "no longer holds JSON, HTML, WARC or a feed");
        return;
    }
    reader.read(format, std::move(prefix), in);
}

void read_file(const fs::path& file, Source source, const std::string& id_base, const ReadHandler& handler,
               const ReadOptions& options) {
    if (handler.on_file) handler.on_file(file);
    StreamReader reader(file.string(), id_base, handler, options);
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        reader.error(0, std::string("cannot read: ") + std::strerror(errno));
        return;
    }
    source.seekable = true;
    source.size = size_of(file);
    read_input(in, source, reader);
}

void read_standard_input(const ReadHandler& handler, const ReadOptions& options) {
    StreamReader reader("standard input", "stdin", handler, options);
    read_input(std::cin, Source{"", options.format, Origin::standard_input}, reader);
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
        read_file(path, Source{path.filename().string(), options.format, Origin::named_file}, path.filename().string(),
                  handler, options);
        return;
    }
    for (const auto& file : article_files(path, handler.on_error, handler.on_warning)) {
        auto rel = file.lexically_relative(path).generic_string();
        read_file(file, Source{file.filename().string(), InputFormat::automatic, Origin::walk}, rel, handler, options);
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
