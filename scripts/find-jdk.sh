# shellcheck shell=bash
# Sourced by ./tributary, scripts/test and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME if it is >= 21, else the newest JDK under /usr/lib/jvm, else a clear error.

tributary_java_major() { # $1 = a JDK home; prints its feature version, or nothing
  local release="$1/release" v
  [ -x "$1/bin/java" ] || return 0
  if [ -f "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  fi
  if [ -z "${v:-}" ]; then
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  fi
  [ "${v:-}" = "1" ] && v=8
  echo "${v:-}"
}

tributary_find_jdk() {
  local need=21 best="" best_v=0 dir v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(tributary_java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge "$need" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
      export JAVA_HOME
      return 0
    fi
  fi
  for dir in /usr/lib/jvm/*; do
    [ -d "$dir" ] && [ -x "$dir/bin/javac" ] || continue
    v=$(tributary_java_major "$dir")
    if [ -n "$v" ] && [ "$v" -ge "$need" ] && [ "$v" -gt "$best_v" ]; then
      best="$dir" best_v="$v"
    fi
  done
  if [ -z "$best" ]; then
    echo "tributary: needs a JDK >= $need. Looked at JAVA_HOME (${JAVA_HOME:-unset}) and /usr/lib/jvm/*;" \
      "none is >= $need. Install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

tributary_find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
