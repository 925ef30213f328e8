#!/usr/bin/env bash
# Compile cost of a generated client, this project's against progenitor alone, one spec file at a time.
#
#   bash client-codegen/bench/compile-cost.sh SPEC...        (e.g. ../shared/corpus/*.yaml ../shared/corpus/*.json)
#   bash client-codegen/bench/compile-cost.sh --together SPEC...
#
# For each spec: the lines this project generates and the seconds a debug, non-incremental rebuild of them
# takes in a crate of their own (dependencies built beforehand), then the same for progenitor alone with its
# default settings (where progenitor takes the document at all). Both builds run one after the other in the
# same run, so their ratio is what to read.
#
# --together: every spec given in one crate, as `specs/` would hold them (one module per document): whether
# that compiles (rustc's errors shown if not), its lines, build warnings and seconds. No progenitor run.
set -euo pipefail
together=0
if [[ "${1:-}" == --together ]]; then together=1; shift; fi
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
crate builder '#![allow(warnings)] include!("../gen.rs");'

app_lines() { # app_lines FILE: lines an application compiles, without the items under the `mock` and
              # `dynamic-call` features (each such item runs to the `}` at its own indentation)
    awk '
        skipping == 0 && /^ *#\[cfg\(feature = "(mock|dynamic-call)"\)\]$/ {
            match($0, /^ */); indent = RLENGTH; skipping = 1; next
        }
        skipping == 1 {
            if ($0 ~ /^ *#\[/) next
            if ($0 ~ /;$/ && $0 !~ /\{/) { skipping = 0; next }
            skipping = 2; next
        }
        skipping == 2 {
            match($0, /^ */)
            if (RLENGTH == indent && $0 ~ /^ *\}$/) skipping = 0
            next
        }
        { count++ }
        END { print count + 0 }
    ' "$1"
}

build() { # build CRATE: seconds of a debug rebuild of the crate's gen.rs (dependencies built beforehand)
    export CARGO_INCREMENTAL=0
    (cd "$work/$1" && CARGO_TARGET_DIR="$work/target-$1" cargo build -q 2>/dev/null >/dev/null) || return 1
    touch "$work/$1/src/lib.rs"
    local start end
    start=$(date +%s.%N)
    (cd "$work/$1" && CARGO_TARGET_DIR="$work/target-$1" cargo build -q 2>"$work/$1.log" >/dev/null) || return 1
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

if [[ "${together:-}" == 1 ]]; then
    dir="$work/spec"; mkdir -p "$dir"; cp "$@" "$dir/"
    if ! "$bin/generate" "$dir" "$work/ours/gen.rs" >/dev/null 2>"$work/generate.log"; then
        cat "$work/generate.log" >&2; exit 1
    fi
    warnings=$(grep -c '^warning:' "$work/generate.log" || true)
    lines=$(wc -l < "$work/ours/gen.rs")
    if seconds=$(build ours); then
        echo "$# documents together: $lines lines, $warnings build warnings, debug rebuild $seconds s"
    else
        grep -E '^error' -A 8 "$work/ours.log" | head -80 >&2
        echo "$# documents together: $lines lines, $warnings build warnings, DOES NOT COMPILE" >&2; exit 1
    fi
    exit 0
fi

# ours: all lines / the lines an application compiles (no features) / seconds of that build; then
# progenitor alone, positional (its default) and builder style: lines / seconds; then the ratios of the
# application's lines and seconds to each.
printf '%-26s %17s %8s %13s %13s %11s %11s\n' spec ours_lines ours_s positional builder vs_positional vs_builder
for spec in "$@"; do
    dir="$work/spec"; rm -rf "$dir"; mkdir -p "$dir"; cp "$spec" "$dir/"
    name="$(basename "$spec")"
    ours_lines=-; app=-; ours_s=-; alone_lines=-; alone_s=-; builder_lines=-; builder_s=-
    if "$bin/generate" "$dir" "$work/ours/gen.rs" >/dev/null 2>&1; then
        ours_lines=$(wc -l < "$work/ours/gen.rs")
        app=$(app_lines "$work/ours/gen.rs")
        ours_s=$(build ours || echo fail)
    fi
    if "$bin/progenitor_alone" "$spec" "$work/alone/gen.rs" >/dev/null 2>&1; then
        alone_lines=$(wc -l < "$work/alone/gen.rs")
        alone_s=$(build alone || echo fail)
    fi
    if "$bin/progenitor_alone" --builder "$spec" "$work/builder/gen.rs" >/dev/null 2>&1; then
        builder_lines=$(wc -l < "$work/builder/gen.rs")
        builder_s=$(build builder || echo fail)
    fi
    ratio() { [[ "$1" =~ ^[0-9.]+$ && "$2" =~ ^[0-9.]+$ ]] && echo "scale=2; $1 / $2" | bc || echo -; }
    seconds() { printf '%.1f' "$1" 2>/dev/null || echo "$1"; }
    printf '%-26s %17s %8s %13s %13s %11s %11s\n' "$name" "$ours_lines/$app" "$(seconds "$ours_s")" \
        "$alone_lines/$(seconds "$alone_s")" "$builder_lines/$(seconds "$builder_s")" \
        "$(ratio "$app" "$alone_lines")/$(ratio "$ours_s" "$alone_s")" \
        "$(ratio "$app" "$builder_lines")/$(ratio "$ours_s" "$builder_s")"
done
