#pragma once
// Shared by the fuzz targets: invariant checks that stop the run, and a per-process scratch
// directory. Built both by clang with libFuzzer (scripts/fuzz) and by the regular compiler
// into the replay runners (fuzz_replay.cpp).

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

// A broken invariant is a finding: print it and abort (libFuzzer saves the input; the replay
// test fails).
#define NEWSFACET_FUZZ_CHECK(condition)                                          \
    do {                                                                         \
        if (!(condition)) newsfacet::fuzz::fail(__FILE__, __LINE__, #condition); \
    } while (false)

namespace newsfacet::fuzz {

[[noreturn]] inline void fail(const char* file, int line, const char* what) {
    std::fprintf(stderr, "%s:%d: fuzz invariant broken: %s\n", file, line, what);
    std::abort();
}

/// A temporary directory, created on first use and removed at exit. One per process, so
/// every run of a target reuses the same file names.
struct ScratchDir {
    std::filesystem::path path;

    explicit ScratchDir(std::string_view name) {
        auto pattern = (std::filesystem::temp_directory_path() /
                        ("newsfacet-fuzz-" + std::string(name) + "-XXXXXX"))
                           .string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path = pattern;
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
};

}  // namespace newsfacet::fuzz
