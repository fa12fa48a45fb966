#pragma once
// Opening Xapian databases as newsfacet indexes, and translating Xapian's errors.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include <xapian.h>

#include <newsfacet/index.hpp>

namespace newsfacet::detail {

/// Opens an index for reading; checks it is a newsfacet index of this format version.
/// Throws IndexNotFoundError, FormatVersionError or DatabaseError.
[[nodiscard]] Xapian::Database open_for_reading(const std::filesystem::path& path);

/// Opens an index for writing, creating it when `create` is true and nothing is there.
/// Throws IndexNotFoundError, FormatVersionError, IndexLockedError or DatabaseError.
[[nodiscard]] Xapian::WritableDatabase open_for_writing(const std::filesystem::path& path, bool create);

/// Throws the newsfacet exception matching a Xapian error, message kept, context prefixed.
[[noreturn]] void rethrow(const Xapian::Error& error, std::string_view context);

/// The summary printed by --info (articles, size, format, facet value counts).
[[nodiscard]] IndexInfo read_info(const Xapian::Database& db, const std::filesystem::path& path);

/// Total size of the regular files under `path` (0 where it cannot be read).
[[nodiscard]] std::uint64_t directory_size(const std::filesystem::path& path);

}  // namespace newsfacet::detail
