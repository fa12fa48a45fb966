#include "store/database.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <exception>
#include <functional>
#include <map>
#include <optional>
#include <system_error>
#include <thread>

#include <newsfacet/error.hpp>

#include "store/schema.hpp"
#include "store/stub.hpp"

namespace newsfacet::detail {
namespace fs = std::filesystem;

namespace {

// Xapian's logic errors: newsfacet called it wrongly, whatever the user asked for.
bool is_logic_error(const std::string& type) {
    return type == "InvalidArgumentError" || type == "InvalidOperationError" || type == "UnimplementedError" ||
           type == "AssertionError" || type == "LogicError";
}

}  // namespace

void rethrow(const Xapian::Error& error, std::string_view context) {
    // Xapian's messages often start with the path already.
    std::string message = error.get_msg().rfind(std::string(context), 0) == 0 ? error.get_msg()
                                                                             : std::string(context) + ": " + error.get_msg();
    // The system's reason (disk full, file too large, permission denied), which Xapian keeps
    // apart from its message.
    if (const char* reason = error.get_error_string(); reason && *reason && message.find(reason) == std::string::npos) {
        message += std::string(" (") + reason + ")";
    }
    // Xapian::Error is not polymorphic: its type name says which subclass it is.
    const std::string type = error.get_type();
    if (type == "DatabaseLockError") {
        // Xapian reports any failure to take the lock so; only "already locked" means
        // another writer (else: the lock file cannot be created, ...).
        if (error.get_msg().find("already locked") != std::string::npos) {
            throw IndexLockedError(std::string(context) + ": index is locked by another indexer");
        }
        throw DatabaseError(message);
    }
    if (type == "DatabaseOpeningError" || type == "DatabaseNotFoundError") throw IndexNotFoundError(message);
    if (type == "QueryParserError") throw QueryError(message);
    if (is_logic_error(type)) throw Error("internal error: " + message + " (Xapian " + type + ")");
    throw DatabaseError(message + " (" + type + ")");
}

namespace {

void check_format(const Xapian::Database& db, const fs::path& path) {
    auto format = db.get_metadata(std::string(meta_format));
    if (format.empty()) {
        throw IndexNotFoundError(path.string() + " is a Xapian database but not a newsfacet index");
    }
    if (format != std::to_string(index_format_version)) {
        bool newer = std::atoi(format.c_str()) > index_format_version;
        throw FormatVersionError(path.string() + ": index format version " + format + " is " +
                                 (newer ? "newer" : "older") + " than this build's (" +
                                 std::to_string(index_format_version) + "); " +
                                 (newer ? "use a newer newsfacet" : "re-index the articles"));
    }
}

void check_exists(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        throw IndexNotFoundError("no index at " + path.string() +
                                 " (create one with: newsfacet-index --db " + path.string() + " FILES...)");
    }
    // A stub database (the shards of one index, local or remote) is a file.
    if (!fs::is_directory(path, ec) && !fs::is_regular_file(path, ec)) {
        throw IndexNotFoundError(path.string() + " is not a newsfacet index (not a directory or stub file)");
    }
}

// Opens what is at `path` with `open` (which returns the database) and checks it.
template <typename Open>
auto open_checked(const fs::path& path, Open&& open) {
    check_exists(path);
    try {
        auto opened = open();
        check_format(opened.db, path);
        return opened;
    } catch (const Xapian::DatabaseOpeningError& e) {
        // Not "no index": something is there, but Xapian cannot open it as a database.
        throw IndexNotFoundError(path.string() + " is not a newsfacet index (" + e.get_msg() + ")");
    }
}

// The databases a stub at `path` lists, through nested stubs, in the order Xapian opens them:
// local ones with their path (relative paths resolved), the other lines as they are; `path`
// itself, as one local line, if it is not a stub. As Xapian does, a directory holding a
// database is that database, whatever else it holds. Returns false for a stub nested too
// deep (a stub listing itself: Xapian reports it). Cost: reading the stubs.
bool list_databases(const fs::path& path, int depth, std::vector<StubLine>& out) {
    std::error_code ec;
    const bool database = fs::exists(path / "iamglass", ec) || fs::exists(path / "iamchert", ec);
    const auto stub = database ? std::nullopt : stub_file(path);
    if (!stub) {
        out.push_back({StubLine::Kind::local, path, {}, 0});
        return true;
    }
    if (depth > 8) return false;
    for (auto& line : read_stub(*stub)) {
        if (line.kind != StubLine::Kind::local || line.database.empty()) {
            out.push_back(std::move(line));
            continue;
        }
        const auto listed = line.database.is_absolute() ? line.database : stub->parent_path() / line.database;
        if (!list_databases(listed, depth + 1, out)) return false;
    }
    return true;
}

// The local databases of list_databases, if that is all it lists (at least one).
std::optional<std::vector<fs::path>> local_databases(const std::vector<StubLine>& listed) {
    std::vector<fs::path> out;
    for (const auto& line : listed) {
        if (line.kind != StubLine::Kind::local || line.database.empty()) return std::nullopt;
        out.push_back(line.database);
    }
    if (out.empty()) return std::nullopt;
    return out;
}

}  // namespace

void on_parts(const std::vector<std::size_t>& which, const std::function<void(std::size_t)>& run) {
    std::vector<std::exception_ptr> errors(which.size());
    auto guarded = [&](std::size_t i) {
        try {
            run(which[i]);
        } catch (...) {
            errors[i] = std::current_exception();
        }
    };
    std::vector<std::thread> threads;
    std::size_t started = 1;
    try {
        for (; started < which.size(); ++started) threads.emplace_back(guarded, started);
    } catch (const std::system_error&) {
        // A process limit: the parts without a thread wait their turn here.
    }
    if (!which.empty()) guarded(0);
    for (std::size_t i = started; i < which.size(); ++i) guarded(i);
    for (auto& thread : threads) thread.join();
    for (const auto& error : errors) {
        if (error) std::rethrow_exception(error);
    }
}

std::vector<std::size_t> every_part(std::size_t n) {
    std::vector<std::size_t> out(n);
    for (std::size_t k = 0; k < n; ++k) out[k] = k;
    return out;
}

void check_parts(const Xapian::Database& db, const std::vector<Xapian::Database>& parts) {
    if (parts.size() != db.size()) throw Error("internal error: the parts are not the database's");
}

std::vector<Xapian::Document> read_documents(const Xapian::Database& db, const std::vector<Xapian::Database>& parts,
                                             const std::vector<Xapian::docid>& docids) {
    std::vector<Xapian::Document> documents(docids.size());
    if (parts.size() < 2 || docids.size() < 2) {
        for (std::size_t i = 0; i < docids.size(); ++i) documents[i] = db.get_document(docids[i]);
        return documents;
    }
    check_parts(db, parts);
    std::vector<std::vector<std::size_t>> by_part(parts.size());
    for (std::size_t i = 0; i < docids.size(); ++i) by_part[part_docid(docids[i], parts.size()).part].push_back(i);
    on_parts(parts_with_work(by_part), [&](std::size_t k) {
        for (auto i : by_part[k]) documents[i] = parts[k].get_document(part_docid(docids[i], parts.size()).docid);
    });
    return documents;
}

Xapian::Database open_for_reading(const fs::path& path) {
    struct Opened {
        Xapian::Database db;
    };
    return open_checked(path, [&] { return Opened{Xapian::Database(path.string())}; }).db;
}

namespace {

// How to open each database of list_databases on its own, if one is remote over TCP and every
// one is that or local; else nullopt (programs and forms left to Xapian). Opened one by one
// and added up in this order, they make the database Xapian opens from the stub, nested
// stubs included.
std::optional<std::vector<std::function<Xapian::Database()>>> remote_parts(const std::vector<StubLine>& listed) {
    std::vector<std::function<Xapian::Database()>> out;
    bool remote = false;
    for (const auto& line : listed) {
        if (line.kind == StubLine::Kind::remote && !line.host.empty()) {
            remote = true;
            out.emplace_back([host = line.host, port = line.port] { return Xapian::Remote::open(host, port); });
        } else if (line.kind == StubLine::Kind::local && !line.database.empty()) {
            out.emplace_back([database = line.database] { return Xapian::Database(database.string()); });
        } else {
            return std::nullopt;
        }
    }
    if (!remote || out.size() < 2) return std::nullopt;
    return out;
}

// A remote stub's lines, opened at once, a thread per line (opening a remote one waits for
// its server to fork and open the database, about 6 ms), then added up into `db` in their
// order. Throws what opening a part throws (the first in order, once all have returned).
ReadableIndex open_remote_parts(const std::vector<std::function<Xapian::Database()>>& lines) {
    std::vector<Xapian::Database> opened(lines.size());
    on_parts(every_part(lines.size()), [&](std::size_t k) { opened[k] = lines[k](); });
    ReadableIndex out;
    for (const auto& part : opened) {
        out.parts.push_back(part);
        out.db.add_database(part);
    }
    out.remote = true;
    return out;
}

// `opened.db` made of `parts` added up, each also kept in `into`.
template <typename Open>
ReadableIndex add_up(const std::vector<Open>& parts, std::vector<Xapian::Database> ReadableIndex::*into) {
    ReadableIndex opened;
    for (const auto& open : parts) {
        (opened.*into).push_back(open());
        opened.db.add_database((opened.*into).back());
    }
    return opened;
}

}  // namespace

ReadableIndex open_shards_for_reading(const fs::path& path) {
    std::vector<StubLine> listed;
    const bool complete = list_databases(path, 0, listed);
    const bool remote = std::any_of(listed.begin(), listed.end(),
                                    [](const StubLine& line) { return line.kind == StubLine::Kind::remote; });
    if (const auto databases = complete ? local_databases(listed) : std::nullopt; databases && databases->size() >= 2) {
        std::vector<std::function<Xapian::Database()>> shards;
        for (const auto& database : *databases) shards.emplace_back([database] { return Xapian::Database(database.string()); });
        return open_checked(path, [&] { return add_up(shards, &ReadableIndex::shards); });
    }
    if (const auto lines = complete && remote ? remote_parts(listed) : std::nullopt) {
        return open_checked(path, [&] { return open_remote_parts(*lines); });
    }
    ReadableIndex opened;
    opened.db = open_for_reading(path);
    opened.remote = remote;
    return opened;
}

namespace {

// True for an empty directory, or one holding only the files Xapian writes while it creates a
// glass database before its version file (`iamglass`): the lock, its tables and temporary
// files. That is what a kill during creation leaves; it holds no committed revision, hence no
// article, and Xapian creates the database there again. Anything else may be someone's data.
bool holds_only_unfinished_creation(const fs::path& dir) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        const bool xapian_file = name == "flintlock" || name.ends_with(".glass") || name.ends_with(".tmp");
        if (!xapian_file || !entry.is_regular_file(ec)) return false;
    }
    return !ec;
}

}  // namespace

Xapian::WritableDatabase open_for_writing(const fs::path& path, bool create) {
    std::error_code ec;
    bool exists = fs::exists(path, ec);
    if (!exists && !create) check_exists(path);
    if (exists && !fs::is_directory(path, ec)) {
        throw IndexNotFoundError(path.string() + " is not a newsfacet index (not a directory)");
    }
    const bool versioned = exists && (fs::exists(path / "iamglass", ec) || fs::exists(path / "iamchert", ec));
    const bool unfinished = exists && !versioned && !fs::is_empty(path, ec);
    if (unfinished && !holds_only_unfinished_creation(path)) {
        throw IndexNotFoundError(path.string() + " exists and is not a newsfacet index");
    }
    // Xapian would only find out at the first commit, with a message about its own files.
    if (exists && ::access(path.c_str(), W_OK | X_OK) != 0) {
        throw DatabaseError(path.string() + ": cannot write to the index directory: " +
                            std::generic_category().message(errno));
    }
    if (!exists && path.has_parent_path()) {
        fs::create_directories(path.parent_path(), ec);
        if (ec) throw DatabaseError("cannot create " + path.parent_path().string() + ": " + ec.message());
    }
    // Xapian would try to open the tables an interrupted creation left; created again instead,
    // after Xapian takes the lock (so not under a creator still at work: that one holds it).
    Xapian::WritableDatabase db(path.string(), unfinished ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN);
    if (db.get_metadata(std::string(meta_format)).empty() && db.get_doccount() == 0) {
        db.set_metadata(std::string(meta_format), std::to_string(index_format_version));
        db.commit();
    }
    check_format(db, path);
    return db;
}

IndexInfo read_info(const Xapian::Database& db, const fs::path& path) {
    IndexInfo info;
    info.path = path.string();
    info.articles = db.get_doccount();
    info.format_version = std::atoi(db.get_metadata(std::string(meta_format)).c_str());
    for (auto facet : all_facets) {
        std::map<std::string, std::uint64_t> counts;
        auto slot = facet_slot(facet);
        for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
            for_each_value(*it, [&](std::string_view value) { ++counts[std::string(value)]; });
        }
        std::vector<FacetCount> list;
        for (auto& [value, count] : counts) list.push_back({value, count});
        std::stable_sort(list.begin(), list.end(),
                         [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
        info.facets.emplace_back(facet, std::move(list));
    }
    info.size_bytes = directory_size(path);
    return info;
}

std::uint64_t directory_size(const fs::path& path) {
    std::error_code ec;
    const bool directory = fs::is_directory(path, ec);
    if (!directory && !fs::exists(path, ec)) throw DatabaseError("no index at " + path.string());
    if (!directory) return 0;
    auto failed = [&] {
        throw DatabaseError(path.string() + ": cannot read the index directory: " + ec.message());
    };
    // A file gone since it was listed (a writer's temporary file) takes no space.
    auto vanished = [&] { return ec == std::errc::no_such_file_or_directory; };
    std::uint64_t size = 0;
    auto it = fs::recursive_directory_iterator(path, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const bool regular = it->is_regular_file(ec);
        const std::uint64_t bytes = regular ? it->file_size(ec) : 0;
        if (ec && !vanished()) failed();
        if (!ec) size += bytes;
        ec.clear();
    }
    if (ec && !vanished()) failed();
    return size;
}

}  // namespace newsfacet::detail
