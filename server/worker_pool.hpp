#pragma once
// newsfacet-serve's worker threads: httplib's ThreadPool, but the job waiting longest goes to
// the worker that went idle last (httplib's condition variable wakes any idle one).
//
// Why: a worker that has served keeps its stack pages and glibc's per-thread cache of freed
// blocks. With httplib's pool every worker takes turns (a kept-alive connection ends after 100
// requests and the next may go to any worker), so 16 clients warmed all 32 workers one by one
// and the server's memory grew for tens of thousands of requests (bench/results/serve.md).
// Handing jobs to the last idle worker first, only as many workers run as connections are
// served at once; the others stay cold.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace newsfacet::server {

class LastIdleFirstPool final : public httplib::TaskQueue {
public:
    /// Starts `threads` workers (at least one), all idle.
    explicit LastIdleFirstPool(std::size_t threads);
    LastIdleFirstPool(const LastIdleFirstPool&) = delete;
    LastIdleFirstPool& operator=(const LastIdleFirstPool&) = delete;
    ~LastIdleFirstPool() override;

    /// Queues `job`; the worker that went idle last runs it, else the first worker to finish
    /// its job. Jobs start in the order queued.
    void enqueue(std::function<void()> job) override;

    /// Runs the jobs still queued, then ends and joins the workers. Idempotent.
    void shutdown() override;

    /// Workers waiting for a job, now.
    [[nodiscard]] std::size_t idle() const;

private:
    struct Worker {
        std::condition_variable wake;
        bool woken = false;
    };

    void wake(std::size_t worker);
    void work(std::size_t worker);

    mutable std::mutex m_mutex;
    std::deque<std::function<void()>> m_jobs;
    std::vector<std::size_t> m_idle;  // a stack: the last to go idle is woken first
    std::vector<Worker> m_workers;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;  // last: started once the rest exists
};

}  // namespace newsfacet::server
