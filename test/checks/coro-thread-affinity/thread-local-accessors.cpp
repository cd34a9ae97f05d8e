// A handle into per-thread storage (the framework table's
// ThreadLocalAccessors: folly::ThreadLocal, boost::thread_specific_ptr,
// pthread_getspecific) kept across a suspension point.
// RUN: %check-test coro-thread-affinity %s -- %std -I%inputs

#include <boost/thread/tss.hpp>
#include <folly/ThreadLocal.h>
#include <folly/coro/Task.h>
#include <pthread.h>

struct Cache {
  int hits;
};
folly::ThreadLocal<Cache> caches;
folly::ThreadLocalPtr<Cache> cache_pointers;
boost::thread_specific_ptr<Cache> boost_caches;
pthread_key_t cache_key;

folly::coro::Task<void> hop();

folly::coro::Task<void> folly_handle() {
  Cache *cache = caches.get();
  co_await hop();
  ++cache->hits;
  // CHECK: :[[@LINE-1]]:5: warning: 'cache' refers to the instance of the thread that called 'folly::ThreadLocal::get' and is used after a suspension point; the coroutine may resume on another thread [coro-thread-affinity]
  // CHECK: :[[@LINE-3]]:3: note: suspension point is here
}

folly::coro::Task<void> dereferenced_handles() {
  Cache &cache = *cache_pointers.get();
  Cache *from_boost = boost_caches.get();
  auto *from_key = static_cast<Cache *>(pthread_getspecific(cache_key));
  co_await hop();
  cache.hits = 0;
  // CHECK: :[[@LINE-1]]:3: warning: 'cache' refers to the instance of the thread that called 'folly::ThreadLocalPtr::get'
  // CHECK: :[[@LINE-3]]:3: note: suspension point is here
  from_boost->hits = 0;
  // CHECK: :[[@LINE-1]]:3: warning: 'from_boost' refers to the instance of the thread that called 'boost::thread_specific_ptr::get'
  // CHECK: :[[@LINE-6]]:3: note: suspension point is here
  from_key->hits = 0;
  // CHECK: :[[@LINE-1]]:3: warning: 'from_key' refers to the instance of the thread that called 'pthread_getspecific'
  // CHECK: :[[@LINE-9]]:3: note: suspension point is here
}

// Taken again after the suspension, or a copy of the value: fine.
folly::coro::Task<void> taken_again() {
  caches.get()->hits = 0;
  int hits = caches.get()->hits;
  co_await hop();
  Cache *cache = caches.get();
  cache->hits = hits;
}

// In a loop: set at the end of a round, used at the top of the next one,
// with the suspension in between.
folly::coro::Task<void> in_a_loop(int rounds) {
  Cache *cache = nullptr;
  for (int i = 0; i < rounds; ++i) {
    if (cache)
      // CHECK: :[[@LINE-1]]:9: warning: 'cache' refers to the instance of the thread that called 'folly::ThreadLocal::get'
      // CHECK: :[[@LINE+4]]:5: note: suspension point is here
      // CHECK: :[[@LINE+2]]:5: note: 'cache' is set here and used in the loop's next iteration
      ++cache->hits;
    cache = caches.get();
    co_await hop();
  }
}
