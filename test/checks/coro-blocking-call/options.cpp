// Options: mutex locks (off by default), a team's own blocking functions,
// allowed functions, and the call depth.
// RUN: not %corolint --checks='-*,coro-blocking-call' --config="{CheckOptions: {coro-blocking-call.CheckMutexLock: true, coro-blocking-call.ExtraBlockingFunctions: 'acme::Database::query;acme::flush_logs', coro-blocking-call.AllowedFunctions: 'std::future::get;acme::brief_section', coro-blocking-call.MaxCallDepth: 1}}" %s -- %std -I%inputs | FileCheck %s -check-prefix=CONFIGURED --implicit-check-not="{{warning|error}}:"
// RUN: not %corolint --checks='-*,coro-blocking-call' %s -- %std -I%inputs | FileCheck %s -check-prefix=DEFAULTS --implicit-check-not="{{warning|error}}:"
// RUN: %tidy -checks='-*,coro-blocking-call' %s -- %std -I%inputs | FileCheck %s -check-prefix=DEFAULTS --implicit-check-not="{{warning|error}}:"

#include <cppcoro/task.hpp>
#include <future>
#include <mutex>

namespace acme {
struct Database {
  int query(const char *sql);
};
void flush_logs();
// Allowed in the configuration: the table's answer, its body not searched.
inline void brief_section(std::mutex &m) {
  m.lock();
  m.unlock();
}
} // namespace acme

void wait_for(std::future<int> &f) { f.get(); }
void indirect(std::future<int> &f) { wait_for(f); }

cppcoro::task<int> handler(std::mutex &m, acme::Database &db, std::future<int> &f) {
  m.lock();
  // CONFIGURED: :[[@LINE-1]]:3: warning: coroutine 'handler' locks a mutex in 'std::mutex::lock', blocking its thread
  m.unlock();
  int rows = db.query("select 1");
  // CONFIGURED: :[[@LINE-1]]:14: warning: coroutine 'handler' makes a blocking call in 'acme::Database::query', blocking its thread
  acme::flush_logs();
  // CONFIGURED: :[[@LINE-1]]:3: warning: coroutine 'handler' makes a blocking call in 'acme::flush_logs'
  acme::brief_section(m);
  rows += f.get();
  // DEFAULTS: :[[@LINE-1]]:11: warning: coroutine 'handler' waits for another thread in 'std::future::get'
  wait_for(f);
  // DEFAULTS: :[[@LINE-1]]:3: warning: coroutine 'handler' waits for another thread in 'std::future::get' through 'wait_for'
  // DEFAULTS: note: 'wait_for' calls 'std::future::get' here
  indirect(f);
  // DEFAULTS: :[[@LINE-1]]:3: warning: coroutine 'handler' waits for another thread in 'std::future::get' through 'indirect'
  // DEFAULTS: note: 'indirect' calls 'wait_for' here
  // DEFAULTS: note: 'wait_for' calls 'std::future::get' here
  co_return rows;
}
