"""Writes a C++20 file with COUNT findings (an unawaited task each):
`many_findings.py COUNT`, for tests that need a lot of output."""
import sys

count = int(sys.argv[1])
print("#include <coroutine>")
print("struct task {")
print("  struct promise_type {")
print("    task get_return_object() { return {}; }")
print("    std::suspend_always initial_suspend() { return {}; }")
print("    std::suspend_always final_suspend() noexcept { return {}; }")
print("    void return_void() {}")
print("    void unhandled_exception() { throw; }")
print("  };")
print("  bool await_ready() { return false; }")
print("  void await_suspend(std::coroutine_handle<>) {}")
print("  void await_resume() {}")
print("};")
print("task f();")
for i in range(count):
    print("task g%d() { f(); co_return; }" % i)
