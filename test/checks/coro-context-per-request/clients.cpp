// HTTP clients, curl handles and event loops made per request, through
// the framework table's types and functions.
// RUN: %check-test coro-context-per-request %s -- %std -I%inputs

#include <cppcoro/io_service.hpp>
#include <cppcoro/task.hpp>
#include <curl/curl.h>
#include <httplib/httplib.h>
#include <string>
#include <vector>

cppcoro::task<void> fetch(std::vector<std::string> urls) {
  for (const std::string &url : urls) {
    httplib::Client client("https://api.example.com");
    // CHECK: :[[@LINE-1]]:21: warning: 'httplib::Client' is made anew for every request; make it once and reuse it [coro-context-per-request]
    // CHECK: :[[@LINE-3]]:3: note: made on every iteration of this loop
    client.Get(url);
  }
  co_return;
}

cppcoro::task<void> download(std::vector<std::string> urls) {
  int i = 0;
  while (i < (int)urls.size()) {
    CURL *handle = curl_easy_init();
    // CHECK: :[[@LINE-1]]:20: warning: 'curl_easy_init' is made anew for every request
    // CHECK: :[[@LINE-3]]:3: note: made on every iteration of this loop
    curl_easy_perform(handle);
    curl_easy_cleanup(handle);
    ++i;
  }
  co_return;
}

// A lambda coroutine written in a loop is a new coroutine on every
// iteration: its event loop is made per request.
void serve(std::vector<int> requests) {
  for (int request : requests) {
    auto handle = [request]() -> cppcoro::task<void> {
      cppcoro::io_service io;
      // CHECK: :[[@LINE-1]]:27: warning: 'cppcoro::io_service' is made anew for every request
      // CHECK: :[[@LINE-4]]:3: note: lambda coroutine is started on every iteration of this loop
      (void)request;
      co_return;
    };
    (void)handle;
  }
}

// Not reported: made once, in a coroutine nothing starts in a loop.
cppcoro::task<void> run_once(std::vector<std::string> urls) {
  httplib::Client client("https://api.example.com");
  CURL *handle = curl_easy_init();
  for (const std::string &url : urls) {
    client.Get(url);
    curl_easy_perform(handle);
  }
  curl_easy_cleanup(handle);
  co_return;
}

// Not reported: a plain function, not a coroutine.
void blocking_fetch(std::vector<std::string> urls) {
  for (const std::string &url : urls) {
    httplib::Client client("https://api.example.com");
    client.Get(url);
  }
}
