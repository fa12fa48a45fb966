#pragma once
// What an incremental indexing run needs beyond storing documents: a content hash to tell an
// unchanged article, the file an article came from (for --prune), and lookups in the index as
// last committed from a thread other than the writer's.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include <newsfacet/article.hpp>

#include "store/schema.hpp"

namespace newsfacet::detail {

/// The content hash stored in slot_content: 64-bit FNV-1a, as 16 hex digits, over the library
/// version, the index format, every field of the article and the file term it is stored with
/// ("" for none), each with its length. An article re-read unchanged from the same file hashes
/// the same; one that moved to another file is stored again (with its new file); a new
/// release hashes differently, so an incremental run re-tags everything once after an
/// upgrade; so does a new `document_layout` (the one this build writes by default; another
/// value gives the hash an older build stored, for tests of the upgrade). Cost: one pass over
/// the article's bytes.
[[nodiscard]] std::string content_hash(const Article& article, std::string_view file_term = {},
                                       int layout = document_layout);

/// The form of a file's path that prefix_file terms hold: absolute, with "." and ".." and
/// symbolic links resolved, '/'-separated; the same whatever the working directory or the
/// spelling of the path. Throws nothing (a path that cannot be resolved is kept lexically).
[[nodiscard]] std::string file_key(const std::filesystem::path& path);

/// The term marking the articles read from this file: bounded_term(prefix_file, file_key(path)).
[[nodiscard]] std::string file_term(const std::filesystem::path& path);

/// The index at a path as last committed, for looking articles up while a writer (this
/// process's or not) adds to it. One thread at a time; moves to the newest revision when the
/// writer has moved on too far for the one it reads (Xapian's DatabaseModifiedError).
/// Xapian's errors pass, for the exported caller to translate.
class CommittedIndex {
public:
    /// Opens the index read-only (see open_for_reading).
    explicit CommittedIndex(const std::filesystem::path& path);

    /// The document of the article with this id term if the index holds one whose stored
    /// content hash equals `hash`, else nullopt. Cost: one term lookup and one value read.
    [[nodiscard]] std::optional<Xapian::docid> unchanged(const std::string& id_term, const std::string& hash);

private:
    Xapian::Database m_db;
};

/// The documents of `db` read from files at or under `path` (a file or a directory, as the
/// user gave it) for which `keep(docid, file term)` is false. Cost: a walk of the prefix_file
/// terms under the path and of their posting lists.
[[nodiscard]] std::vector<Xapian::docid> stale_documents(
    const Xapian::Database& db, const std::filesystem::path& path,
    const std::function<bool(Xapian::docid, const std::string& file_term)>& keep);

}  // namespace newsfacet::detail
