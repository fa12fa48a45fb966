#pragma once
// Starting a program in the background, for tests that kill it or work beside it.

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

extern char** environ;

namespace newsfacet::testing {

/// Starts `args` (argv[0] a path) in the background, its output discarded. -1 on failure.
inline pid_t spawn_quietly(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
}

/// How a program run to its end went.
struct Finished {
    int status = -1;           ///< Exit code, -1 if it was killed by a signal or never started.
    long peak_rss_kib = 0;     ///< Its peak resident memory.
};

/// Runs `args` to its end, output discarded, and measures its peak memory.
inline Finished run_measured(const std::vector<std::string>& args) {
    Finished out;
    const pid_t pid = spawn_quietly(args);
    if (pid <= 0) return out;
    int status = 0;
    struct rusage usage {};
    if (wait4(pid, &status, 0, &usage) != pid) return out;
    out.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    out.peak_rss_kib = usage.ru_maxrss;
    return out;
}

}  // namespace newsfacet::testing
