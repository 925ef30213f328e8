#!/usr/bin/env python3
"""Memory of the mock server under hostile request bodies, side by side for one or more builds.

    python3 mock-server/bench/hostile.py BINARY [BINARY...]

Each BINARY (a built `mock-server`) is started on a free loopback port with the vendored specs, then:

  echo   20 requests at once, each a 16 MB JSON string where TaurusDB's createManualBackup wants a short
         instance id (the spec documents its own 400, so the violations go in `sl-violations`);
  over   20 requests at once, each a 20 MB body (over the 16 MiB body limit);
  small  1,000 ordinary requests one after another (seed 000), to show the server still answers;
  held   (a second server, started with an open-file limit of 1,024, as on most systems) 1,100 connections
         that send half a request head and then nothing; then one ordinary request, timed (15 s at most),
         and how many of the 1,100 the server has closed 12 s later.

For each case it prints the resident memory before, the peak (VmHWM, reset before each case where the
kernel allows it) and the resident memory 2 s after, from /proc/PID/status, and what the server answered.
Standard library only; Linux only (reads /proc).
"""

import http.client
import json
import os
import resource
import socket
import subprocess
import sys
import threading
import time

PROJECT = "054e292c9880d4992f02c0196d3ea468"
BUSY = 20


def status_kb(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def reset_peak(pid):
    # Linux 4.0+: writing 5 to clear_refs resets VmHWM to the current RSS.
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def start(binary, open_files=None):
    def limit_open_files():
        if open_files:
            resource.setrlimit(resource.RLIMIT_NOFILE, (open_files, open_files))

    process = subprocess.Popen(
        [binary, "--port", "0", "--log-format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        preexec_fn=limit_open_files,
    )
    for line in process.stdout:
        if line.startswith("listening on "):
            url = line.split("listening on ", 1)[1].strip()
            break
    else:
        sys.exit(f"{binary} did not start")
    # Keep reading its log so it never blocks on a full pipe.
    threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()
    host, port = url.removeprefix("http://").split(":")
    return process, host, int(port)


def send(host, port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection(host, port, timeout=120)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        head = sum(len(k) + len(v) + 4 for k, v in response.getheaders())
        return response.status, head, len(data)
    except Exception as error:  # the answer is part of what is measured
        return f"error: {type(error).__name__}", 0, 0
    finally:
        connection.close()


def at_once(host, port, count, method, path, body, headers):
    results = [None] * count

    def one(index):
        results[index] = send(host, port, method, path, body, headers)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def case(pid, name, run):
    before = status_kb(pid, "VmRSS")
    reset_peak(pid)
    started = time.monotonic()
    results = run()
    elapsed = time.monotonic() - started
    peak = status_kb(pid, "VmHWM")
    time.sleep(2)
    after = status_kb(pid, "VmRSS")
    statuses = sorted({r[0] for r in results}, key=str)
    head = max(r[1] for r in results)
    body = max(r[2] for r in results)
    print(
        f"  {name:6} before {before / 1024:7.1f} MB  peak {peak / 1024:7.1f} MB  after {after / 1024:7.1f} MB"
        f"  | {elapsed:5.1f} s, status {','.join(map(str, statuses))}, largest head {head} B, body {body} B"
    )


def measure(binary):
    process, host, port = start(binary)
    pid = process.pid
    try:
        print(f"{binary}")
        print(f"  idle   {status_kb(pid, 'VmRSS') / 1024:7.1f} MB")
        create = f"/taurusdb/v3/{PROJECT}/backups/create"
        auth = {"X-Auth-Token": "t", "Content-Type": "application/json"}
        echo = json.dumps({"instance_id": "x" * 16_000_000, "name": "backup-1"}).encode()
        case(pid, "echo", lambda: at_once(host, port, BUSY, "POST", create, echo, auth))
        over = json.dumps({"instance_id": "x" * 20_000_000, "name": "backup-1"}).encode()
        case(pid, "over", lambda: at_once(host, port, BUSY, "POST", create, over, auth))
        seed = {
            "X-API-Key": "k",
            "X-Project-ID": "5a2d8e17-c4b9-4f63-8e01-7d9a3b6c2f58",
        }
        path = "/raff/api/v1/backups/3f9c2a61-8d4e-4b7a-9c15-2e7f0a6b8d41/chain"
        case(pid, "small", lambda: [send(host, port, "DELETE", path, None, seed) for _ in range(1000)])
    finally:
        process.terminate()
        process.wait()
    held(binary)


def held(binary):
    # The client needs more than 1,100 descriptors itself.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 4096)), hard))
    process, host, port = start(binary, open_files=1024)
    sockets = []
    try:
        for _ in range(1100):
            s = socket.create_connection((host, port), timeout=5)
            s.sendall(b"GET /raff/api/v1/backups HTTP/1.1\r\nHost: mock\r\nX-Slow: ")
            sockets.append(s)
        time.sleep(0.5)
        started = time.monotonic()
        connection = http.client.HTTPConnection(host, port, timeout=15)
        try:
            connection.request("GET", "/__mock/health")
            answer = connection.getresponse().status
        except Exception as error:
            answer = f"none ({type(error).__name__})"
        elapsed = time.monotonic() - started
        time.sleep(12)
        closed = 0
        for s in sockets:
            s.setblocking(False)
            try:
                closed += s.recv(1) == b""
            except BlockingIOError:
                pass
            except OSError:
                closed += 1
        print(
            f"  held   1,100 half-sent heads (open-file limit 1,024): an ordinary request got {answer} after "
            f"{elapsed:.2f} s; {closed} of the 1,100 closed by the server 12 s later"
        )
    finally:
        for s in sockets:
            s.close()
        process.terminate()
        process.wait()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for binary in sys.argv[1:]:
        measure(os.path.abspath(binary))
