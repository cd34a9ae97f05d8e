#include "quiet.h"

int main() { return Quiet().twice(quietHelper(1)); }
