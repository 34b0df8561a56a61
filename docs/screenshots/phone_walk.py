"""Screenshots of every public page type on a 390 px phone screen, in Chromium, into docs/screenshots/phone/: the
first screen of each page, and for long pages a second screen where their own content (cards, tables, page tools)
shows. Each page is also measured: the script fails if one is wider than the screen.

    make run   # in another terminal (or any running demo)
    .venv/bin/python docs/screenshots/phone_walk.py http://127.0.0.1:8000
"""

import re
import sys
from pathlib import Path
from urllib.request import urlopen

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent / "phone"
WIDTH, HEIGHT = 390, 844


def first_link(base, path, pattern):
    html = urlopen(base + path).read().decode("utf-8")
    return next(link for link in re.findall(r'href="(' + pattern + r')"', html) if "/feed/" not in link)


def main(base):
    OUT.mkdir(exist_ok=True)
    pages = [
        ("01-home", "/", None),
        ("02-news-list", "/news/work/", None),
        ("03-article", first_link(base, "/news/work/", r"/news/work/[^\"]+/"), ".page-tools"),
        ("04-catalogue", "/affairs/policies/", ".catalogue"),
        ("05-document", first_link(base, "/affairs/policies/", r"/affairs/policies/[^\"]+/"), ".doc-meta"),
        ("06-annual-report", "/disclosure/annual-reports/2018/", ".block-figure"),
        ("07-report-compare", "/annual-reports/compare/?figure=received", None),
        ("08-search", "/search/?q=社会保险法", None),
        ("09-feeds", "/feeds/", ".feeds"),
        ("10-interaction", "/interaction/", None),
        ("11-apply", "/apply/", None),
        ("12-mailbox", "/mailbox/", None),
        ("13-disclosure", "/disclosure/", None),
        ("14-english-home", "/en/", None),
        ("15-large-text", "/affairs/policies/", ".catalogue"),
    ]
    too_wide = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for name, path, detail in pages:
            context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, is_mobile=True, has_touch=True,
                                          locale="zh-CN")
            if name == "15-large-text":
                context.add_cookies([{"name": "gk_reading", "value": "text-large", "url": base}])
            page = context.new_page()
            page.goto(base + path)
            width = page.evaluate("() => document.documentElement.scrollWidth")
            if width > WIDTH:
                too_wide.append(f"{path}: {width}px")
            page.screenshot(path=str(OUT / f"{name}.png"))
            if detail:
                page.locator(detail).first.scroll_into_view_if_needed()
                page.evaluate("(selector) => document.querySelector(selector).scrollIntoView({block: 'start'})", detail)
                page.screenshot(path=str(OUT / f"{name}-2.png"))
            print("saved", name, path, f"{width}px")
            context.close()
        browser.close()
    if too_wide:
        sys.exit("wider than the screen: " + "; ".join(too_wide))


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000")
