"""`cache_states.py COROLINT DIR STATES`: writes DIR/h.hpp in STATES
different versions, one after the other, running corolint with --cache-dir
on DIR/a.cpp (which includes it) after each, then the first version again;
prints the --verbose line of that last run about the cache."""
import subprocess
import sys

corolint, directory, states = sys.argv[1], sys.argv[2], int(sys.argv[3])


def run():
    result = subprocess.run(
        [corolint, "--verbose", "--cache-dir=" + directory + "/cache",
         directory + "/a.cpp", "--", "-std=c++20"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return [line for line in result.stderr.splitlines() if "cached" in line]


for state in list(range(states)) + [0]:
    with open(directory + "/h.hpp", "w") as header:
        header.write("int version%d();\n" % state)
    lines = run()
print("\n".join(lines))
