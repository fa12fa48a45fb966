#include "read/http.hpp"

#include <archive.h>

#include <algorithm>
#include <array>
#include <memory>

#include "read/content_coding.hpp"
#include "text/text.hpp"

namespace newsfacet::detail::http {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The next line of `rest` without its CRLF or LF (the whole rest if no line end); `rest`
// moves past it. `ended` tells whether a line end was found.
std::string_view take_line(std::string_view& rest, bool& ended) {
    const auto eol = rest.find('\n');
    ended = eol != std::string_view::npos;
    auto line = rest.substr(0, eol);
    rest = ended ? rest.substr(eol + 1) : std::string_view();
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

// "HTTP/1.1 200 OK" -> 200; 0 if it is not a status line.
int status_of(std::string_view line) {
    if (line.rfind("HTTP/", 0) != 0) return 0;
    const auto space = line.find(' ');
    if (space == std::string_view::npos) return 0;
    auto code = line.substr(space + 1);
    if (code.size() < 3 || !is_digit(code[0]) || !is_digit(code[1]) || !is_digit(code[2])) return 0;
    if (code.size() > 3 && !is_space(code[3])) return 0;
    const int status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
    return status >= 100 ? status : 0;
}

// libarchive's reader, freed on scope exit.
struct ArchiveFree {
    void operator()(archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveFree>;

// One coding undone by libarchive (raw format: the stream itself, no archive inside).
// Bytes none of the filters recognise come through unchanged.
Body undo_with_libarchive(const std::string& bytes, std::size_t max_bytes) {
    Body out;
    ArchivePtr a(archive_read_new());
    if (!a) {
        out.error = "out of memory";
        return out;
    }
    archive_read_support_filter_gzip(a.get());
    archive_read_support_filter_zstd(a.get());
    archive_read_support_filter_bzip2(a.get());
    archive_read_support_filter_xz(a.get());
    archive_read_support_format_raw(a.get());
    archive_entry* entry = nullptr;
    if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK ||
        archive_read_next_header(a.get(), &entry) != ARCHIVE_OK) {
        out.error = std::string("cannot decode: ") + (archive_error_string(a.get()) ? archive_error_string(a.get()) : "unknown");
        return out;
    }
    std::array<char, 64 * 1024> buffer{};
    for (;;) {
        const auto n = archive_read_data(a.get(), buffer.data(), buffer.size());
        if (n == 0) break;
        if (n < 0) {
            const char* why = archive_error_string(a.get());
            out.error = std::string("cannot decode: ") + (why ? why : "corrupt data");
            out.bytes.clear();
            return out;
        }
        if (out.bytes.size() + static_cast<std::size_t>(n) > max_bytes) {
            out.error = "decodes to more than " + std::to_string(max_bytes >> 20) + " MiB";
            out.bytes.clear();
            return out;
        }
        out.bytes.append(buffer.data(), static_cast<std::size_t>(n));
    }
    return out;
}

bool libarchive_coding(std::string_view coding) {
    return coding == "gzip" || coding == "x-gzip" || coding == "zstd" || coding == "bzip2" || coding == "x-bzip2" ||
           coding == "xz" || coding == "x-xz";
}

}  // namespace

bool add_header_line(std::vector<Header>& headers, std::string_view line) {
    if (!line.empty() && is_space(line[0])) {
        if (headers.empty()) return false;
        const auto more = text::trim_space(line);
        auto& value = headers.back().value;
        if (!more.empty()) value.append(value.empty() ? "" : " ").append(more);
        return true;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    headers.push_back({std::string(text::trim_space(line.substr(0, colon))), std::string(text::trim_space(line.substr(colon + 1)))});
    return true;
}

std::string header_value(const std::vector<Header>& headers, std::string_view name) {
    const auto wanted = text::ascii_lower(name);
    for (const auto& h : headers) {
        if (text::ascii_lower(h.name) == wanted) return h.value;
    }
    return {};
}

std::vector<std::string> header_tokens(const std::vector<Header>& headers, std::string_view name) {
    const auto wanted = text::ascii_lower(name);
    std::vector<std::string> tokens;
    for (const auto& h : headers) {
        if (text::ascii_lower(h.name) != wanted) continue;
        for (auto token : text::split(h.value, ',')) {
            token = text::trim_space(token);
            if (!token.empty()) tokens.push_back(text::ascii_lower(token));
        }
    }
    return tokens;
}

Response parse_response(std::string_view bytes) {
    Response response;
    bool ended = false;
    std::string_view rest = bytes;
    response.status = status_of(take_line(rest, ended));
    if (response.status == 0) {
        response.error = "not an HTTP response (no status line)";
        return response;
    }
    while (ended) {
        const auto line = take_line(rest, ended);
        if (line.empty()) {
            // The blank line only ends the head when a line end followed it.
            if (ended) response.body = rest;
            return response;
        }
        // A line that is no header (a server's bug): skipped, as browsers do.
        (void)add_header_line(response.headers, line);
    }
    return response;
}

MediaType media_type(std::string_view content_type) {
    MediaType media;
    const auto parts = text::split(content_type, ';');
    media.type = text::ascii_lower(text::trim_space(parts.front()));
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const auto parameter = text::trim_space(parts[i]);
        const auto eq = parameter.find('=');
        if (eq == std::string_view::npos || text::ascii_lower(text::trim_space(parameter.substr(0, eq))) != "charset") continue;
        auto value = text::trim_space(parameter.substr(eq + 1));
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
            value = value.substr(1, value.size() - 2);
        }
        media.charset = text::ascii_lower(text::trim_space(value));
        break;
    }
    return media;
}

namespace {

// The value of a chunk-size line ("1a2b", extensions cut), or npos if it is not one.
std::size_t chunk_size(std::string_view line) {
    line = text::trim_space(line.substr(0, line.find(';')));
    if (line.empty() || line.size() > 15) return std::string_view::npos;
    std::size_t size = 0;
    for (char c : line) {
        const int v = is_digit(c)             ? c - '0'
                      : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                      : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                               : -1;
        if (v < 0) return std::string_view::npos;
        size = size * 16 + static_cast<std::size_t>(v);
    }
    return size;
}

}  // namespace

Body dechunk(std::string_view chunked, std::size_t max_bytes) {
    Body out;
    std::string_view rest = chunked;
    bool ended = false;
    bool first = true;
    while (!rest.empty()) {
        const auto line = take_line(rest, ended);
        if (text::trim_space(line).empty()) {
            if (ended) continue;  // a stray blank line between chunks
            break;
        }
        const auto size = chunk_size(line);
        if (size == std::string_view::npos && first) {
            // No chunk size at all: an archive that stored the body decoded under the
            // original header.
            out.bytes.assign(chunked);
            if (out.bytes.size() > max_bytes) {
                out.error = "body larger than " + std::to_string(max_bytes >> 20) + " MiB";
                out.bytes.clear();
            }
            return out;
        }
        first = false;
        if (size == std::string_view::npos) {
            out.error = "malformed chunk size '" + std::string(line.substr(0, 20)) + "'";
            out.bytes.clear();
            return out;
        }
        if (size == 0) return out;  // the last chunk; trailers after it are not needed
        if (out.bytes.size() + std::min(size, rest.size()) > max_bytes) {
            out.error = "chunked body larger than " + std::to_string(max_bytes >> 20) + " MiB";
            out.bytes.clear();
            return out;
        }
        if (size > rest.size()) {
            out.bytes.append(rest);
            rest = {};
            break;
        }
        out.bytes.append(rest.substr(0, size));
        rest.remove_prefix(size);
        // The line end after the chunk's data.
        if (rest.substr(0, 2) == "\r\n") rest.remove_prefix(2);
        else if (rest.substr(0, 1) == "\n") rest.remove_prefix(1);
    }
    out.warning = "chunked body ends before its last chunk; read as far as it goes";
    return out;
}

Body decode(std::string bytes, const std::vector<std::string>& codings, std::size_t max_bytes) {
    Body out;
    out.bytes = std::move(bytes);
    for (auto it = codings.rbegin(); it != codings.rend(); ++it) {
        if (*it == "identity" || out.bytes.empty()) continue;
        Body undone;
        if (*it == "deflate") {
            undone = inflate_deflate(out.bytes, max_bytes);
        } else if (*it == "br") {
            undone = decode_brotli(out.bytes, max_bytes);
        } else if (libarchive_coding(*it)) {
            undone = undo_with_libarchive(out.bytes, max_bytes);
        } else {
            out.error = "content coding '" + *it + "' is not supported";
            out.bytes.clear();
            return out;
        }
        if (!undone.error.empty()) {
            out.error = *it + " body " + undone.error;
            out.bytes.clear();
            return out;
        }
        out.bytes = std::move(undone.bytes);
    }
    return out;
}

Body decoded_body(const Response& response, std::size_t max_bytes) {
    auto transfer = header_tokens(response.headers, "Transfer-Encoding");
    Body body;
    if (!transfer.empty() && transfer.back() == "chunked") {
        transfer.pop_back();
        body = dechunk(response.body, max_bytes);
        if (!body.error.empty()) return body;
    } else if (response.body.size() > max_bytes) {
        body.error = "body larger than " + std::to_string(max_bytes >> 20) + " MiB";
        return body;
    } else {
        body.bytes = std::string(response.body);
    }
    auto codings = header_tokens(response.headers, "Content-Encoding");
    // Transfer codings besides chunked are applied after the content codings.
    codings.insert(codings.end(), transfer.begin(), transfer.end());
    auto decoded = decode(std::move(body.bytes), codings, max_bytes);
    if (decoded.warning.empty()) decoded.warning = body.warning;
    return decoded;
}

}  // namespace newsfacet::detail::http
