#!/usr/bin/env python3
"""Tries documents this project has never seen, as a new user would: for each spec file given, `conformance check`
(exit 0 or 1, never 2), the mock server (it loads and answers a documented GET), and the client generator
(`client-codegen`'s `generate` example: lines generated and warnings). Not part of the default test command: the
big public documents take minutes. Run from the repository root after `cargo build --release -p mock-server
-p conformance -p client-codegen --examples`:

    python3 tests/corpus/try.py ../shared/corpus/*.yaml ../shared/corpus/*.json

Compile cost (building the generated clients) is measured by client-codegen/bench/compile-cost.sh.
"""
import json, os, re, shutil, subprocess, sys, tempfile, time, urllib.request

TARGET = os.environ.get("CARGO_TARGET_DIR") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "target")
RELEASE = os.path.join(TARGET, "release")
MOCK = os.path.join(RELEASE, "mock-server")
CONFORMANCE = os.path.join(RELEASE, "conformance")
GENERATE = os.path.join(RELEASE, "examples", "generate")


def check(spec):
    run = subprocess.run([CONFORMANCE, "check", spec], capture_output=True, text=True)
    last = run.stdout.strip().splitlines()[-1:] or [run.stderr.strip()]
    return run.returncode, last[0]


def generate(spec):
    with tempfile.TemporaryDirectory() as work:
        shutil.copy(spec, work)
        out = os.path.join(work, "out.rs")
        run = subprocess.run([GENERATE, work, out], capture_output=True, text=True)
        warnings = sum(1 for line in run.stderr.splitlines() if line.startswith("warning:"))
        if run.returncode != 0:
            return f"generation FAILED: {run.stderr.strip()[:300]}"
        with open(out) as f:
            lines = sum(1 for _ in f)
        return f"client {lines} lines, {warnings} warnings"


failures = 0
for spec in sys.argv[1:]:
    name = os.path.basename(spec)
    p = subprocess.Popen([MOCK, "--port", "0", "--spec", spec], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = None
    start = time.time()
    for line in p.stdout:
        if line.startswith("listening on "):
            url = line.split()[-1]; break
    load = time.time() - start
    if not url:
        print(f"{name}: the mock did not start: {p.stderr.read()[-300:]}"); failures += 1; continue
    routes = json.load(urllib.request.urlopen(url + "/__mock/routes"))["routes"]
    health = json.load(urllib.request.urlopen(url + "/__mock/health"))
    gets = [r for r in routes if r["method"] == "GET"]
    answered = None
    for r in gets:
        path = re.sub(r"\{[^}]+\}", "1", r["path"])
        req = urllib.request.Request(url + path, headers={"Authorization": "Bearer t", "X-API-Key": "k"})
        try:
            status = urllib.request.urlopen(req).status
        except urllib.error.HTTPError as e:
            status = e.code
        documented = any(s == str(status) or s == "default" or (s.endswith("XX") and s[0] == str(status)[0]) for s in r["statuses"])
        if documented:
            answered = (r["operationId"], status); break
    p.terminate(); p.wait()
    code, summary = check(spec)
    if code not in (0, 1):
        failures += 1
    print(f"{name}: mock loaded in {load:.2f}s, {len(routes)} routes, {health['warnings']} warnings, "
          f"documented GET: {answered}; check exit {code} ({summary}); {generate(spec)}")
sys.exit(1 if failures else 0)
