#!/usr/bin/env python3
"""`handoff serve` in a real browser (part of `make browser-check`).

Copies the examples to a temporary folder, starts `handoff serve --port 0` there, opens a
segment page in headless Chromium, edits the brief on disk, and checks that the page reloads by
itself and shows the new text; then breaks the brief and checks that the page shows the located
error over the last good figures; then fixes it. No console error and no failed request
throughout; SIGINT stops the server with exit 0. Screenshots of the live and the broken page go
to the output folder.

Usage: serve-check.py HANDOFF_BINARY OUT_DIR
"""
import os
import shutil
import signal
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

import servelib


def wait(predicate, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}")


def main(binary, out):
    os.makedirs(out, exist_ok=True)
    problems = []
    work, server, driver = None, None, None
    try:
        work, server, port = servelib.start(binary)
        options = Options()
        options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
        driver.set_window_size(1280, 900)
        driver.get(f"http://127.0.0.1:{port}/segments/enterprise/")
        wait(lambda: driver.execute_script("return document.readyState") == "complete", 10, "the page")
        # A mark on this page's window: gone once the page has reloaded.
        driver.execute_script("window.__beforeEdit = true")
        time.sleep(0.5)  # the event stream opens

        brief = os.path.join(work, "Content", "enterprise.yml")
        text = open(brief).read()
        open(brief, "w").write(text.replace("title: Enterprise inbound", "title: Enterprise inbound, live"))
        wait(lambda: driver.execute_script("return window.__beforeEdit === undefined && document.readyState === 'complete'"),
             10, "the page to reload by itself")
        if "Enterprise inbound, live" not in driver.title:
            problems.append(f"after the edit the page's title is {driver.title!r}")
        driver.save_screenshot(os.path.join(out, "serve-live-1280.png"))

        driver.execute_script("window.__beforeEdit = true")
        open(brief, "w").write(text.replace("response-sla: 2h", "response-sla: two hours"))
        wait(lambda: driver.execute_script("return window.__beforeEdit === undefined && document.readyState === 'complete'"),
             10, "the page to reload with the error")
        banner = driver.find_elements("css selector", ".serve-errors")
        # The reload keeps the reader's place; the banner stays in view wherever that is.
        if banner and not driver.execute_script(
                "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight", banner[0]):
            problems.append("the error banner is out of view after the reload")
        if not banner or "Content/enterprise.yml:" not in banner[0].text or "error:" not in banner[0].text:
            problems.append("the broken brief's page shows no located error")
        if "What it would take" not in driver.page_source:
            problems.append("the broken brief's page lost its last good figures")
        driver.save_screenshot(os.path.join(out, "serve-error-1280.png"))

        driver.execute_script("window.__beforeEdit = true")
        open(brief, "w").write(text)
        wait(lambda: driver.execute_script("return window.__beforeEdit === undefined && document.readyState === 'complete'"),
             10, "the page to reload once fixed")
        if driver.find_elements("css selector", ".serve-errors"):
            problems.append("the error banner stayed after the fix")

        for entry in driver.get_log("browser"):
            if entry.get("level") == "SEVERE":
                problems.append("console: " + entry.get("message", ""))
    except AssertionError as error:
        problems.append(str(error))
    finally:
        if driver:
            driver.quit()
        if server:
            start = time.time()
            server.send_signal(signal.SIGINT)
            try:
                code = server.wait(timeout=5)
                if code != 0:
                    problems.append(f"serve exited {code} on SIGINT")
                elif time.time() - start > 2:
                    problems.append(f"serve took {time.time() - start:.1f} s to stop")
            except subprocess.TimeoutExpired:
                server.kill()
                problems.append("serve did not stop on SIGINT")
        if work:
            shutil.rmtree(work, ignore_errors=True)
    for p in problems:
        print("serve-check: " + p, file=sys.stderr)
    print(f"serve-check: live reload, error banner and fix in Chromium: {'no problems' if not problems else str(len(problems)) + ' problems'}")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
