"""A walk through the admin as each demo role, in Chromium, saving a screenshot of every step into
docs/screenshots/admin/: the editor submits a notice, the 科室负责人, the 办公室 and the 局领导 each approve it from their
dashboard, the 办公室 searches the admin, and, after a reader has read a few pages, opens 报告 → 访问统计; the
政策法规科 editor opens a law's 政策解读 panel and starts a new 解读 from it (without creating it).

    make run   # in another terminal (or any running demo)
    .venv/bin/python docs/screenshots/admin_walk.py http://127.0.0.1:8000 gongkai-demo-2026
"""

import json
import sys
import time
from pathlib import Path
from urllib.request import urlopen

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent / "admin"


def main(base, password):
    OUT.mkdir(exist_ok=True)
    title = f"关于开展科技活动周的通知（演示 {time.strftime('%H%M%S')}）"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])

        def session(login):
            page = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 900}).new_page()
            page.goto(f"{base}/admin/login/")
            page.fill("#id_username", login)
            page.fill("#id_password", password)
            page.click("button[type=submit]")
            page.wait_for_load_state("networkidle")
            return page

        def shot(page, name):
            page.wait_for_timeout(500)
            page.screenshot(path=str(OUT / f"{name}.png"))
            print("saved", OUT / f"{name}.png")

        editor = session("zonghe")
        shot(editor, "1-editor-dashboard")
        with urlopen(f"{base}/api/v2/pages/?slug=work&locale=zh-hans") as response:
            column = json.load(response)["items"][0]["id"]
        editor.goto(f"{base}/admin/pages/{column}/")
        shot(editor, "2-editor-column")
        editor.goto(f"{base}/admin/pages/add/gongkai_news/articlepage/{column}/")
        editor.wait_for_load_state("networkidle")
        shot(editor, "2-editor-new-article")
        editor.fill("#id_title", title)
        submit = editor.locator("button[name='action-submit']")
        if not submit.is_visible():
            editor.locator("footer .w-dropdown__toggle").last.click()
        submit.click()
        editor.wait_for_load_state("networkidle")
        shot(editor, "3-editor-submitted")

        for step, login in (("4", "zonghe-head"), ("5", "office"), ("6", "leader")):
            reviewer = session(login)
            shot(reviewer, f"{step}a-{login}-dashboard")
            row = reviewer.locator("tr", has_text=title).first
            row.locator(".w-dropdown__toggle").first.click()
            reviewer.get_by_role("button", name="审核通过", exact=True).first.click()
            reviewer.wait_for_load_state("networkidle")
            reviewer.wait_for_timeout(1000)
            shot(reviewer, f"{step}b-{login}-approved")

        office = session("office")
        office.goto(f"{base}/admin/pages/search/?q=年度报告")
        shot(office, "7-office-search")

        # Readers (a browser's User-Agent, not a headless one's) read a few pages; the 办公室 opens 访问统计.
        agent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
        reader = browser.new_context(user_agent=agent, locale="zh-CN").new_page()
        for path, referer in (("/", "https://www.baidu.com/"), ("/news/work/", None), ("/disclosure/", None),
                              ("/search/?q=星际旅行补贴", None), ("/en/", "https://www.bing.com/")):
            reader.goto(base + path, referer=referer)
            reader.wait_for_timeout(300)
        office.goto(f"{base}/admin/reports/visits/")
        office.wait_for_load_state("networkidle")
        office.set_viewport_size({"width": 1400, "height": 1800})
        shot(office, "8-office-visits")

        # The 政策法规科 editor: a document's 解读 with their state, and a new one started from the document.
        fagui = session("fagui")
        with urlopen(f"{base}/api/v2/pages/?type=gongkai_disclosure.InterpretationPage&locale=zh-hans&fields=documents") as response:
            document = json.load(response)["items"][0]["documents"][0]["id"]
        fagui.goto(f"{base}/admin/pages/{document}/edit/")
        fagui.locator(".interpretations-panel").scroll_into_view_if_needed()
        shot(fagui, "9-fagui-document-interpretations")
        fagui.locator(".interpretations-panel a.button").click()
        fagui.wait_for_load_state("networkidle")
        shot(fagui, "9b-fagui-new-interpretation")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), sys.argv[2])
