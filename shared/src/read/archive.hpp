#pragma once
// Compressed files (.gz .bz2 .xz .zst) and archives (.tar and its compressed forms, .zip),
// told by their first bytes and read with libarchive as streams: nothing is loaded whole,
// nothing is ever written to disk.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

namespace newsfacet::detail {

/// The bytes that tell how an input is packed (tar's "ustar" mark ends at byte 262).
inline constexpr std::size_t magic_bytes = 512;

/// How an input's bytes are packed, by their first bytes.
enum class Packing {
    none,        ///< Not packed: the bytes are the format's own.
    compressed,  ///< gzip, bzip2, xz or zstd (a tar may be inside: told once decompressed).
    archive,     ///< An uncompressed tar, or a zip.
};

/// How `prefix` (an input's first magic_bytes bytes, fewer for a shorter input) is packed.
[[nodiscard]] Packing packing_by_magic(std::string_view prefix) noexcept;

/// True if the name ends in an extension of a compressed file or an archive (.gz .bz2 .xz
/// .zst .tgz .tbz2 .txz .tzst .tar .zip, any case).
[[nodiscard]] bool packed_extension(std::string_view name);

/// The name without its compression extension ("a.jsonl.gz" -> "a.jsonl", "x.tgz" ->
/// "x.tar"); other names unchanged.
[[nodiscard]] std::string inner_name(std::string_view name);

/// An archive member's path as a part of an id: '\\'-free, leading "/" and "./" and empty or "."
/// segments dropped, ".." segments kept (the path is never opened); not valid UTF-8 is read
/// as Windows-1252. Empty for a name of nothing but separators.
[[nodiscard]] std::string member_id_path(std::string_view name);

/// True if a member path (as member_id_path gives it) has a hidden segment (".git/x",
/// "__MACOSX/._a.html"): the walk skips such entries.
[[nodiscard]] bool hidden_member(std::string_view path);

/// A byte count as people read a cap: "16 GiB", "64 MiB", "1000 bytes".
[[nodiscard]] std::string byte_size_text(std::uint64_t bytes);

/// How an Unpacker reads.
struct UnpackOptions {
    bool archives = true;            ///< Read tar and zip archives; else a compressed stream only.
    bool seekable = false;           ///< The stream can seek (a file): zip reads its directory.
    std::uint64_t max_bytes = 0;     ///< Decompressed bytes the whole input may yield (0: no cap).
    /// Called with the packed bytes consumed since the previous call (progress); may be empty.
    std::function<void(std::uint64_t)> on_packed_bytes;
};

/// A packed stream's members, one after the other: a compressed stream holds one (its
/// decompressed bytes, with an empty path), an archive its entries (regular files only).
/// Errors are kept, never thrown: a damaged stream ends the members, with error() set.
class Unpacker {
public:
    /// Reads `in`, whose first bytes `prefix` were taken from it already.
    Unpacker(std::istream& in, std::string prefix, UnpackOptions options);
    ~Unpacker();
    Unpacker(const Unpacker&) = delete;
    Unpacker& operator=(const Unpacker&) = delete;

    /// Moves to the next member and sets `path` to its path as stored (empty for a compressed
    /// stream); false at the end or when the stream is damaged (see error()).
    [[nodiscard]] bool next(std::string& path);

    /// The furthest position in the packed stream read so far (what on_packed_bytes was told).
    [[nodiscard]] std::uint64_t packed_bytes_read() const noexcept;

    /// True when the input is an archive (tar, zip), known once next() returned true.
    [[nodiscard]] bool is_archive() const noexcept;

    /// The current member's decompressed bytes. Reading stops at the first damage: see
    /// member_error() and error().
    [[nodiscard]] std::istream& data();

    /// Why the current member could not be read whole while the rest of the input can be
    /// (an encrypted or unsupported zip entry); empty otherwise.
    [[nodiscard]] const std::string& member_error() const noexcept;

    /// Why the input cannot be read any further (truncated or damaged, or its decompressed
    /// bytes above the cap); empty if it was not.
    [[nodiscard]] const std::string& error() const noexcept;

private:
    friend bool unpack_failed(const std::istream& in) noexcept;
    struct State;
    std::unique_ptr<State> m_state;
};

/// True if `in` reads an Unpacker's member and that member's bytes stopped at damage: what was
/// read last is cut short.
[[nodiscard]] bool unpack_failed(const std::istream& in) noexcept;

}  // namespace newsfacet::detail
