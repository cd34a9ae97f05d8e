// Bodies no check reads: skipped by default, so an error in one is not seen.
#pragma once

inline int quietHelper(int X) { return X + undeclaredName; }

struct Quiet {
  int twice(int X) { return X * alsoUndeclared; }
};
