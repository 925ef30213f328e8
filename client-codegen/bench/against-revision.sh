#!/usr/bin/env bash
# The generated clients of this tree against those of an earlier revision, side by side in one run.
#
#   bash client-codegen/bench/against-revision.sh REV [SPEC...]      (default: specs/*.yaml)
#
# REV's tree is exported with `git archive` into a temporary directory and its `generate` example built;
# everything builds in this tree's target directory, so registry dependencies are compiled once. For each spec:
# the lines each generator makes, then the seconds of a debug, non-incremental rebuild of a crate holding
# only that code, with each tree's own client-runtime: REV's, this tree's as an application builds it (no
# features), and this tree's with `dynamic-call` (as the contract suite builds it). The builds run one after
# the other in the same run, so read the ratios; absolute seconds move with the machine's load. ROUNDS
# (default 3) rounds of the three rebuilds, interleaved; each figure is the median of its rounds.
set -euo pipefail
rounds="${ROUNDS:-3}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
rev="${1:?usage: against-revision.sh REV [SPEC...]}"
shift
specs=("$@")
if [[ ${#specs[@]} -eq 0 ]]; then specs=("$root"/specs/*.yaml); fi
target="${CARGO_TARGET_DIR:-$root/target}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/before-tree"
git -C "$root" archive "$rev" | tar -x -C "$work/before-tree"
CARGO_TARGET_DIR="$target" cargo build -q --manifest-path "$work/before-tree/Cargo.toml" -p client-codegen \
    --example generate
cp "$target/debug/examples/generate" "$work/generate-before"
CARGO_TARGET_DIR="$target" cargo build -q --manifest-path "$root/Cargo.toml" -p client-codegen --example generate
cp "$target/debug/examples/generate" "$work/generate-after"

crate() { # crate NAME RUNTIME_DIR [FEATURES_TOML]: a crate with the generated clients' dependencies
    mkdir -p "$work/$1/src"
    cat > "$work/$1/Cargo.toml" <<TOML
[package]
name = "$1"
version = "0.1.0"
edition = "2024"
[workspace]
${3:-}
[dependencies]
client-runtime = { path = "$2" }
progenitor-client = "=0.15.1"
reqwest = { version = "0.13", default-features = false, features = ["json", "query", "stream", "rustls"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
chrono = { version = "0.4", default-features = false, features = ["serde", "std", "clock"] }
uuid = { version = "1", features = ["serde", "v4"] }
regress = "0.12"
TOML
    cp "$root/Cargo.lock" "$work/$1/"
    printf '%s\n' '#![allow(warnings)] pub mod runtime { pub use client_runtime::*; } include!("../gen.rs");' \
        > "$work/$1/src/lib.rs"
}
crate before "$work/before-tree/client-runtime"
crate after "$root/client-runtime" $'[features]\ndynamic-call = ["client-runtime/dynamic-call"]'

build() { # build CRATE [FEATURES]: seconds of a debug rebuild of the crate's gen.rs
    export CARGO_INCREMENTAL=0
    local features=(); [[ -n "${2:-}" ]] && features=(--features "$2")
    touch "$work/$1/src/lib.rs"
    local start end
    start=$(date +%s.%N)
    (cd "$work/$1" && CARGO_TARGET_DIR="$target" cargo build -q "${features[@]}" 2>/dev/null >/dev/null) || return 1
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { [[ "$1" =~ ^[0-9.]+$ && "$2" =~ ^[0-9.]+$ ]] && echo "scale=2; $1 / $2" | bc || echo -; }

printf '%-16s %8s %8s %7s %9s %9s %9s %7s %7s\n' spec lines_was lines_now lines_x build_was build_now build_dyn time_x dyn_x
for spec in "${specs[@]}"; do
    dir="$work/spec"; rm -rf "$dir"; mkdir -p "$dir"; cp "$spec" "$dir/"
    "$work/generate-before" "$dir" "$work/before/gen.rs" >/dev/null 2>&1
    "$work/generate-after" "$dir" "$work/after/gen.rs" >/dev/null 2>&1
    was_lines=$(wc -l < "$work/before/gen.rs"); now_lines=$(wc -l < "$work/after/gen.rs")
    build before >/dev/null || true; build after dynamic-call >/dev/null || true  # dependencies, untimed
    was_s=(); now_s=(); dyn_s=()
    for _ in $(seq "$rounds"); do
        was_s+=("$(build before || echo fail)"); now_s+=("$(build after || echo fail)")
        dyn_s+=("$(build after dynamic-call || echo fail)")
    done
    was=$(median "${was_s[@]}"); now=$(median "${now_s[@]}"); dyn=$(median "${dyn_s[@]}")
    printf '%-16s %8s %8s %7s %9s %9s %9s %7s %7s\n' "$(basename "$spec")" "$was_lines" "$now_lines" \
        "$(ratio "$now_lines" "$was_lines")" "$was" "$now" "$dyn" "$(ratio "$now" "$was")" "$(ratio "$dyn" "$was")"
done
