"""A walk through the admin as each demo role, in Chromium, saving a screenshot of every step into
docs/screenshots/admin/: the editor submits a notice, the 科室负责人, the 办公室 and the 局领导 each approve it from their
dashboard, and the 办公室 opens an annual report's statistics tables.

    make run   # in another terminal (or any running demo)
    .venv/bin/python docs/screenshots/admin_walk.py http://127.0.0.1:8000 gongkai-demo-2026
"""

import sys
import time
from pathlib import Path

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
        editor.goto(f"{base}/admin/pages/")
        editor.get_by_role("link", name="科技动态").first.click()
        editor.wait_for_load_state("networkidle")
        editor.get_by_role("link", name="工作动态").first.click()
        editor.wait_for_load_state("networkidle")
        editor.locator("a[href*='/add_subpage/']").first.click()
        editor.wait_for_load_state("networkidle")
        shot(editor, "2-editor-new-article")
        editor.fill("#id_title", title)
        editor.locator("[data-contentpath='body'] [contenteditable=true]").first.click()
        editor.keyboard.type("本局将于五月举办科技活动周，欢迎市民参加。")
        editor.locator("button[name='action-submit']").click(force=True) if editor.locator("button[name='action-submit']").is_visible() else None
        if editor.url.endswith("/add/") or "/add/" in editor.url:
            editor.locator("[data-w-dropdown-target='toggle']").last.click()
            editor.locator("button[name='action-submit']").click()
        editor.wait_for_load_state("networkidle")
        shot(editor, "3-editor-submitted")

        for step, login in (("4", "zonghe-head"), ("5", "office"), ("6", "leader")):
            reviewer = session(login)
            shot(reviewer, f"{step}a-{login}-dashboard")
            row = reviewer.locator("tr", has_text=title).first
            row.get_by_role("button", name="审核通过").first.click()
            reviewer.wait_for_load_state("networkidle")
            reviewer.wait_for_timeout(1000)
            shot(reviewer, f"{step}b-{login}-approved")

        office = session("office")
        office.goto(f"{base}/admin/pages/search/?q=年度报告")
        shot(office, "7-office-search")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), sys.argv[2])
