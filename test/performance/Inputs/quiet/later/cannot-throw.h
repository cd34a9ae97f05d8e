// A body that cannot throw, though not declared noexcept: whether spawned
// work that calls it can lose an exception is read from it.
#pragma once

inline int twice(int X) { return 2 * X; }
