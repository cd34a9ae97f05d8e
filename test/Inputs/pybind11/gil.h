// Stub of pybind11's GIL guards (pybind11/gil.h): the declarations the tests
// use, written after pybind11's documented interface.
#pragma once

struct _ts;
typedef struct _ts PyThreadState;

namespace pybind11 {

/// Takes the calling thread's Python thread state and the GIL; gives them
/// back when destroyed.
class gil_scoped_acquire {
public:
  gil_scoped_acquire();
  gil_scoped_acquire(const gil_scoped_acquire &) = delete;
  gil_scoped_acquire &operator=(const gil_scoped_acquire &) = delete;
  ~gil_scoped_acquire();
  void dec_ref();
  void disarm();

private:
  PyThreadState *tstate = nullptr;
  bool release = true;
  bool active = true;
};

/// Releases the GIL, saving the calling thread's state; takes it back when
/// destroyed.
class gil_scoped_release {
public:
  explicit gil_scoped_release(bool disassoc = false);
  gil_scoped_release(const gil_scoped_release &) = delete;
  gil_scoped_release &operator=(const gil_scoped_release &) = delete;
  ~gil_scoped_release();
  void disarm();

private:
  PyThreadState *tstate;
  bool disassoc;
  bool active = true;
};

} // namespace pybind11
