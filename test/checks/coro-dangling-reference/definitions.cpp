// A function is a coroutine only if its definition is one. A function that
// returns a task may be an ordinary function that copies or moves its
// arguments before it returns; one whose definition is not in sight
// (another translation unit) is not assumed to keep a reference, unless
// AssumeCoroutineWhenUnseen asks for the worst case.
// RUN: %check-test coro-dangling-reference %s -- %std -I%inputs
// RUN: not %corolint --checks='-*,coro-dangling-reference' --config="{CheckOptions: {coro-dangling-reference.AssumeCoroutineWhenUnseen: true}}" %s -- %std -I%inputs | FileCheck %s -check-prefix=WORST --implicit-check-not="{{warning|error}}:"
// RUN: %tidy -checks='-*,coro-dangling-reference' -config="{CheckOptions: {coro-dangling-reference.AssumeCoroutineWhenUnseen: true}}" %s -- %std -I%inputs | FileCheck %s -check-prefix=WORST --implicit-check-not="{{warning|error}}:"
// The option round-trips through clang-tidy's configuration dump.
// RUN: %tidy -checks='-*,coro-dangling-reference' -config="{CheckOptions: {coro-dangling-reference.AssumeCoroutineWhenUnseen: true}}" --dump-config %s -- %std | FileCheck %s -check-prefix=CONFIG
// CONFIG: coro-dangling-reference.AssumeCoroutineWhenUnseen: 'true'
// RUN: %expect-exit 0 %corolint --verify-config --config="{CheckOptions: {coro-dangling-reference.AssumeCoroutineWhenUnseen: true}}" %s
// RUN: %expect-exit 2 %corolint --verify-config --config="{CheckOptions: {coro-dangling-reference.AssumeCoroutinesWhenUnseen: true}}" %s 2>&1 | FileCheck %s -check-prefix=MISSPELT
// MISSPELT: unknown option 'coro-dangling-reference.AssumeCoroutinesWhenUnseen' in --config; did you mean 'coro-dangling-reference.AssumeCoroutineWhenUnseen'?

#include <cppcoro/task.hpp>
#include <string>
#include <vector>

// Declared in a header, defined in another translation unit: a coroutine
// or an ordinary function, nothing here says which.
cppcoro::task<int> store(const std::string &key);

// Declared first, defined as a coroutine further down: its definition is
// in sight.
cppcoro::task<int> load(const std::string &key);

// A coroutine: it keeps the reference in its frame.
cppcoro::task<int> measure(const std::string &text) { co_return static_cast<int>(text.size()); }

// A coroutine that owns its copy.
cppcoro::task<int> measure_owned(std::string text) { co_return static_cast<int>(text.size()); }

// An ordinary function returning a task: it copies its argument into the
// coroutine it starts, before it returns (a library wrapper).
cppcoro::task<int> measure_copy(const std::string &text) { return measure_owned(text); }

std::vector<cppcoro::task<int>> queue;

void enqueue() {
  queue.push_back(measure(std::string("now")));
  // CHECK: :[[@LINE-1]]:27: warning: temporary bound to parameter 'text' of coroutine 'measure' is destroyed at the end of the full expression, while the coroutine may still use it [coro-dangling-reference]
  // CHECK: :29:47: note: parameter 'text' declared here
  // WORST: :[[@LINE-3]]:27: warning: temporary bound to parameter 'text' of coroutine 'measure' is destroyed
  // WORST: :29:47: note: parameter 'text' declared here
  queue.push_back(load(std::string("later")));
  // CHECK: :[[@LINE-1]]:24: warning: temporary bound to parameter 'key' of coroutine 'load' is destroyed
  // CHECK: :26:44: note: parameter 'key' declared here
  // WORST: :[[@LINE-3]]:24: warning: temporary bound to parameter 'key' of coroutine 'load' is destroyed
  // WORST: :26:44: note: parameter 'key' declared here

  // Not reported: the callee's definition is not in sight, or is an
  // ordinary function.
  queue.push_back(store(std::string("elsewhere")));
  // WORST: :[[@LINE-1]]:25: warning: temporary bound to parameter 'key' of coroutine 'store' is destroyed
  // WORST: :22:45: note: parameter 'key' declared here
  queue.push_back(measure_copy(std::string("copied")));
}

cppcoro::task<int> load(const std::string &key) { co_return static_cast<int>(key.size()); }

// A template coroutine named in a template that is never instantiated: the
// specialisation has no body of its own, its template's definition says it
// is a coroutine.
template <typename T> cppcoro::task<T> measure_as(const std::string &text) { co_return static_cast<T>(text.size()); }

template <typename T> void enqueue_as() {
  queue.push_back(measure_as<int>(std::string("never instantiated")));
  // CHECK: :[[@LINE-1]]:35: warning: temporary bound to parameter 'text' of coroutine 'measure_as' is destroyed
  // CHECK: :65:70: note: parameter 'text' declared here
  // WORST: :[[@LINE-3]]:35: warning: temporary bound to parameter 'text' of coroutine 'measure_as' is destroyed
  // WORST: :65:70: note: parameter 'text' declared here
}
