#!/usr/bin/env bash
# Makes sure the Python Kubernetes client (Debian's python3-kubernetes) is importable by the
# system interpreter /usr/bin/python3, which the Python integration tests run. Idempotent: does
# nothing when the module is already there. Installs it with apt-get otherwise (as root, or
# through sudo). A pyenv/virtualenv python3 earlier on PATH does not see Debian's dist-packages,
# which is why this checks /usr/bin/python3 and not whatever `python3` is.
# Set TRIBUTARY_SKIP_PYTHON_IT=1 to skip the Python integration tests instead.
set -euo pipefail

PYTHON=/usr/bin/python3

if [ "${TRIBUTARY_SKIP_PYTHON_IT:-}" = "1" ]; then
  echo "tributary: TRIBUTARY_SKIP_PYTHON_IT=1, not checking python3-kubernetes" >&2
  exit 0
fi

if [ -x "$PYTHON" ] && "$PYTHON" -c 'import kubernetes' >/dev/null 2>&1; then
  exit 0
fi

fail() {
  echo "tributary: $1" >&2
  echo "tributary: install it by hand (apt-get install -y python3-kubernetes)," \
    "or set TRIBUTARY_SKIP_PYTHON_IT=1 to skip the Python integration tests" >&2
  exit 1
}

if ! command -v apt-get >/dev/null 2>&1; then
  fail "the Python Kubernetes client is missing and apt-get is not available on this machine"
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  as_root=(sudo -n)
else
  fail "the Python Kubernetes client is missing and installing it needs root (no passwordless sudo)"
fi

echo "tributary: installing python3-kubernetes (for the Python client integration tests)" >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have no package lists yet: update first when the package is unknown.
if ! apt-cache show python3-kubernetes >/dev/null 2>&1; then
  "${as_root[@]}" apt-get update -q || fail "apt-get update failed"
fi
if ! "${as_root[@]}" apt-get install -y -q python3-kubernetes; then
  # stale package lists (a 404 for an old version): refresh them once and try again
  "${as_root[@]}" apt-get update -q || fail "apt-get update failed"
  "${as_root[@]}" apt-get install -y -q python3-kubernetes || fail "apt-get install python3-kubernetes failed"
fi

if ! "$PYTHON" -c 'import kubernetes' >/dev/null 2>&1; then
  fail "python3-kubernetes is installed but $PYTHON cannot import kubernetes"
fi
echo "tributary: python3-kubernetes installed" >&2
