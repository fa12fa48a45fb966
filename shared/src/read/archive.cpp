#include "read/archive.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <streambuf>
#include <vector>

#include <archive.h>
#include <archive_entry.h>

#include "text/text.hpp"

namespace newsfacet::detail {
namespace {

constexpr std::size_t chunk_bytes = 1 << 16;

// Compression extensions and what a name ending in them holds once decompressed.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> compression_extensions = {{
    {".gz", ""},
    {".bz2", ""},
    {".xz", ""},
    {".zst", ""},
    {".tgz", ".tar"},
    {".tbz2", ".tar"},
    {".txz", ".tar"},
    {".tzst", ".tar"},
}};

bool ends_with(std::string_view s, std::string_view end) {
    return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

bool starts_with(std::string_view s, std::string_view start) { return s.substr(0, start.size()) == start; }

}  // namespace

Packing packing_by_magic(std::string_view prefix) noexcept {
    using namespace std::string_view_literals;
    for (auto magic : {"\x1F\x8B"sv, "BZh"sv, "\xFD" "7zXZ\0"sv, "\x28\xB5\x2F\xFD"sv}) {
        if (starts_with(prefix, magic)) return Packing::compressed;
    }
    // A zip starts with a local file header, or is empty (end of central directory).
    if (starts_with(prefix, "PK\x03\x04"sv) || starts_with(prefix, "PK\x05\x06"sv)) return Packing::archive;
    // POSIX ustar ("ustar\0") and GNU tar ("ustar  \0") headers.
    if (prefix.size() >= 263 && prefix.substr(257, 5) == "ustar") return Packing::archive;
    return Packing::none;
}

bool packed_extension(std::string_view name) {
    const auto lower = text::ascii_lower(name);
    if (ends_with(lower, ".tar") || ends_with(lower, ".zip")) return true;
    return std::any_of(compression_extensions.begin(), compression_extensions.end(),
                       [&](const auto& e) { return ends_with(lower, e.first); });
}

std::string inner_name(std::string_view name) {
    const auto lower = text::ascii_lower(name);
    for (const auto& [extension, inner] : compression_extensions) {
        if (ends_with(lower, extension) && name.size() > extension.size()) {
            return std::string(name.substr(0, name.size() - extension.size())) + std::string(inner);
        }
    }
    return std::string(name);
}

std::string member_id_path(std::string_view name) {
    std::string path;
    std::size_t start = 0;
    while (start <= name.size()) {
        auto end = name.find_first_of("/\\", start);
        if (end == std::string_view::npos) end = name.size();
        const auto segment = name.substr(start, end - start);
        if (!segment.empty() && segment != ".") {
            if (!path.empty()) path += '/';
            path += segment;
        }
        start = end + 1;
    }
    if (text::first_invalid_utf8(path) != std::string_view::npos) path = text::windows1252_to_utf8(path);
    return path;
}

bool hidden_member(std::string_view path) {
    std::size_t start = 0;
    while (start < path.size()) {
        auto end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        const auto segment = path.substr(start, end - start);
        if (segment.size() > 1 && segment[0] == '.' && segment != "..") return true;
        start = end + 1;
    }
    return false;
}

// What the libarchive handle reads from, and the member bytes it hands on.
struct Unpacker::State : std::streambuf {
    std::istream& in;
    std::string prefix;
    std::size_t prefix_used = 0;
    UnpackOptions options;
    archive* handle = nullptr;
    std::vector<char> packed = std::vector<char>(chunk_bytes);
    std::vector<char> unpacked = std::vector<char>(chunk_bytes);
    std::uint64_t delivered = 0;  // decompressed bytes handed on, all members
    std::uint64_t position = 0;   // in the packed stream
    std::uint64_t reached = 0;    // the furthest position read, reported as progress
    bool in_member = false;
    bool archive_format = false;
    std::string member_error;
    std::string error;
    std::istream stream{this};

    State(std::istream& source, std::string first, UnpackOptions opts)
        : in(source), prefix(std::move(first)), options(std::move(opts)) {}

    void clear_buffer() { setg(nullptr, nullptr, nullptr); }

    ~State() override {
        if (handle) archive_read_free(handle);
    }
    State(const State&) = delete;
    State& operator=(const State&) = delete;

    void fail(std::string why) {
        if (error.empty()) error = std::move(why);
        in_member = false;
    }

    [[nodiscard]] std::string libarchive_error(const char* fallback) const {
        const char* why = archive_error_string(handle);
        return why && *why ? why : fallback;
    }

    // False (with error set) once the input yielded more than its cap.
    bool within_cap() {
        const auto cap = options.max_bytes;
        if (cap == 0) return true;
        const auto filtered = static_cast<std::uint64_t>(std::max<la_int64_t>(0, archive_filter_bytes(handle, 0)));
        if (std::max(delivered, filtered) <= cap) return true;
        fail("decompressed to more than " + byte_size_text(cap) +
             ", the cap on one input's decompressed bytes (a decompression bomb?)");
        return false;
    }

    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        if (!in_member) return traits_type::eof();
        const auto n = archive_read_data(handle, unpacked.data(), unpacked.size());
        if (n == 0) {
            in_member = false;
            return traits_type::eof();
        }
        if (n < 0) {
            if (n == ARCHIVE_FATAL) {
                fail(libarchive_error("damaged data"));
            } else {
                member_error = libarchive_error("unreadable entry");
                in_member = false;
            }
            return traits_type::eof();
        }
        delivered += static_cast<std::uint64_t>(n);
        if (!within_cap()) return traits_type::eof();
        setg(unpacked.data(), unpacked.data(), unpacked.data() + n);
        return traits_type::to_int_type(*gptr());
    }

    static la_ssize_t read_packed(archive* a, void* self, const void** buffer) {
        auto& s = *static_cast<State*>(self);
        if (s.prefix_used < s.prefix.size()) {
            *buffer = s.prefix.data() + s.prefix_used;
            const auto n = s.prefix.size() - s.prefix_used;
            s.prefix_used = s.prefix.size();
            s.advance(n);
            return static_cast<la_ssize_t>(n);
        }
        s.in.read(s.packed.data(), static_cast<std::streamsize>(s.packed.size()));
        const auto n = static_cast<std::size_t>(s.in.gcount());
        if (s.in.bad()) {
            archive_set_error(a, errno, "read failed");
            return -1;
        }
        *buffer = s.packed.data();
        s.advance(n);
        return static_cast<la_ssize_t>(n);
    }

    // Files only: the prefix is the file's first bytes, so after a seek the file is read directly.
    static la_int64_t seek_packed(archive*, void* self, la_int64_t offset, int whence) {
        auto& s = *static_cast<State*>(self);
        s.prefix_used = s.prefix.size();
        s.in.clear();
        const auto dir = whence == SEEK_SET ? std::ios::beg : whence == SEEK_CUR ? std::ios::cur : std::ios::end;
        s.in.seekg(offset, dir);
        const auto at = s.in.tellg();
        if (s.in.fail() || at < 0) return ARCHIVE_FATAL;
        s.position = static_cast<std::uint64_t>(at);
        return static_cast<la_int64_t>(at);
    }

    // Progress only moves forward: a zip is read from its end first.
    void advance(std::size_t n) {
        position += n;
        if (position <= reached) return;
        if (options.on_packed_bytes) options.on_packed_bytes(position - reached);
        reached = position;
    }

    void open() {
        handle = archive_read_new();
        if (!handle) throw std::bad_alloc();
        // Named filters only: "all" would run external programs (lrzip, lzop...) on what the input says.
        archive_read_support_filter_gzip(handle);
        archive_read_support_filter_bzip2(handle);
        archive_read_support_filter_xz(handle);
        archive_read_support_filter_zstd(handle);
        if (options.archives) {
            archive_read_support_format_tar(handle);
            archive_read_support_format_zip(handle);
        }
        // A compressed stream that is no archive: one member, its bytes.
        archive_read_support_format_raw(handle);
        archive_read_support_format_empty(handle);
        archive_read_set_read_callback(handle, read_packed);
        if (options.seekable) archive_read_set_seek_callback(handle, seek_packed);
        archive_read_set_callback_data(handle, this);
        if (archive_read_open1(handle) != ARCHIVE_OK) fail(libarchive_error("not a readable compressed file or archive"));
    }
};

std::string byte_size_text(std::uint64_t bytes) {
    if (bytes >= (1ULL << 30) && bytes % (1ULL << 30) == 0) return std::to_string(bytes >> 30) + " GiB";
    if (bytes >= (1ULL << 20) && bytes % (1ULL << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    if (bytes >= (1ULL << 10) && bytes % (1ULL << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + " bytes";
}

Unpacker::Unpacker(std::istream& in, std::string prefix, UnpackOptions options)
    : m_state(std::make_unique<State>(in, std::move(prefix), std::move(options))) {
    m_state->open();
}

Unpacker::~Unpacker() = default;

bool Unpacker::next(std::string& path) {
    auto& s = *m_state;
    s.clear_buffer();
    s.stream.clear();
    s.member_error.clear();
    s.in_member = false;
    while (s.error.empty()) {
        archive_entry* entry = nullptr;
        const int status = archive_read_next_header(s.handle, &entry);
        if (status == ARCHIVE_EOF) return false;
        if (status < ARCHIVE_WARN) {
            s.fail(s.libarchive_error("damaged header"));
            return false;
        }
        if (!s.within_cap()) return false;
        const int format = archive_format(s.handle) & ARCHIVE_FORMAT_BASE_MASK;
        s.archive_format = format != ARCHIVE_FORMAT_RAW && format != ARCHIVE_FORMAT_EMPTY;
        // The first bytes promised compression that libarchive could not start to decode.
        if (!s.archive_format && archive_filter_code(s.handle, 0) == ARCHIVE_FILTER_NONE) {
            s.fail("damaged header: not readable as the compressed file its first bytes announce");
            return false;
        }
        // Directories, links (a hard link repeats another member) and devices hold no articles.
        if (s.archive_format && (archive_entry_filetype(entry) != AE_IFREG || archive_entry_hardlink(entry))) continue;
        const char* name = s.archive_format ? archive_entry_pathname(entry) : nullptr;
        path = name ? name : "";
        s.in_member = true;
        return true;
    }
    return false;
}

std::uint64_t Unpacker::packed_bytes_read() const noexcept { return m_state->reached; }

bool Unpacker::is_archive() const noexcept { return m_state->archive_format; }

std::istream& Unpacker::data() { return m_state->stream; }

const std::string& Unpacker::member_error() const noexcept { return m_state->member_error; }

const std::string& Unpacker::error() const noexcept { return m_state->error; }

bool unpack_failed(const std::istream& in) noexcept {
    const auto* state = dynamic_cast<const Unpacker::State*>(in.rdbuf());
    return state && (!state->error.empty() || !state->member_error.empty());
}

}  // namespace newsfacet::detail
