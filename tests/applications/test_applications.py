"""依申请公开 from both sides: the public form and its protections, the status page, the 公开办's queue and steps,
deadlines, table B, and personal data kept out of every public output."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from gongkai.applications.models import ExportLog, InformationRequest, RequestEvent, Status
from tests.helpers import ID_NUMBER, PDF, form_data


@pytest.mark.django_db
def test_an_application_gets_a_tracking_number_by_screen_and_by_email(client, home):
    response = client.post("/apply/", form_data(client), follow=True)
    application = InformationRequest.objects.get()
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one(".receipt__number").get_text() == application.tracking_number
    assert len(application.tracking_number) == 12 and application.status == Status.SUBMITTED
    assert [m.to for m in mail.outbox] == [["zhangsan@example.com"]]
    assert application.tracking_number in mail.outbox[0].subject and "/apply/status/" in mail.outbox[0].body
    assert list(application.events.values_list("action", flat=True)) == ["submitted"]


@pytest.mark.django_db
@pytest.mark.parametrize("overrides, field, message", [
    ({"name": ""}, "name", "该字段是必填项。"),
    ({"id_number": "110105194912310021"}, "id_number", "居民身份证号码不正确，请核对"),
    ({"phone": "abc"}, "phone", "请填写有效的电话号码"),
    ({"delivery_method": "post", "address": ""}, "address", "选择邮寄方式时请填写通信地址"),
    ({"applicant_type": "legal", "contact_person": ""}, "contact_person", "法人或其他组织申请时请填写联系人"),
    ({"answer": "99"}, "answer", "验证问题的答案不对，请回答新的问题。"),
    ({"description": "<script>alert(1)</script>" * 600}, "description", None),
])
def test_bad_input_gets_a_clear_message_and_saves_nothing(client, home, overrides, field, message):
    response = client.post("/apply/", form_data(client, **overrides))
    assert response.status_code == 400
    errors = response.context["form"].errors[field]
    assert message is None or message in errors
    assert not InformationRequest.objects.exists()
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.django_db
def test_the_honeypot_and_a_replayed_answer_are_refused(client, home):
    assert client.post("/apply/", form_data(client, website="http://spam.example/")).status_code == 400
    data = form_data(client)
    assert client.post("/apply/", data).status_code == 302
    assert client.post("/apply/", data).status_code == 400  # the answer was used up with the first submission
    assert InformationRequest.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("name, content, message", [
    ("id.pdf", b"MZ\x90\x00 this is a program", "内容不是它的扩展名所说的格式"),
    ("id.exe", b"MZ\x90\x00", "只接受 PDF、JPG 或 PNG 文件"),
    ("big.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024), "大于 5 MB 的上限"),
])
def test_unsafe_and_oversized_uploads_are_refused(client, home, name, content, message):
    data = form_data(client)
    data["attachment"] = SimpleUploadedFile(name, content)
    response = client.post("/apply/", data)
    assert response.status_code == 400
    assert any(message in error for error in response.context["form"].errors["attachment"])
    assert not InformationRequest.objects.exists()


@pytest.mark.django_db
def test_a_safe_attachment_is_kept_out_of_public_media(client, home, settings):
    data = form_data(client)
    data["attachment"] = SimpleUploadedFile("id.pdf", PDF, content_type="application/pdf")
    assert client.post("/apply/", data).status_code == 302
    stored = InformationRequest.objects.get().attachment
    assert stored.path.startswith(str(settings.PRIVATE_MEDIA_ROOT)) and not stored.path.startswith(str(settings.MEDIA_ROOT))
    assert client.get("/media/" + stored.name).status_code == 404


@pytest.mark.django_db
def test_flooding_is_stopped(client, home, settings):
    settings.GONGKAI_RATE_LIMITS = {"application": (2, 3600)}
    for _ in range(2):
        assert client.post("/apply/", form_data(client)).status_code == 302
    response = client.post("/apply/", form_data(client))
    assert response.status_code == 429 and "提交过于频繁" in response.content.decode()
    assert InformationRequest.objects.count() == 2


@pytest.mark.django_db
def test_status_needs_the_number_and_the_phone_digits(client, applied):
    client.cookies.clear()
    wrong = client.post("/apply/status/", {"tracking_number": applied.tracking_number, "phone_last_four": "0000"})
    assert wrong.status_code == 404 and "查询号或电话号码后四位不正确" in wrong.content.decode()
    assert "张三" not in wrong.content.decode()
    right = client.post("/apply/status/", {"tracking_number": applied.tracking_number.lower(), "phone_last_four": "1234"})
    page = BeautifulSoup(right.content, "html.parser")
    assert "待受理" in page.select_one(".facts").get_text()
    assert ID_NUMBER not in right.content.decode() and "张三" not in right.content.decode()


def process(client, application, action, **fields):
    data = {"action": action, "on": fields.pop("on", datetime.date.today().isoformat()), "note": "", "extension_days": "",
            "outcome": "", "reply": ""}
    data.update(fields)
    return client.post(reverse("applications_detail", args=[application.pk]), data)


@pytest.mark.django_db
def test_staff_steps_are_recorded_with_who_and_when_and_extension_is_allowed_once(office_client, applied):
    today = datetime.date.today()
    assert process(office_client, applied, "accepted").status_code == 302
    applied.refresh_from_db()
    due = applied.due_on
    assert applied.status == Status.ACCEPTED and due > today
    assert process(office_client, applied, "extended", note="需要调取档案", extension_days="10").status_code == 302
    applied = InformationRequest.objects.get(pk=applied.pk)
    from gongkai.applications import workdays

    assert workdays.workdays_between(due, applied.due_on) == 10
    response = process(office_client, applied, "extended", note="再延", extension_days="5")
    assert response.status_code == 200 and "不能再次延期" in response.content.decode()
    assert process(office_client, applied, "extended", note="x", extension_days="21").status_code == 200  # at most 20
    reply = SimpleUploadedFile("reply.pdf", PDF, content_type="application/pdf")
    response = process(office_client, applied, "answered", outcome="partial", reply="部分公开，见答复书。", reply_file=reply)
    assert response.status_code == 302
    applied.refresh_from_db()
    assert (applied.status, applied.outcome, applied.answered_on) == (Status.ANSWERED, "partial", today)
    events = list(RequestEvent.objects.filter(request=applied).values_list("action", "user__username"))
    assert events == [("submitted", None), ("accepted", "gongkaiban"), ("extended", "gongkaiban"), ("answered", "gongkaiban")]


@pytest.mark.django_db
def test_waiting_for_correction_stops_the_clock(office_client, applied):
    start = datetime.date.today() - datetime.timedelta(days=30)
    InformationRequest.objects.filter(pk=applied.pk).update(received_on=start)
    applied.refresh_from_db()
    process(office_client, applied, "correction_requested", note="请写明文件的文号", on=(start + datetime.timedelta(days=2)).isoformat())
    applied = InformationRequest.objects.get(pk=applied.pk)
    assert applied.due_on is None and applied.deadline_state() == "paused"
    process(office_client, applied, "correction_received", on=(start + datetime.timedelta(days=16)).isoformat())
    applied = InformationRequest.objects.get(pk=applied.pk)
    from gongkai.applications import workdays

    plain = workdays.add_workdays(start, 20)
    assert applied.due_on > plain
    assert workdays.workdays_between(plain, applied.due_on) == workdays.workdays_between(
        start + datetime.timedelta(days=2), start + datetime.timedelta(days=16))


@pytest.mark.django_db
def test_only_the_disclosure_office_sees_the_queue_and_id_numbers_are_masked(client, office_client, applied, django_user_model):
    listing = office_client.get(reverse("applications_queue")).content.decode()
    assert applied.tracking_number in listing and "1101**********002X" in listing and ID_NUMBER not in listing
    editor = django_user_model.objects.create_user("editor2", "e@example.com", "pw")
    editor.groups.add(Group.objects.get_or_create(name="综合科（编辑）")[0])
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(reverse("applications_queue")).status_code in (302, 403)
    assert client.get(reverse("applications_detail", args=[applied.pk])).status_code in (302, 403)
    assert "依申请公开" not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db
def test_id_numbers_are_encrypted_at_rest(applied):
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number FROM gongkai_applications_informationrequest WHERE id = %s", [applied.pk])
        stored = cursor.fetchone()[0]
    assert ID_NUMBER not in stored and len(stored) > 50
    assert InformationRequest.objects.get(pk=applied.pk).id_number == ID_NUMBER


@pytest.mark.django_db
def test_exports_are_logged(office_client, applied):
    from openpyxl import load_workbook

    response = office_client.get(reverse("applications_queue"), {"status": "all", "export": "xlsx"})
    rows = [[c.value for c in row] for row in load_workbook(io.BytesIO(response.content)).active.iter_rows()]
    assert rows[1][0] == applied.tracking_number and rows[1][3] == "1101**********002X"
    log = ExportLog.objects.get()
    assert (log.user.username, log.count) == ("gongkaiban", 1)


@pytest.mark.django_db
def test_personal_data_never_reaches_public_outputs(client, applied, column):
    from tests.factories import ArticlePageFactory

    ArticlePageFactory(parent=column, slug="news", title="工作动态一则")
    # Searching for the applicant or their request finds nothing (the page only echoes the words searched for).
    assert "没有找到与“张三”相关的信息" in client.get("/search/", {"query": "张三"}).content.decode()
    assert "没有找到与“鹤科发〔2018〕3号”相关的信息" in client.get("/search/", {"query": "鹤科发〔2018〕3号"}).content.decode()
    outputs = [
        client.get("/search/", {"query": "政务公开"}), client.get("/feed/rss/"), client.get("/work/feed/atom/"), client.get("/sitemap.xml"),
        client.get("/api/v2/pages/", {"search": "张三"}), client.get("/api/v2/pages/"), client.get("/"),
    ]
    for response in outputs:
        text = response.content.decode()
        for secret in ("张三", ID_NUMBER, "138-0000-1234", "zhangsan@example.com", applied.tracking_number):
            assert secret not in text, (response.request["PATH_INFO"], secret)


@pytest.mark.django_db
def test_deadline_command_and_dashboard(office_client, applied):
    InformationRequest.objects.filter(pk=applied.pk).update(received_on=datetime.date(2025, 9, 1), status=Status.ACCEPTED)
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("check_requests", today="2025-10-20", stdout=out)
    assert exit_info.value.code == 1 and f"[已超期] {applied.tracking_number}" in out.getvalue()
    out = io.StringIO()
    call_command("check_requests", today="2025-09-25", stdout=out)  # 2025-09-29 is due in 3 working days? no: on time
    assert "已超期 0 件" in out.getvalue()
    dashboard = office_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "政府信息公开申请期限" in dashboard and applied.tracking_number in dashboard


@pytest.mark.django_db
def test_table_b_is_computed_from_the_years_applications(applied):
    from gongkai.applications.statistics import table_b
    from gongkai.reports import statistics

    def make(kind, received, answered=None, outcome=""):
        return InformationRequest.objects.create(
            applicant_type=kind, name="x", id_type="other", id_number="X1", phone="13800001111", description="d",
            delivery_form="paper", delivery_method="pickup", received_on=received, answered_on=answered, outcome=outcome,
            status=Status.ANSWERED if answered else Status.ACCEPTED)

    InformationRequest.objects.all().delete()
    make("natural", datetime.date(2024, 12, 20), datetime.date(2025, 1, 10), "granted")  # carried over, answered
    make("legal", datetime.date(2025, 3, 1), datetime.date(2025, 3, 20), "refused_4")
    make("legal", datetime.date(2025, 5, 1), datetime.date(2025, 5, 9), "granted")
    make("business", datetime.date(2025, 12, 28))  # carried forward
    make("research", datetime.date(2024, 6, 1), datetime.date(2024, 6, 20), "granted")  # an earlier year: not counted
    value = table_b(2025)
    assert value["received"] == {"natural": 0, "business": 1, "research": 0, "nonprofit": 0, "legal": 2, "other": 0, "total": 3}
    assert value["carried_over"]["natural"] == 1
    assert value["granted"]["total"] == 2 and value["refused_4"]["legal"] == 1
    assert value["results_total"]["total"] == 3 and value["carried_forward"]["business"] == 1
    assert statistics.check_table_b(value) == []


@pytest.mark.django_db
def test_a_drafted_report_offers_table_b_from_the_applications(applied, column):
    from gongkai.reports.drafts import draft_next_report

    InformationRequest.objects.filter(pk=applied.pk).update(received_on=datetime.date(2025, 4, 1), answered_on=datetime.date(2025, 4, 20),
                                                           outcome="granted", status=Status.ANSWERED)
    draft = draft_next_report(column, year=2025)
    table = draft.table_value("applications_table")
    assert table["received"]["natural"] == 1 and table["granted"]["natural"] == 1 and table["results_total"]["total"] == 1
