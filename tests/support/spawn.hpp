#pragma once
// Starting a program in the background, for tests that kill it or work beside it.

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

extern char** environ;

namespace newsfacet::testing {

/// Starts `args` (argv[0] a path) in the background, its stdout and stderr written to
/// `output` (created or truncated). -1 on failure.
inline pid_t spawn_to_file(const std::vector<std::string>& args, const std::filesystem::path& output) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
}

/// Starts `args` (argv[0] a path) in the background, its output discarded. -1 on failure.
inline pid_t spawn_quietly(const std::vector<std::string>& args) { return spawn_to_file(args, "/dev/null"); }

/// The whole of a file written so far ("" if there is none yet).
inline std::string file_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// True once child process `pid` has ended (or is not a child). Does not reap it: its exit
/// status stays for the caller's waitpid, and its pid cannot be reused meanwhile.
inline bool has_ended(pid_t pid) {
    siginfo_t info{};
    return waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0 || info.si_pid == pid;
}

/// Waits until `output` (where process `pid` writes) contains `text`, or the process has
/// ended. True if the text appeared; the process is not reaped. Polls: what it waits for is
/// the event, not an amount of time.
inline bool wait_for_output(pid_t pid, const std::filesystem::path& output, std::string_view text) {
    for (;;) {
        if (file_text(output).find(text) != std::string::npos) return true;
        if (has_ended(pid)) return file_text(output).find(text) != std::string::npos;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

/// Waits for process `pid` to end: its exit code, or -1 if a signal ended it.
inline int exit_code_of(pid_t pid) {
    int status = 0;
    if (waitpid(pid, &status, 0) != pid) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
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
