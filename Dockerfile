# corolint in a container image, built from this checkout:
#
#   docker build --build-arg LLVM=19 -t corolint:19 .
#   docker run --rm -v "$PWD:/src" corolint:19 -p build
#
# The first stage builds corolint and its Debian package as utils/bootstrap
# and test/install/package.test do; the image installs only that package
# (and what apt pulls in for it: the LLVM/Clang runtime of the major, Clang's
# resource headers) plus the C++ standard library headers the linted code
# includes. The project is mounted at /src; its compile_commands.json must
# name paths as seen inside the container.
ARG LLVM=19

FROM debian:bookworm AS build
ARG LLVM
COPY . /corolint
WORKDIR /corolint
RUN utils/bootstrap "$LLVM" && \
    cd "$( [ "$LLVM" = 19 ] && echo build || echo "build-$LLVM" )" && \
    cpack -G DEB -B /package

FROM debian:bookworm
ARG LLVM
COPY --from=build /package/corolint-llvm*.deb /tmp/
RUN apt-get update -qq && \
    apt-get install -y -qq --no-install-recommends \
      /tmp/corolint-llvm${LLVM}_*.deb libstdc++-12-dev && \
    ln -s corolint-${LLVM} /usr/bin/corolint && \
    rm -rf /var/lib/apt/lists/* /tmp/*.deb
WORKDIR /src
ENTRYPOINT ["corolint"]
