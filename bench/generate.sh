#!/usr/bin/env bash
# Runs one of the benchmarks' file generators:
#
#   bench/generate.sh NAME [ARGS...]     NAME: NppesGenerator, PartDGenerator, PartBGenerator or OpenPaymentsGenerator
#                                        (or the path of its bench/NAME.java); ARGS: the generator's, see --help
#
# Compiles bench/NAME.java with the code the generators share (bench/generator/: options, SplitMix64, NPIs, the NPPES
# file's NPIs, CSV, the double-buffered output) into bench/target/generators, with the javac of $JAVA_HOME (else the
# one on the PATH; a JDK 21+), then runs it with ARGS. On a JDK 22+, `java bench/NAME.java ARGS...` does the same
# without this script: the source launcher finds bench/generator/ by itself (JEP 458).
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 1 ]; then
  echo "usage: bench/generate.sh NAME [ARGS...]   (NAME: NppesGenerator, PartDGenerator, PartBGenerator, OpenPaymentsGenerator)" >&2
  exit 2
fi
NAME=$(basename "$1" .java)
shift
SRC=$BENCH/$NAME.java
[ -f "$SRC" ] || { echo "generate.sh: there is no $SRC" >&2; exit 2; }
BIN=${JAVA_HOME:+$JAVA_HOME/bin/}
CLASSES=$BENCH/target/generators
mkdir -p "$CLASSES"
"${BIN}javac" -d "$CLASSES" -sourcepath "$BENCH" "$SRC" || { echo "generate.sh: $SRC did not compile" >&2; exit 1; }
exec "${BIN}java" -cp "$CLASSES" "$NAME" "$@"
