#include <newsfacet/reader.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "text/article_fields.hpp"
#include "text/dates.hpp"
#include "text/sentences.hpp"
#include "text/text.hpp"

namespace newsfacet {
namespace fs = std::filesystem;

namespace {

enum class Format { text, markdown, json, jsonl, unsupported };

Format format_of(const fs::path& file) {
    auto ext = text::ascii_lower(file.extension().string());
    if (ext == ".txt") return Format::text;
    if (ext == ".md" || ext == ".markdown") return Format::markdown;
    if (ext == ".json") return Format::json;
    if (ext == ".jsonl" || ext == ".ndjson") return Format::jsonl;
    return Format::unsupported;
}

// Files a news folder holds beside its articles.
bool is_housekeeping(const fs::path& file) {
    auto stem = text::ascii_lower(file.stem().string());
    return stem == "readme" || stem == "license" || stem == "licence" || stem == "notice" ||
           stem == "changelog" || stem == "copying";
}

std::string trim(std::string_view s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

class FileReader {
public:
    FileReader(const fs::path& file, std::string id_base, const ReadHandler& handler)
        : m_file(file), m_name(file.string()), m_id_base(std::move(id_base)), m_handler(handler) {}

    void read(Format format);

private:
    void error(std::size_t line, const std::string& message) const {
        if (m_handler.on_error) m_handler.on_error(InputError(m_name, line, message));
    }
    void warn(const std::string& message) const {
        if (m_handler.on_warning) m_handler.on_warning(m_name + ": " + message);
    }
    void emit(Article&& article) const {
        if (m_handler.on_article) m_handler.on_article(std::move(article));
    }
    bool decode(std::string& bytes, std::size_t base_offset);
    void from_json(const nlohmann::json& j, const std::string& default_id, std::size_t line);
    void read_jsonl(std::ifstream& in);

    fs::path m_file;
    std::string m_name;
    std::string m_id_base;
    const ReadHandler& m_handler;
    bool m_warned_encoding = false;
};

// Returns false for binary data; re-encodes non-UTF-8 text (warning once per file).
bool FileReader::decode(std::string& bytes, std::size_t base_offset) {
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

void FileReader::from_json(const nlohmann::json& j, const std::string& default_id, std::size_t line) {
    if (!j.is_object()) {
        error(line, "expected a JSON object for an article, found " + std::string(j.type_name()));
        return;
    }
    Article a;
    auto field = [&](std::string_view key, std::string& out) {
        auto it = j.find(key);
        if (it == j.end() || it->is_null()) return true;
        if (it->is_string()) {
            out = it->get<std::string>();
            return true;
        }
        if (it->is_number() && key == detail::key::id) {
            out = it->dump();
            return true;
        }
        error(line, "field '" + std::string(key) + "' must be a string, not " + it->type_name());
        return false;
    };
    // The date is read last: it is normalised, and a bad one only warns.
    for (const auto& f : detail::article_fields) {
        if (f.key != detail::key::date && !field(f.key, a.*f.member)) return;
    }
    // Other tools write the body as "text".
    if (a.body.empty() && !field("text", a.body)) return;
    std::string date;
    if (!field(detail::key::date, date)) return;
    if (a.id.empty()) a.id = default_id;
    if (trim(a.title).empty() && trim(a.body).empty()) {
        error(line, "article '" + a.id + "' has no title and no body");
        return;
    }
    if (!date.empty()) {
        try {
            a.date = normalize_date(date);
        } catch (const Error& e) {
            warn((line ? "line " + std::to_string(line) + ": " : std::string()) + e.what() +
                 "; article kept without a date");
        }
    }
    emit(std::move(a));
}

void FileReader::read_jsonl(std::ifstream& in) {
    std::string line;
    std::size_t line_no = 0;
    std::size_t offset = 0;
    bool any = false;
    while (std::getline(in, line)) {
        ++line_no;
        auto line_offset = offset;
        offset += line.size() + 1;
        if (m_handler.on_bytes) m_handler.on_bytes(line.size() + 1);
        if (trim(line).empty()) continue;
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

void FileReader::read(Format format) {
    std::ifstream in(m_file, std::ios::binary);
    if (!in) {
        error(0, std::string("cannot read: ") + std::strerror(errno));
        return;
    }
    if (format == Format::jsonl) {
        read_jsonl(in);
        return;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) {
        error(0, std::string("read failed: ") + std::strerror(errno));
        return;
    }
    std::string bytes = std::move(buf).str();
    if (trim(bytes).empty()) {
        error(0, "empty file");
        return;
    }
    if (!decode(bytes, 0)) {
        error(0, "binary file (contains NUL bytes), not text");
        return;
    }
    if (format == Format::text || format == Format::markdown) {
        emit(parse_text_article(bytes, m_id_base, format == Format::markdown));
        return;
    }
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
    if (j.is_array()) {
        if (j.empty()) error(0, "empty JSON array: no articles");
        std::size_t n = 0;
        for (const auto& item : j) {
            ++n;
            from_json(item, m_id_base + "#" + std::to_string(n), 0);
        }
        return;
    }
    from_json(j, m_id_base, 0);
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

Article parse_text_article(std::string_view raw, std::string id, bool markdown) {
    std::string textbuf(raw);
    textbuf.erase(std::remove(textbuf.begin(), textbuf.end(), '\r'), textbuf.end());
    std::string_view text = textbuf;
    auto first = text.find_first_not_of(" \t\n");
    text = first == std::string_view::npos ? std::string_view() : text.substr(first);
    Article a;
    a.id = std::move(id);
    auto eol = text.find('\n');
    std::string_view first_line = text.substr(0, eol);
    bool blank_follows = false;
    if (eol != std::string_view::npos) {
        auto next_eol = text.find('\n', eol + 1);
        auto next_line = text.substr(eol + 1, next_eol == std::string_view::npos ? std::string_view::npos
                                                                                  : next_eol - eol - 1);
        blank_follows = trim(next_line).empty();
    }
    auto strip_heading = [&](std::string_view line) {
        if (markdown) {
            auto hashes = line.find_first_not_of('#');
            if (hashes != std::string_view::npos && hashes > 0 && hashes <= 6 && line[hashes] == ' ') {
                line.remove_prefix(hashes + 1);
            }
        }
        return trim(line);
    };
    if (blank_follows) {
        a.title = strip_heading(first_line);
        a.body = trim(text.substr(eol + 1));
        return a;
    }
    a.body = trim(text);
    // The first sentence, within the first line, at most ~250 bytes.
    std::string_view line = first_line;
    const std::size_t end = std::min(line.size(), text::sentence_end(line));
    std::string title = strip_heading(line.substr(0, end));
    if (title.size() > 250) {
        auto cut = title.rfind(' ', 250);
        if (cut == std::string::npos) {
            // No space (CJK text, a long URL): cut at 250 bytes, but not inside a character.
            cut = 250;
            while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
        }
        title = title.substr(0, cut) + "\xE2\x80\xA6";
    }
    a.title = title;
    return a;
}

namespace {

// Appends the article files under `dir` (recursively) to `files`: hidden entries,
// housekeeping files and other types left out. A directory that cannot be read is reported to
// `on_error` (if any) and the walk goes on beside it: silently skipping it would make its
// articles look deleted to an incremental run with --prune.
void collect_article_files(const fs::path& dir, std::vector<fs::path>& files,
                           const std::function<void(const InputError&)>& on_error) {
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
            if (!it->is_symlink(ec)) collect_article_files(path, files, on_error);
            continue;
        }
        if (!it->is_regular_file(ec)) continue;
        if (format_of(path) == Format::unsupported || is_housekeeping(path)) continue;
        files.push_back(path);
    }
}

// The article files under a directory, sorted (see collect_article_files).
std::vector<fs::path> article_files(const fs::path& dir, const std::function<void(const InputError&)>& on_error) {
    std::vector<fs::path> files;
    collect_article_files(dir, files, on_error);
    std::sort(files.begin(), files.end());
    return files;
}

// A file's size, or 0 if it cannot be read.
std::uint64_t size_of(const fs::path& file) {
    std::error_code ec;
    auto size = fs::file_size(file, ec);
    return ec ? 0 : size;
}

// Reads one article file; reports its bytes as consumed (JSON Lines report theirs line by line).
void read_file(const fs::path& file, const std::string& id_base, const ReadHandler& handler) {
    const auto format = format_of(file);
    if (handler.on_file) handler.on_file(file);
    FileReader(file, id_base, handler).read(format);
    if (format != Format::jsonl && handler.on_bytes) handler.on_bytes(size_of(file));
}

}  // namespace

void read_articles(const fs::path& path, const ReadHandler& handler) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) throw InputError(path.string(), 0, "no such file or directory");
    if (!fs::is_directory(status)) {
        auto format = format_of(path);
        if (format == Format::unsupported) {
            if (handler.on_error) {
                handler.on_error(InputError(path.string(), 0,
                                            "unsupported file type (expected .txt, .md, .json or .jsonl)"));
            }
            return;
        }
        read_file(path, path.filename().string(), handler);
        return;
    }
    for (const auto& file : article_files(path, handler.on_error)) {
        auto rel = file.lexically_relative(path).generic_string();
        read_file(file, rel, handler);
    }
}

std::uint64_t input_bytes(const std::vector<fs::path>& paths) {
    std::uint64_t total = 0;
    auto add = [&](const fs::path& file) { total += size_of(file); };
    for (const auto& path : paths) {
        std::error_code ec;
        auto status = fs::status(path, ec);
        if (ec || !fs::exists(status)) continue;
        if (!fs::is_directory(status)) {
            if (format_of(path) != Format::unsupported) add(path);
            continue;
        }
        for (const auto& file : article_files(path, nullptr)) add(file);
    }
    return total;
}

}  // namespace newsfacet
