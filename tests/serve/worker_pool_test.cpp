// newsfacet-serve's worker pool (server/worker_pool.hpp): the last worker to go idle takes
// the next job, so workers beyond those busy at once stay cold; every job runs.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <latch>
#include <set>
#include <thread>

#include "worker_pool.hpp"

using newsfacet::server::LastIdleFirstPool;

namespace {

void wait_until_idle(const LastIdleFirstPool& pool, std::size_t workers) {
    while (pool.idle() < workers) std::this_thread::yield();
}

std::thread::id run_one(LastIdleFirstPool& pool) {
    std::promise<std::thread::id> ran;
    pool.enqueue([&ran] { ran.set_value(std::this_thread::get_id()); });
    return ran.get_future().get();
}

}  // namespace

TEST(WorkerPool, JobsOneAtATimeRunOnOneWorker) {
    LastIdleFirstPool pool(8);
    std::set<std::thread::id> workers;
    for (int i = 0; i < 20; ++i) {
        wait_until_idle(pool, 8);
        workers.insert(run_one(pool));
    }
    EXPECT_EQ(workers.size(), 1U);
}

TEST(WorkerPool, JobsAtOnceRunOnAsManyWorkers) {
    LastIdleFirstPool pool(8);
    std::set<std::thread::id> workers;
    std::mutex mutex;
    for (int round = 0; round < 5; ++round) {
        wait_until_idle(pool, 8);
        std::latch all_running(3);  // each waits for the other two: three workers at once
        std::latch done(3);
        for (int j = 0; j < 3; ++j) {
            pool.enqueue([&] {
                all_running.arrive_and_wait();
                {
                    std::lock_guard lock(mutex);
                    workers.insert(std::this_thread::get_id());
                }
                done.count_down();
            });
        }
        done.wait();
    }
    EXPECT_EQ(workers.size(), 3U);  // the same three every round, the other five never
}

TEST(WorkerPool, RunsEveryJobQueuedBeforeShutdown) {
    std::atomic<int> ran{0};
    LastIdleFirstPool pool(2);
    std::latch release(1);
    pool.enqueue([&] { release.wait(); ++ran; });
    pool.enqueue([&] { release.wait(); ++ran; });
    for (int i = 0; i < 100; ++i) pool.enqueue([&] { ++ran; });  // queued: both workers are busy
    release.count_down();
    pool.shutdown();
    EXPECT_EQ(ran.load(), 102);
    pool.shutdown();  // again: nothing left to do
}
