#!/usr/bin/env python3
"""`handoff serve` against the targets of its issue, on the examples (`make serve-bench`).

- A save that changes no planning input (the title): from the write to the open page's reload
  event and the page showing the change; target <= 0.3 s.
- A save that changes one brief's planning inputs (smb's leads a week, a new value each time, so
  the SLA model is simulated afresh): the same; target <= 1.5 s.
- 500 saves in a row: resident memory and open file descriptors before and after; targets: less
  than 10 MB of growth, no descriptor leak.

Each save is written the way editors write (a new file renamed over the old). Medians and the
worst of N trials.

Usage: serve-bench.py HANDOFF_BINARY [TRIALS]
"""
import os
import re
import shutil
import signal
import socket
import statistics
import sys
import time
import urllib.request

import servelib


class Events:
    """The open page's event stream: counts reload events as they arrive."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(b"GET /_handoff/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        self.sock.settimeout(0.01)
        self.data = b""

    def reloads(self):
        try:
            while True:
                chunk = self.sock.recv(65536)
                if not chunk:
                    break
                self.data += chunk
        except (socket.timeout, BlockingIOError):
            pass
        return self.data.count(b"event: reload")


def save(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def timed_save(events, port, path, text, page, expect):
    before = events.reloads()
    start = time.perf_counter()
    save(path, text)
    while events.reloads() == before:
        if time.perf_counter() - start > 30:
            raise SystemExit("no reload within 30 s")
        time.sleep(0.002)
    body = urllib.request.urlopen(f"http://127.0.0.1:{port}{page}").read().decode()
    elapsed = time.perf_counter() - start
    if expect not in body:
        raise SystemExit(f"the page does not show {expect!r} after the reload")
    return elapsed


def rss_kb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main(binary, trials):
    work, server = None, None
    try:
        start = time.perf_counter()
        work, server, port = servelib.start(binary, "--no-cache")
        print(f"first build and start (no cache): {time.perf_counter() - start:.2f} s")
        events = Events(port)
        time.sleep(0.3)
        smb = os.path.join(work, "Content", "smb.yml")
        original = open(smb).read()

        words = []
        for i in range(trials):
            title = f"SMB activation, draft {i}"
            text = re.sub(r"^title: .*$", f"title: {title}", original, count=1, flags=re.M)
            words.append(timed_save(events, port, smb, text, "/segments/smb/", title))
        print(f"save, no planning input (title):  median {statistics.median(words):.3f} s, worst {max(words):.3f} s"
              f"   (target <= 0.3 s; {trials} saves)")

        inputs = []
        for i in range(trials):
            leads = 901 + i
            text = original.replace("leads-per-week: 900", f"leads-per-week: {leads}")
            inputs.append(timed_save(events, port, smb, text, "/segments/smb/handoff.md", f"Inbound volume: {leads} leads a week"))
        print(f"save, planning input (smb volume): median {statistics.median(inputs):.3f} s, worst {max(inputs):.3f} s"
              f"   (target <= 1.5 s; {trials} saves, each re-simulated)")

        save(smb, original)
        time.sleep(1)
        fds = lambda: len(os.listdir(f"/proc/{server.pid}/fd"))
        rss0, fd0 = rss_kb(server.pid), fds()
        for i in range(500):
            title = f"SMB activation, save {i % 2}"
            text = re.sub(r"^title: .*$", f"title: {title}", original, count=1, flags=re.M)
            timed_save(events, port, smb, text, "/segments/smb/", title)
        time.sleep(0.5)
        rss1, fd1 = rss_kb(server.pid), fds()
        print(f"500 saves: resident memory {rss0 / 1024:.1f} -> {rss1 / 1024:.1f} MB ({(rss1 - rss0) / 1024:+.1f} MB; target < 10),"
              f" open files {fd0} -> {fd1}")
    finally:
        if server:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=10)
        if work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else 10)
