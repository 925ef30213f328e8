#!/usr/bin/env bash
# Installs redis-server (Debian package) when it is missing: the mock server's shared-state tests start one on
# a free port on 127.0.0.1. Called by .ci/run and by those tests. Needs root or sudo for apt-get.
set -euo pipefail
if command -v redis-server >/dev/null; then
    exit 0
fi
echo "== installing redis-server"
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server >/dev/null
# The package starts a system service on 6379; the tests start their own, so stop it where it runs.
$SUDO service redis-server stop >/dev/null 2>&1 || true
command -v redis-server >/dev/null
