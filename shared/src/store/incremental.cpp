#include "store/incremental.hpp"

#include <system_error>

#include <newsfacet/error.hpp>
#include <newsfacet/index.hpp>
#include <newsfacet/version.hpp>

#include "store/database.hpp"
#include "text/hash.hpp"
#include "store/schema.hpp"

namespace newsfacet::detail {
namespace fs = std::filesystem;

namespace {

std::uint64_t hash_field(std::uint64_t h, std::string_view field) {
    // The length first, so that moving bytes from one field to the next changes the hash.
    const std::string length = std::to_string(field.size()) + ":";
    return fnv1a(field, fnv1a(length, h));
}

}  // namespace

std::string content_hash(const Article& article, std::string_view file_term, int layout) {
    std::uint64_t h = hash_field(fnv_offset, version_string);
    h = hash_field(h, std::to_string(index_format_version));
    h = hash_field(h, std::to_string(layout));
    for (const std::string* field : {&article.id, &article.title, &article.body, &article.date, &article.dateline,
                                     &article.source, &article.url}) {
        h = hash_field(h, *field);
    }
    // Hashed only when known, so that articles read before the field existed keep their hash.
    if (!article.language.empty()) h = hash_field(h, "language=" + article.language);
    return hex64(hash_field(h, file_term));
}

std::string file_key(const fs::path& path) {
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    if (ec) absolute = path;
    fs::path resolved = fs::weakly_canonical(absolute, ec);
    if (ec) resolved = absolute.lexically_normal();
    std::string key = resolved.generic_string();
    while (key.size() > 1 && key.back() == '/') key.pop_back();
    return key;
}

std::string file_term(const fs::path& path) { return bounded_term(prefix_file, file_key(path)); }

CommittedIndex::CommittedIndex(const fs::path& path) : m_db(open_for_reading(path)) {}

std::optional<Xapian::docid> CommittedIndex::unchanged(const std::string& id_term, const std::string& hash) {
    for (int attempt = 0;; ++attempt) {
        try {
            auto posting = m_db.postlist_begin(id_term);
            if (posting == m_db.postlist_end(id_term)) return std::nullopt;
            const Xapian::docid docid = *posting;
            if (m_db.get_document(docid, Xapian::DOC_ASSUME_VALID).get_value(slot_content) != hash) return std::nullopt;
            return docid;
        } catch (const Xapian::DatabaseModifiedError&) {
            // The writer committed twice since this revision was opened: read the newest.
            if (attempt == 3) throw;
            m_db.reopen();
        }
    }
}

std::vector<Xapian::docid> stale_documents(const Xapian::Database& db, const fs::path& path,
                                           const std::function<bool(Xapian::docid, const std::string&)>& keep) {
    const std::string key = file_key(path);
    std::error_code ec;
    const bool directory = fs::is_directory(path, ec);
    // A directory's files are the terms under "<dir>/"; a file is its own term.
    const std::string walk = directory ? std::string(prefix_file) + (key == "/" ? key : key + "/") : file_term(path);
    std::vector<Xapian::docid> stale;
    for (auto term = db.allterms_begin(walk); term != db.allterms_end(walk); ++term) {
        const std::string t = *term;
        if (!directory && t != walk) continue;
        for (auto posting = db.postlist_begin(t); posting != db.postlist_end(t); ++posting) {
            if (!keep(*posting, t)) stale.push_back(*posting);
        }
    }
    return stale;
}

}  // namespace newsfacet::detail
