"""What several test modules share: filling the public forms as a person would, the demo loaded, consistent
statutory tables, the review chain's form data. Fixtures shared across folders are in tests/conftest.py."""

import io

from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from gongkai.reports import statistics

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ID_NUMBER = "11010519491231002X"  # a valid check digit (GB 11643)


def load_demo():
    out = io.StringIO()
    call_command("load_demo", skip_regulations=True, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def answer(client, path):
    question = BeautifulSoup(client.get(path).content, "html.parser").select_one("#question").get_text()
    numbers = "零一二三四五六七八九十"
    a, b = (numbers.index(ch) for ch in question.split("等于")[0].replace("加", " ").split())
    return str(a + b)


def message_data(client, **overrides):
    data = {"category": "question", "subject": "科技型中小企业评价怎么申报", "content": "我是王五，电话 13700001111，想咨询申报时间。",
            "name": "王五", "phone": "13700001111", "email": "wangwu@example.com", "consent_to_publish": "on",
            "answer": answer(client, "/mailbox/write/"), "website": ""}
    data.update(overrides)
    return data


def form_data(client, **overrides):
    """Fill the form as a person would, answering the question shown on the page."""
    page = client.get("/apply/")
    question = BeautifulSoup(page.content, "html.parser").select_one("#question").get_text()
    numbers = "零一二三四五六七八九十"
    a, b = (numbers.index(ch) for ch in question.split("等于")[0].replace("加", " ").split())
    data = {
        "applicant_type": "natural", "name": "张三", "contact_person": "", "id_type": "resident", "id_number": ID_NUMBER,
        "phone": "138-0000-1234", "email": "zhangsan@example.com", "address": "", "postcode": "",
        "description": "《鹤岗市科技计划项目管理办法》（鹤科发〔2018〕3号）全文", "delivery_form": "electronic",
        "delivery_method": "email", "answer": str(a + b), "website": "",
    }
    data.update(overrides)
    return data


def table_b(**rows):
    """A consistent table B: every row given as {column: n}, totals filled in."""
    value = {key: {column: 0 for column, _l in statistics.TABLE_B_COLUMNS} for key, *_r in statistics.table_b_rows()}
    for key, counts in rows.items():
        value[key].update(counts)
    for row in value.values():
        row["total"] = sum(row[c] for c, _l in statistics.TABLE_B_APPLICANTS)
    return value


def balanced():
    """12 applications from law firms and 3 from people: 10 + 2 received/carried, 11 answered, 1 carried on."""
    return table_b(
        received={"legal": 10, "natural": 3}, carried_over={"legal": 2},
        granted={"legal": 8, "natural": 2}, refused_4={"legal": 3}, unable_1={"natural": 1},
        results_total={"legal": 11, "natural": 3}, carried_forward={"legal": 1},
    )


def base_rows():
    """A transactional test may start after another has emptied the tables: put back what migrations create."""
    from wagtail.models import Collection, Locale, Page

    locale = Locale.objects.get_or_create(language_code="zh-hans")[0]
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Collection.objects.exists():
        Collection.add_root(name="Root")


def article_form(title="关于开展科技活动周的通知", body="<p>正文内容。</p>", date=None, action="action-submit", **extra):
    data = nested_form_data({
        "title": title, "slug": extra.pop("slug", "item"), "date": (date or timezone.localdate()).isoformat(),
        "source": "", "author": "", "tags": "", "summary": "", "backdate_reason": extra.pop("backdate_reason", ""),
        "body": streamfield([("paragraph", rich_text(body))]), "attachments": streamfield([]),
        "comments": inline_formset([]),
    })
    data[action] = "1"
    data.update(extra)
    return data


def add_url(column):
    return reverse("wagtailadmin_pages:add", args=["gongkai_news", "articlepage", column.pk])


BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


def shown(client, response, referrer="", agent=BROWSER, **headers):
    """What the page's counting script sends once the page is shown (gongkai/visits/static/gongkai_visits/visits.js):
    the token the page carries, and the linking site's host. Returns the counting response; None when the page
    carries no counter."""
    import re

    match = re.search(r'<script src="[^"]*visits[^"]*\.js" data-url="([^"]+)" data-token="([^"]+)"', response.content.decode())
    if match is None:
        return None
    data = {"t": match.group(2)}
    if referrer:
        data["r"] = referrer
    return client.post(match.group(1), data, HTTP_USER_AGENT=agent, **headers)
