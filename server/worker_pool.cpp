#include "worker_pool.hpp"

#include <algorithm>

namespace newsfacet::server {

LastIdleFirstPool::LastIdleFirstPool(std::size_t threads) : m_workers(std::max<std::size_t>(1, threads)) {
    for (std::size_t w = 0; w < m_workers.size(); ++w) m_threads.emplace_back([this, w] { work(w); });
}

LastIdleFirstPool::~LastIdleFirstPool() { shutdown(); }

void LastIdleFirstPool::enqueue(std::function<void()> job) {
    std::lock_guard lock(m_mutex);
    m_jobs.push_back(std::move(job));
    if (!m_idle.empty()) {
        wake(m_idle.back());
        m_idle.pop_back();
    }
}

void LastIdleFirstPool::shutdown() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        for (const auto w : m_idle) wake(w);
        m_idle.clear();
    }
    for (auto& thread : m_threads) {
        if (thread.joinable()) thread.join();
    }
}

std::size_t LastIdleFirstPool::idle() const {
    std::lock_guard lock(m_mutex);
    return m_idle.size();
}

void LastIdleFirstPool::wake(std::size_t worker) {
    m_workers[worker].woken = true;
    m_workers[worker].wake.notify_one();
}

// Runs queued jobs until stopped with none left; waits on the idle stack in between.
void LastIdleFirstPool::work(std::size_t worker) {
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (!m_jobs.empty()) {
            auto job = std::move(m_jobs.front());
            m_jobs.pop_front();
            lock.unlock();
            job();
            lock.lock();
            continue;
        }
        if (m_stopping) return;
        m_workers[worker].woken = false;
        m_idle.push_back(worker);
        m_workers[worker].wake.wait(lock, [&] { return m_workers[worker].woken; });
    }
}

}  // namespace newsfacet::server
