"""Every public page type, in Chromium against the demo site: no axe-core violations at WCAG 2.1 AA, no errors from
the Nu HTML Checker, and the page works from the keyboard alone."""

import datetime
import json
import subprocess

import pytest

from tests.helpers import load_demo

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def demo_content():
    """The demo site, plus the page types the seed does not have: a document with its metadata and a report
    with the statutory tables."""
    from gongkai.columns.models import ColumnPage
    from gongkai.reports.blocks import ApplicationsTableBlock, ProactiveDisclosureTableBlock, ReviewLitigationTableBlock
    from gongkai.reports.models import AnnualReportPage
    from tests.factories import AnnualReportPageFactory
    from tests.helpers import balanced, base_rows

    base_rows()  # another live-server test may have emptied the database
    load_demo()
    reports = ColumnPage.objects.get(slug="annual-reports", locale__language_code="zh-hans")
    c_table = {group: {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1}
               for group in ("review", "direct_suit", "suit_after_review")}
    body = [
        ("section", {"heading": "二、主动公开政府信息情况", "content": [("proactive_table", ProactiveDisclosureTableBlock().to_python({}))]}),
        ("section", {"heading": "三、收到和处理政府信息公开申请情况", "content": [("applications_table", ApplicationsTableBlock().to_python(balanced()))]}),
        ("section", {"heading": "四、政府信息公开行政复议、行政诉讼情况", "content": [("review_litigation_table", ReviewLitigationTableBlock().to_python(c_table))]}),
    ]
    from django.utils import timezone
    from wagtail.rich_text import RichText

    from gongkai.interaction.models import ConsultationPage

    interaction = ColumnPage.objects.get(slug="interaction", locale__language_code="zh-hans")
    today = timezone.localdate()
    consultation = ConsultationPage(title="《科技创新券管理办法（征求意见稿）》", slug="draft-rules", date=today, summary="征求意见稿全文。",
                                    opens_on=today, closes_on=today + datetime.timedelta(days=30))
    interaction.add_child(instance=consultation)
    consultation.save_revision().publish()
    # A 解读 in question-and-answer form, linked to the first document (without the 830 laws the demo has none).
    from gongkai.disclosure.models import DocumentPage, InterpretationPage, InterpretedDocument
    from gongkai.importer.service import ContentImporter

    if not InterpretationPage.objects.filter(slug="qa").exists():
        document = DocumentPage.objects.live().filter(locale__language_code="zh-hans").order_by("pk").first()
        qa = InterpretationPage(title="《科技局政务公开评议制度》问答", slug="qa", date=today, form="qa", interpreter="办公室",
                                body=[("question_answer", {"question": "谁来评议？", "answer": RichText("<p>服务对象和社会各界。</p>")})])
        qa.interpreted_documents = [InterpretedDocument(document=document)]
        ContentImporter.resolve_parent("column:interpretation").add_child(instance=qa)
        qa.save_revision().publish()
    if not AnnualReportPage.objects.filter(slug="2021").exists():
        AnnualReportPageFactory(parent=reports, slug="2021", year=2021, date=datetime.date(2022, 1, 20), report_format="2021",
                                title="2021年度政府信息公开工作年度报告（示例）", body=body)


def public_urls():
    from gongkai.disclosure.models import DocumentPage
    from gongkai.news.models import ArticlePage

    article = ArticlePage.objects.live().order_by("pk").first()
    document = DocumentPage.objects.live().order_by("pk").first()
    return [
        "/", "/news/", "/news/work/", article.url, "/disclosure/", "/disclosure/rules/", document.url,
        "/disclosure/guide/", "/disclosure/annual-reports/", "/disclosure/annual-reports/2018/",
        "/disclosure/annual-reports/2021/", "/annual-reports/compare/?figure=received", "/search/?query=政务公开",
        "/search/?query=没有这样的信息zzz", "/feeds/", "/interaction/", "/no-such-page/", "/apply/", "/apply/status/",
        "/mailbox/", "/mailbox/write/", "/mailbox/status/", "/interaction/draft-rules/",
        "/en/", "/en/disclosure/annual-reports/2018/", "/en/search/?query=report",
        "/disclosure/interpretation/", "/disclosure/interpretation/qa/", "/search/?query=评议制度",
    ]


# Reading modes change colours and layout, so they are checked too.
READING_MODES = [
    ("contrast-high", ["/", "/disclosure/annual-reports/2021/"]),
    ("text-large,spacing-wide,mode-plain", ["/", "/news/work/"]),
    ("script-hant", ["/news/work/", "/disclosure/annual-reports/2018/"]),
]


def run_axe(page, axe_source):
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_21_AA)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] if isinstance(node["target"][0], str) else str(node["target"]) for node in violation["nodes"][:5])
        for violation in result["violations"]
    ]


# One test, because the live server needs a transactional database, and loading the demo once is faster than
# flushing and reloading it for each check.
@pytest.mark.django_db(transaction=True)
def test_public_pages_in_chromium(live_server, browser, axe_source, vnu_command, tmp_path):
    demo_content()
    check_axe_and_html(live_server, browser, axe_source, vnu_command, tmp_path)
    check_keyboard(live_server, browser)
    check_application_journey(live_server, browser, axe_source, tmp_path)


def check_axe_and_html(live_server, browser, axe_source, vnu_command, tmp_path):
    """No axe-core violations at WCAG 2.1 AA, no Nu HTML Checker errors, on every page type and reading mode."""
    problems = check_content_security_policy(live_server, browser)
    # axe is injected as an inline script, which the policy rightly blocks: this context bypasses it.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", bypass_csp=True)
    page = context.new_page()
    saved = []
    visits = [("", url) for url in public_urls()] + [(mode, url) for mode, urls in READING_MODES for url in urls]
    for mode, url in visits:
        context.clear_cookies()
        if mode:
            context.add_cookies([{"name": "gk_reading", "value": mode, "url": live_server.url}])
        response = page.goto(live_server.url + url)
        label = f"{url} [{mode}]" if mode else url
        expected = 404 if url == "/no-such-page/" else 200
        if response.status != expected:
            problems.append(f"{label}: HTTP {response.status}")
            continue
        problems += [f"{label}: {violation}" for violation in run_axe(page, axe_source)]
        if not mode or mode == "script-hant":
            path = tmp_path / f"page{len(saved)}.html"
            path.write_bytes(response.body())
            saved.append((path, label))
    # The checkers themselves must be able to fail: a page with known faults has to be reported.
    page.set_content("<!DOCTYPE html><html><head><title>t</title></head><body><img src='x.png'><p><b>x</p></body></html>")
    assert any(v.startswith("image-alt") for v in run_axe(page, axe_source))
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><html lang=zh><head><title>t</title></head><body><p><b>x</p></body></html>")
    saved.append((broken, "known-broken"))
    context.close()

    checker = subprocess.run(vnu_command + ["--format", "json", "--exit-zero-always", *[str(p) for p, _l in saved]],
                             capture_output=True, text=True, timeout=300)
    labels = {f"file:{path}": label for path, label in saved}  # how vnu names a local file
    errors = [m for m in json.loads(checker.stderr or checker.stdout)["messages"] if m.get("type") == "error"]
    assert any(labels.get(m.get("url")) == "known-broken" for m in errors), "the HTML checker did not run"
    for message in errors:
        where = labels.get(message.get("url"), message.get("url"))
        if where != "known-broken":
            problems.append(f"{where}: HTML line {message.get('lastLine')}: {message.get('message')}")
    assert len(saved) == len(public_urls()) + 3  # every page, the two in 繁體 mode, and the known-broken one
    assert problems == []


def check_content_security_policy(live_server, browser):
    """The policy allows no inline code: Chromium reports anything it blocks, and any script error, here."""
    context = browser.new_context()
    page = context.new_page()
    reported = []
    page.on("console", lambda message: reported.append(message.text) if "Content Security Policy" in message.text else None)
    page.on("pageerror", lambda error: reported.append(str(error)))
    for url in public_urls():
        page.goto(live_server.url + url)
        page.wait_for_load_state("load")
    context.close()
    return [f"CSP or script error: {text}" for text in reported]


def check_keyboard(live_server, browser):
    """The keyboard alone reaches the content, search and every reading aid, always with a visible focus."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/news/work/")

    # The first Tab reaches the skip link, visibly; Enter moves focus to the main content.
    page.keyboard.press("Tab")
    focused = page.evaluate("() => ({text: document.activeElement.textContent.trim(), "
                            "outline: getComputedStyle(document.activeElement).outlineStyle, "
                            "top: document.activeElement.getBoundingClientRect().top})")
    assert focused["text"] == "跳到主要内容" and focused["outline"] != "none" and focused["top"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"

    # Every reading aid and the search box can be reached with Tab, each showing a focus outline.
    page.goto(live_server.url + "/news/work/")
    reached = []
    for _ in range(30):
        page.keyboard.press("Tab")
        info = page.evaluate("() => ({tag: document.activeElement.tagName, text: document.activeElement.textContent.trim(),"
                             " name: document.activeElement.name || '', outline: getComputedStyle(document.activeElement).outlineStyle})")
        assert info["outline"] != "none", info
        reached.append(info["text"] or info["name"])
    for expected in ["大字", "高对比度", "宽行距", "简约模式", "繁體", "English", "query"]:
        assert expected in reached, (expected, reached)

    # A reading aid works from the keyboard and stays on after the page changes.
    page.goto(live_server.url + "/news/work/")
    page.focus("text=大字")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "reading-text-large" in page.evaluate("() => document.documentElement.className")
    assert page.url.endswith("/news/work/")
    page.goto(live_server.url + "/")
    size = page.evaluate("() => getComputedStyle(document.documentElement).fontSize")
    assert size == "20px"  # 125 % of 16 px

    # Searching with the keyboard only.
    page.focus("#site-search-input")
    page.keyboard.type("政务公开")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/search/" in page.url and page.locator("main h1").count() == 1
    context.close()


def check_application_journey(live_server, browser, axe_source, tmp_path):
    """依申请公开 end to end: a citizen applies and gets a number; the 公开办 accepts, extends and answers with a
    letter; the citizen sees the answer and downloads the letter."""
    from django.contrib.auth import get_user_model

    from gongkai.applications.setup import ensure_office_group

    pdf = tmp_path / "id.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    staff = get_user_model().objects.create_user("gkb", "gkb@example.com", "journey-pass", first_name="公开办")
    staff.groups.add(ensure_office_group())

    citizen = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)  # for axe, injected inline
    page = citizen.new_page()
    page.goto(live_server.url + "/apply/")
    page.get_by_label("自然人").check()
    page.get_by_label("姓名或名称").fill("李四")
    page.get_by_label("证件类型").select_option("resident")
    page.get_by_label("证件号码").fill("11010519491231002X")
    page.get_by_label("联系电话").fill("13900005678")
    page.get_by_label("电子邮箱").fill("lisi@example.com")
    page.get_by_label("所需信息的描述").fill("2018 年科技计划项目立项名单")
    page.get_by_label("电子文档").check()
    page.get_by_label("电子邮件").check()
    page.get_by_label("附件（可选）").set_input_files(str(pdf))
    numbers = "零一二三四五六七八九十"
    question = page.locator("#question").inner_text()
    a, b = (numbers.index(ch) for ch in question.split("等于")[0].replace("加", " ").split())
    page.get_by_label("验证问题").fill(str(a + b))
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url("**/apply/done/")
    number = page.locator(".receipt__number").inner_text()
    assert len(number) == 12
    assert run_axe(page, axe_source) == []

    def check_status():
        page.goto(live_server.url + "/apply/status/")
        page.get_by_label("查询号").fill(number)
        page.get_by_label("联系电话后四位").fill("5678")
        page.get_by_role("button", name="查询").click()
        return page.locator(".application-status").inner_text()

    assert "待受理" in check_status()

    office = browser.new_context(viewport={"width": 1280, "height": 1000})
    admin = office.new_page()
    admin.goto(live_server.url + "/admin/login/")
    admin.fill("#id_username", "gkb")
    admin.fill("#id_password", "journey-pass")
    admin.click("button[type=submit]")
    admin.wait_for_url("**/admin/")
    admin.goto(live_server.url + "/admin/applications/")
    assert "1101**********002X" in admin.content()
    admin.get_by_role("link", name=number).click()

    def step(action, **fields):
        admin.select_option("#id_action", action)
        for name, value in fields.items():
            if name == "outcome":
                admin.select_option("#id_outcome", value)
            elif name == "reply_file":
                admin.set_input_files("#id_reply_file", value)
            else:
                admin.fill(f"#id_{name}", value)
        with admin.expect_navigation():
            admin.get_by_role("button", name="记录").click()

    step("accepted")
    step("extended", note="需要调取 2018 年档案", extension_days="10")
    assert "已延期 10 个工作日" in admin.content()
    step("answered", outcome="granted", reply="您申请的信息予以公开，见答复书。", reply_file=str(pdf))
    history = admin.locator("table.listing").last.inner_text()
    assert "受理" in history and "延期答复" in history and "答复" in history and "公开办" in history
    office.close()

    shown = check_status()
    assert "已答复" in shown and "（一）予以公开" in shown and "您申请的信息予以公开" in shown
    assert "延长 10 个工作日：需要调取 2018 年档案" in shown
    with page.expect_download() as download:
        page.get_by_role("link", name="下载答复书").click()
    assert download.value.suggested_filename == f"reply-{number}.pdf"
    assert run_axe(page, axe_source) == []
    citizen.close()
