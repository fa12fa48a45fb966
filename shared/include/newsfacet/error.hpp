#pragma once
// The one exception hierarchy of newsfacet. Everything the library throws derives from
// newsfacet::Error; Xapian's exceptions are translated at the boundary with their message kept.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

#include <newsfacet/export.hpp>

namespace newsfacet {

/// Base of every exception the library throws.
class NEWSFACET_EXPORT Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The caller asked for something invalid: an unknown facet name, a malformed date, a bad option.
/// Command-line tools report these as usage errors (exit code 2).
class NEWSFACET_EXPORT UsageError : public Error {
public:
    using Error::Error;
};

/// A query string could not be parsed. The message points at the problem.
class NEWSFACET_EXPORT QueryError : public UsageError {
public:
    using UsageError::UsageError;
};

/// The index could not be opened, read or written (I/O failure, corruption, lock held, ...).
class NEWSFACET_EXPORT DatabaseError : public Error {
public:
    using Error::Error;
};

/// There is no index at the given path, or the path holds something that is not a newsfacet index.
class NEWSFACET_EXPORT IndexNotFoundError : public DatabaseError {
public:
    using DatabaseError::DatabaseError;
};

/// The index was written in a storage format this build does not read (older or newer).
class NEWSFACET_EXPORT FormatVersionError : public DatabaseError {
public:
    using DatabaseError::DatabaseError;
};

/// Another writer holds the index's lock.
class NEWSFACET_EXPORT IndexLockedError : public DatabaseError {
public:
    using DatabaseError::DatabaseError;
};

/// An article id that is not in the index (SearchRequest::like). `id()` is the id as given.
/// A runtime error, not a usage error: the same request may succeed on another index.
class NEWSFACET_EXPORT ArticleNotFoundError : public Error {
public:
    explicit ArticleNotFoundError(std::string id)
        : Error(message(id)), m_id(std::move(id)) {}

    [[nodiscard]] const std::string& id() const noexcept { return m_id; }

private:
    static std::string message(const std::string& id) {
        std::string out = "no article with id \"";
        out += id;
        out += "\" in the index";
        return out;
    }

    std::string m_id;
};

/// An input file (or one record in it) could not be read as an article.
/// `file()` names the file; `line()` is the 1-based line for line-oriented input, else 0.
class NEWSFACET_EXPORT InputError : public Error {
public:
    InputError(std::string file, std::size_t line, const std::string& message)
        : Error(format(file, line, message)), m_file(std::move(file)), m_line(line) {}

    [[nodiscard]] const std::string& file() const noexcept { return m_file; }
    [[nodiscard]] std::size_t line() const noexcept { return m_line; }

private:
    static std::string format(const std::string& file, std::size_t line,
                              const std::string& message) {
        // Appends only: GCC 12 at -O3 reports a false -Wrestrict on `":" + std::to_string(...)`.
        std::string out = file;
        if (line != 0) {
            out += ':';
            out += std::to_string(line);
        }
        out += ": ";
        out += message;
        return out;
    }

    std::string m_file;
    std::size_t m_line;
};

}  // namespace newsfacet
