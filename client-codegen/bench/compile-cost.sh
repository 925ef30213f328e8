#!/usr/bin/env bash
# Compile cost of a generated client, this project's against progenitor alone, one spec file at a time.
#
#   bash client-codegen/bench/compile-cost.sh SPEC...        (e.g. ../shared/corpus/*.yaml ../shared/corpus/*.json)
#
# For each spec: the lines this project generates and the seconds a debug, non-incremental rebuild of them
# takes in a crate of their own (dependencies built beforehand), then the same for progenitor alone with its
# default settings (where progenitor takes the document at all). Both builds run one after the other in the
# same run, so their ratio is what to read.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build -q --release --manifest-path "$root/Cargo.toml" -p client-codegen \
    --example generate --example progenitor_alone
bin="${CARGO_TARGET_DIR:-$root/target}/release/examples"

crate() { # crate NAME LIB_RS: a crate with the generated clients' dependencies
    mkdir -p "$work/$1/src"
    cat > "$work/$1/Cargo.toml" <<TOML
[package]
name = "$1"
version = "0.1.0"
edition = "2024"
[workspace]
[dependencies]
client-runtime = { path = "$root/client-runtime" }
progenitor-client = "=0.15.1"
reqwest = { version = "0.13", default-features = false, features = ["json", "query", "stream", "rustls"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
serde_urlencoded = "0.7"
chrono = { version = "0.4", default-features = false, features = ["serde", "std", "clock"] }
uuid = { version = "1", features = ["serde", "v4"] }
regress = "0.12"
bytes = "1"
futures = "0.3"
base64 = "0.22"
rand = "0.9"
TOML
    cp "$root/Cargo.lock" "$work/$1/"
    printf '%s\n' "$2" > "$work/$1/src/lib.rs"
}
crate ours 'pub use client_runtime as runtime; include!("../gen.rs");'
crate alone '#![allow(warnings)] include!("../gen.rs");'

build() { # build CRATE: seconds of a debug rebuild of the crate's gen.rs (dependencies built beforehand)
    export CARGO_INCREMENTAL=0
    (cd "$work/$1" && CARGO_TARGET_DIR="$work/target-$1" cargo build -q 2>/dev/null >/dev/null) || return 1
    touch "$work/$1/src/lib.rs"
    local start end
    start=$(date +%s.%N)
    (cd "$work/$1" && CARGO_TARGET_DIR="$work/target-$1" cargo build -q 2>/dev/null >/dev/null) || return 1
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

printf '%-28s %10s %8s %10s %8s %8s %8s\n' spec ours_lines ours_s alone_lines alone_s lines_x time_x
for spec in "$@"; do
    dir="$work/spec"; rm -rf "$dir"; mkdir -p "$dir"; cp "$spec" "$dir/"
    name="$(basename "$spec")"
    ours_lines=-; ours_s=-; alone_lines=-; alone_s=-
    if "$bin/generate" "$dir" "$work/ours/gen.rs" >/dev/null 2>&1; then
        ours_lines=$(wc -l < "$work/ours/gen.rs")
        ours_s=$(build ours || echo fail)
    fi
    if "$bin/progenitor_alone" "$spec" "$work/alone/gen.rs" >/dev/null 2>&1; then
        alone_lines=$(wc -l < "$work/alone/gen.rs")
        alone_s=$(build alone || echo fail)
    fi
    ratio() { [[ "$1" =~ ^[0-9.]+$ && "$2" =~ ^[0-9.]+$ ]] && echo "scale=2; $1 / $2" | bc || echo -; }
    printf '%-28s %10s %8s %10s %8s %8s %8s\n' "$name" "$ours_lines" "$ours_s" "$alone_lines" "$alone_s" \
        "$(ratio "$ours_lines" "$alone_lines")" "$(ratio "$ours_s" "$alone_s")"
done
