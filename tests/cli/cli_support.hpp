#pragma once
// Helpers for the command-line tests: running newsfacet-index and newsfacet-search on an
// index in the test's own temporary directory.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus.hpp"
#include "run_command.hpp"
#include "temp_dir.hpp"

namespace newsfacet::testing {

inline const std::string index_bin = NEWSFACET_INDEX_BIN;
inline const std::string search_bin = NEWSFACET_SEARCH_BIN;
inline const std::string corpus_path = NEWSFACET_CORPUS_DIR;

/// Runs a binary with `args`, in the scratch directory `dir` (stderr is captured there).
inline CommandResult run(const TempDir& dir, const std::string& bin, std::vector<std::string> args,
                         const std::vector<std::string>& env = {}) {
    args.insert(args.begin(), bin);
    return run_command(args, dir.path(), env);
}

inline CommandResult run_index(const TempDir& dir, std::vector<std::string> args,
                               const std::vector<std::string>& env = {}) {
    return run(dir, index_bin, std::move(args), env);
}

inline CommandResult run_search(const TempDir& dir, std::vector<std::string> args,
                                const std::vector<std::string>& env = {}) {
    return run(dir, search_bin, std::move(args), env);
}

/// Runs newsfacet-index with `args` and its standard input a pipe (not a file) from `input`.
inline CommandResult run_index_piped(const TempDir& dir, const std::filesystem::path& input,
                                     std::vector<std::string> args) {
    args.insert(args.begin(), {"sh", "-c", "cat \"$0\" | \"$@\"", input.string(), index_bin});
    return run_command(args, dir.path());
}

/// The index path of a test: `dir`/db.
inline std::string db_of(const TempDir& dir) { return (dir / "db").string(); }

/// Indexes corpus/ into `dir`/db with newsfacet-index; fails the test unless it exits 0.
inline std::string index_corpus(const TempDir& dir) {
    auto db = db_of(dir);
    auto r = run_index(dir, {"--db", db, corpus_path});
    EXPECT_EQ(r.status, 0) << r.err;
    return db;
}

/// Runs newsfacet-search --json on `db` and parses its output; fails the test on a non-zero
/// exit or output that is not JSON.
inline nlohmann::json search_json(const TempDir& dir, const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--json"});
    auto r = run_search(dir, args);
    EXPECT_EQ(r.status, 0) << r.err;
    try {
        return nlohmann::json::parse(r.out);
    } catch (const nlohmann::json::exception& e) {
        ADD_FAILURE() << "not JSON: " << e.what() << "\n" << r.out;
        return nlohmann::json::object();
    }
}

inline std::vector<std::string> result_ids(const nlohmann::json& j) {
    std::vector<std::string> out;
    if (!j.contains("results")) return out;
    for (const auto& r : j["results"]) out.push_back(r["id"].get<std::string>());
    return out;
}

inline std::set<std::string> result_id_set(const nlohmann::json& j) {
    auto ids = result_ids(j);
    return {ids.begin(), ids.end()};
}

inline bool has_value(const nlohmann::json& array, const std::string& value) {
    return std::any_of(array.begin(), array.end(), [&](const nlohmann::json& v) { return v == value; });
}

/// A short account of a search answer for failure messages (whole answers run to pages):
/// the total and each result's id and score.
inline std::string answer_summary(const nlohmann::json& answer) {
    if (!answer.is_object() || !answer.contains("results")) return answer.dump().substr(0, 400);
    std::string out = "total " + answer["total"].dump() + ", results (id score)";
    for (const auto& r : answer["results"]) out += " " + r["id"].get<std::string>() + " " + r["score"].dump();
    return out;
}

/// The lines of `text`, without their newlines.
inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) out.push_back(line);
    return out;
}

/// Number of lines of `text` containing `part`.
inline std::size_t lines_containing(const std::string& text, const std::string& part) {
    auto lines = lines_of(text);
    return static_cast<std::size_t>(
        std::count_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(part) != std::string::npos; }));
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// A test with the corpus indexed into its own directory.
class CliCorpusTest : public ::testing::Test {
protected:
    void SetUp() override { m_db = index_corpus(m_dir); }

    nlohmann::json search(std::vector<std::string> args) const { return search_json(m_dir, m_db, std::move(args)); }
    CommandResult search_raw(std::vector<std::string> args, const std::vector<std::string>& env = {}) const {
        args.insert(args.begin(), {"--db", m_db});
        return run_search(m_dir, std::move(args), env);
    }
    CommandResult index_raw(std::vector<std::string> args, const std::vector<std::string>& env = {}) const {
        args.insert(args.begin(), {"--db", m_db});
        return run_index(m_dir, std::move(args), env);
    }

    TempDir m_dir;
    std::string m_db;
};

}  // namespace newsfacet::testing
