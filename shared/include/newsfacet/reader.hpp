#pragma once
// Reading articles from files: .txt, .md, .json and .jsonl.

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
    /// Lines file line by line, other files whole), for progress over input_bytes().
    std::function<void(std::uint64_t)> on_bytes;
};

/// Total size in bytes of the files read_articles() would read under `paths` (files of
/// other types, hidden and housekeeping files left out; paths that do not exist count 0).
/// Cost: one directory walk, no file is opened.
[[nodiscard]] NEWSFACET_EXPORT std::uint64_t input_bytes(const std::vector<std::filesystem::path>& paths);

/// Reads the articles in `path`: a file, or a directory walked recursively (in sorted order,
/// skipping hidden entries, README/LICENSE/NOTICE files and files of other types).
/// Formats by extension: .txt/.md (title = first line if a blank line follows it, else the
/// first sentence; a Markdown "# " is dropped), .json (one object or an array of them),
/// .jsonl (one object a line). Ids default to the path relative to the directory argument
/// (the file name when `path` is a file), plus "#LINE" for a JSONL line without an id.
/// Throws InputError only when `path` itself does not exist; everything else goes to the
/// handler.
NEWSFACET_EXPORT void read_articles(const std::filesystem::path& path, const ReadHandler& handler);

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
