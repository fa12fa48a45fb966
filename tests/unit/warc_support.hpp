#pragma once
// Building WARC records, HTTP responses and gzip streams in memory for the unit tests.

#include <archive.h>
#include <archive_entry.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsfacet::testing {

using Fields = std::vector<std::pair<std::string, std::string>>;

/// `data` as one gzip member (libarchive's writer).
inline std::string gzip(std::string_view data) {
    std::string out(data.size() / 2 + 64 * 1024, '\0');
    std::size_t used = 0;
    archive* a = archive_write_new();
    archive_write_add_filter_gzip(a);
    archive_write_set_format_raw(a);
    archive_write_set_bytes_in_last_block(a, 1);
    archive_write_open_memory(a, out.data(), out.size(), &used);
    archive_entry* entry = archive_entry_new();
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_write_header(a, entry);
    archive_write_data(a, data.data(), data.size());
    archive_write_close(a);
    archive_entry_free(entry);
    archive_write_free(a);
    out.resize(used);
    return out;
}

/// `data` in chunks of `size` bytes (Transfer-Encoding: chunked), the first chunk size with
/// an extension, a trailer after the last chunk.
inline std::string chunked(std::string_view data, std::size_t size) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < data.size(); i += size) {
        const auto part = data.substr(i, size);
        std::string hex;
        for (auto n = part.size(); n != 0; n /= 16) hex.insert(hex.begin(), digits[n % 16]);
        out.append(hex).append(i == 0 ? ";ext=1\r\n" : "\r\n").append(part).append("\r\n");
    }
    return out + "0\r\nX-Trailer: 1\r\n\r\n";
}

/// An HTTP/1.1 response.
inline std::string http_response(const std::string& status, const Fields& headers, const std::string& body) {
    std::string out = "HTTP/1.1 " + status + "\r\n";
    for (const auto& [k, v] : headers) out += k + ": " + v + "\r\n";
    return out + "\r\n" + body;
}

/// A WARC record of `type` with `headers` (Content-Length added) and `block`.
inline std::string warc_record(const std::string& type, const Fields& headers, const std::string& block,
                               const std::string& version = "WARC/1.1", const std::string& eol = "\r\n") {
    std::string out = version + eol + "WARC-Type: " + type + eol;
    for (const auto& [k, v] : headers) out += k + ": " + v + eol;
    out += "Content-Length: " + std::to_string(block.size()) + eol + eol;
    return out + block + eol + eol;
}

/// A response record for `uri` holding `http`.
inline std::string response_record(const std::string& uri, const std::string& http) {
    return warc_record("response",
                       {{"WARC-Date", "2024-05-07T10:00:02Z"},
                        {"WARC-Target-URI", uri},
                        {"Content-Type", "application/http; msgtype=response"}},
                       http);
}

/// A small news page.
inline std::string news_page(const std::string& title, const std::string& head_extra = {}) {
    return "<!DOCTYPE html><html><head><title>" + title + "</title>" + head_extra +
           "</head><body><article><h1>" + title +
           "</h1><p>The harbour reopened on Tuesday morning after the storm had closed it for two days, "
           "the port authority said in a statement.</p></article></body></html>";
}

}  // namespace newsfacet::testing
