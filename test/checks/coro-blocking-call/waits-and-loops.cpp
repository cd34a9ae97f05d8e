// Waiting for other threads and nested event loops inside coroutines.
// RUN: %check-test coro-blocking-call %s -- %std -I%inputs

#include <asio.hpp>
#include <barrier>
#include <condition_variable>
#include <coro/task.hpp>
#include <cppcoro/task.hpp>
#include <future>
#include <latch>
#include <mutex>
#include <semaphore>
#include <thread>

using asio::awaitable;

awaitable<int> waits(std::future<int> result, std::shared_future<int> shared,
                     std::thread &worker, std::condition_variable &cv,
                     std::mutex &m, std::binary_semaphore &sem,
                     std::latch &latch, std::barrier<> &barrier) {
  int value = result.get();
  // CHECK: :[[@LINE-1]]:15: warning: coroutine 'waits' waits for another thread in 'std::future::get', blocking its thread [coro-blocking-call]
  shared.wait();
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'waits' waits for another thread in 'std::shared_future::wait'
  worker.join();
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'waits' waits for another thread in 'std::thread::join'
  std::unique_lock lock(m);
  cv.wait(lock, [] { return true; });
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'waits' waits for another thread in 'std::condition_variable::wait'
  sem.acquire();
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'waits' waits for another thread in 'std::counting_semaphore::acquire'
  latch.wait();
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'waits' waits for another thread in 'std::latch::wait'
  barrier.arrive_and_wait();
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'waits' waits for another thread in 'std::barrier::arrive_and_wait'
  value += std::async(std::launch::async, [] { return 1; }).get();
  // CHECK: :[[@LINE-1]]:12: warning: coroutine 'waits' waits for another thread in 'std::future::get'
  co_return value;
}

cppcoro::task<int> compute();
coro::task<int> compute_libcoro();

awaitable<void> nested_loops(asio::io_context &context) {
  context.run();
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'nested_loops' runs a nested event loop in 'asio::io_context::run', blocking its thread; this can deadlock [coro-blocking-call]
  context.run_one();
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'nested_loops' runs a nested event loop in 'asio::io_context::run_one'
  cppcoro::sync_wait(compute());
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'nested_loops' runs a nested event loop in 'cppcoro::sync_wait'
  coro::sync_wait(compute_libcoro());
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'nested_loops' runs a nested event loop in 'coro::sync_wait'
  co_return;
}

// The same calls outside coroutines, or in work handed to another thread.
int main() {
  asio::io_context context;
  context.run();
  std::thread worker([] {});
  worker.join();
  return cppcoro::sync_wait(compute());
}

awaitable<void> handoff(asio::thread_pool &pool, std::future<int> &f) {
  asio::post(pool, [&f] { f.get(); });
  co_return;
}
