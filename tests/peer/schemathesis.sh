#!/usr/bin/env bash
# Installs Schemathesis, pinned, into a virtualenv under the cargo target directory, and prints the path of
# its `st` on standard output (progress goes to standard error). Does nothing when that version is already
# there. `mock-server/tests/schemathesis.rs` calls it (with PEER_DIR set to its target's tmp/peer); run it
# alone to install by hand:
#
#   bash tests/peer/schemathesis.sh            # → target/tmp/peer/schemathesis-4.32.5/bin/st
#
# Needs python3 with venv; on Debian it installs python3-venv when that is missing (as root, or with sudo).
set -euo pipefail

VERSION=4.32.5
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PEER_DIR="${PEER_DIR:-${CARGO_TARGET_DIR:-$ROOT/target}/tmp/peer}"
VENV="$PEER_DIR/schemathesis-$VERSION"
ST="$VENV/bin/st"

if [ -x "$ST" ] && "$ST" --version 2>/dev/null | grep -qF "version $VERSION"; then
    echo "$ST"
    exit 0
fi

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi
}

if ! command -v python3 >/dev/null; then
    echo "== installing python3 (Debian package)" >&2
    as_root apt-get update -qq >&2 && as_root apt-get install -y -qq python3 python3-venv >&2
fi
rm -rf "$VENV"
mkdir -p "$PEER_DIR"
if ! python3 -m venv "$VENV" >&2 2>/dev/null; then
    echo "== installing python3-venv (Debian package)" >&2
    as_root apt-get update -qq >&2 && as_root apt-get install -y -qq python3-venv >&2
    rm -rf "$VENV"
    python3 -m venv "$VENV" >&2
fi
echo "== installing schemathesis $VERSION into $VENV" >&2
"$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$VERSION" >&2
"$ST" --version >&2
echo "$ST"
