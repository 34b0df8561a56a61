"""The mailbox from both sides, the 2- and 3-month limits, and consultations that close by themselves."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from gongkai.core.content_version import content_changed
from gongkai.interaction.models import ConsultationComment, ConsultationPage, Message, MessageStatus
from tests.helpers import answer, message_data


@pytest.mark.django_db
def test_a_message_gets_a_number_and_bad_input_saves_nothing(client, home):
    assert client.post("/mailbox/write/", message_data(client, subject="")).status_code == 400
    assert client.post("/mailbox/write/", message_data(client, phone="电话")).status_code == 400
    assert client.post("/mailbox/write/", message_data(client, content="x" * 3001)).status_code == 400
    assert not Message.objects.exists()
    response = client.post("/mailbox/write/", message_data(client), follow=True)
    message = Message.objects.get()
    assert BeautifulSoup(response.content, "html.parser").select_one(".receipt__number").get_text() == message.tracking_number
    assert message.tracking_number in mail.outbox[0].subject


@pytest.mark.django_db
def test_office_assigns_department_answers_office_publishes_without_personal_data(client, bureau):
    client.post("/mailbox/write/", message_data(client))
    message = Message.objects.get()
    url = reverse("mailbox_admin_detail", args=[message.pk])

    client.force_login(bureau["editor"])  # 综合科: not assigned yet, so not theirs
    assert client.get(url).status_code == 404
    client.force_login(bureau["office"])
    assert client.post(url, {"assign": "1", "department": bureau["general"].pk}).status_code == 302
    client.force_login(bureau["other_editor"])  # 政策法规科 never sees it
    assert client.get(url).status_code == 404
    assert message.tracking_number not in client.get(reverse("mailbox_admin")).content.decode()
    client.force_login(bureau["editor"])
    assert message.tracking_number in client.get(reverse("mailbox_admin")).content.decode()
    assert client.post(url, {"reply_submit": "1", "reply": "申报时间为每年 3 月至 10 月。"}).status_code == 302
    message.refresh_from_db()
    assert message.status == MessageStatus.REPLIED and message.replied_by == bureau["editor"]
    refused = client.post(url, {"publish_submit": "1", "published": "on"})  # only the office publishes
    assert refused.status_code == 403 or refused["Location"] == reverse("wagtailadmin_home")
    assert not Message.objects.get().published

    client.force_login(bureau["office"])
    response = client.post(url, {"publish_submit": "1", "public_subject": message.subject, "public_content": message.content,
                                 "public_reply": message.reply, "published": "on"})
    assert response.status_code == 200 and "中仍有个人信息" in response.content.decode()
    assert client.post(url, {"publish_submit": "1", "public_subject": message.subject,
                             "public_content": "想咨询科技型中小企业评价的申报时间。", "public_reply": message.reply,
                             "published": "on"}).status_code == 302
    public = client.get("/mailbox/").content.decode()
    assert "想咨询科技型中小企业评价的申报时间。" in public and "申报时间为每年 3 月至 10 月。" in public
    for secret in ("王五", "13700001111", "wangwu@example.com", message.tracking_number):
        assert secret not in public


@pytest.mark.django_db
def test_without_consent_a_message_is_never_published(client, bureau):
    client.post("/mailbox/write/", message_data(client, consent_to_publish=""))
    message = Message.objects.get()
    Message.objects.filter(pk=message.pk).update(status=MessageStatus.REPLIED, reply="答复", replied_at=timezone.now())
    client.force_login(bureau["office"])
    response = client.post(reverse("mailbox_admin_detail", args=[message.pk]),
                           {"publish_submit": "1", "public_subject": "s", "public_content": "c", "published": "on"})
    assert "留言人没有同意公开" in response.content.decode()
    assert not Message.objects.get().published


@pytest.mark.django_db
def test_two_and_three_month_limits(client, bureau):
    client.post("/mailbox/write/", message_data(client))
    message = Message.objects.get()
    Message.objects.filter(pk=message.pk).update(submitted_at=timezone.now() - datetime.timedelta(days=61))
    out = io.StringIO()
    call_command("check_mailbox", stdout=out)
    assert "超过 60 天 1 件" in out.getvalue()
    client.force_login(bureau["office"])
    assert "超过两个月 1 件" in client.get(reverse("wagtailadmin_home")).content.decode()
    Message.objects.filter(pk=message.pk).update(submitted_at=timezone.now() - datetime.timedelta(days=91))
    with pytest.raises(SystemExit) as exit_info:
        call_command("check_mailbox", stdout=io.StringIO())
    assert exit_info.value.code == 1
    assert "超过三个月未答复 1 件" in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db
def test_response_statistics_reach_the_public_list_and_the_website_report(client, home):
    now = timezone.now()
    for days in (2, 4):
        Message.objects.create(category="question", subject="s", content="c", name="n", phone="13700001111",
                               submitted_at=now - datetime.timedelta(days=days), status=MessageStatus.REPLIED,
                               reply="r", replied_at=now)
    Message.objects.create(category="complaint", subject="s", content="c", name="n", phone="13700001111")
    assert "收到留言 3 件，已答复 2 件，平均 3.0 天答复" in client.get("/mailbox/").content.decode()
    from wagtail.models import Site

    from gongkai.reports.website_report import website_report

    rows = {item: value for _area, item, value in website_report(Site.objects.get(is_default_site=True), now.year)}
    assert rows["收到留言数量（条）"] == 3 and rows["办结留言数量（条）"] == 2 and rows["平均办理时间（天）"] == 3.0


@pytest.mark.django_db
def test_a_consultation_takes_comments_until_it_closes_by_itself(client, column):
    today = timezone.localdate()
    page = ConsultationPage(title="《鹤岗市科技创新券管理办法（征求意见稿）》", slug="voucher", date=today,
                            opens_on=today - datetime.timedelta(days=3), closes_on=today)
    column.add_child(instance=page)
    page.save_revision().publish()
    data = {"content": "建议把创新券的兑付周期缩短到 30 天。", "name": "", "contact": "", "website": "",
            "answer": answer(client, "/work/voucher/")}
    response = client.post("/work/voucher/", data)
    assert response.status_code == 302 and ConsultationComment.objects.count() == 1
    assert "感谢您的意见" in client.get(response["Location"]).content.decode()
    bad = client.post("/work/voucher/", {**data, "content": ""})
    assert bad.status_code == 400 and ConsultationComment.objects.count() == 1

    ConsultationPage.objects.filter(pk=page.pk).update(closes_on=today - datetime.timedelta(days=1))  # the day after closing
    content_changed()  # (the update above stands in for a day passing; pages kept in memory are read again)
    closed = client.get("/work/voucher/").content.decode()
    assert "已结束" in closed and "征求意见期间共收到意见 1 条" in closed and "提交意见" not in closed
    late = client.post("/work/voucher/", {**data, "answer": "1"})
    assert late.status_code == 410 and ConsultationComment.objects.count() == 1
    page = ConsultationPage.objects.get(pk=page.pk)
    page.feedback_summary = "<p>采纳 1 条：兑付周期缩短为 30 天。</p>"
    page.save_revision().publish()
    assert "采纳 1 条" in client.get("/work/voucher/").content.decode()
    assert "建议把创新券" not in closed  # individual comments are not published




@pytest.mark.django_db
def test_the_office_downloads_one_consultations_comments_as_a_spreadsheet(admin_client, column):
    from openpyxl import load_workbook

    today = timezone.localdate()
    pages = []
    for slug in ("voucher", "lab"):
        page = ConsultationPage(title=f"{slug}（征求意见稿）", slug=slug, date=today, opens_on=today, closes_on=today)
        column.add_child(instance=page)
        pages.append(page)
    ConsultationComment.objects.create(page=pages[0], name="张三", contact="13800000000", content="建议缩短兑付周期。")
    ConsultationComment.objects.create(page=pages[1], content="另一份文件的意见")
    listing = admin_client.get("/admin/snippets/gongkai_interaction/consultationcomment/", {"page": pages[0].pk})
    assert "export=xlsx" in listing.content.decode()
    response = admin_client.get("/admin/snippets/gongkai_interaction/consultationcomment/", {"page": pages[0].pk, "export": "xlsx"})
    assert response.status_code == 200 and response["Content-Disposition"].endswith('consultation-comments.xlsx"')
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content if response.streaming else [response.content]))).active.values)
    assert rows[0][:4] == ("征求意见", "姓名或单位", "联系方式", "意见")
    assert [row[1:4] for row in rows[1:]] == [("张三", "13800000000", "建议缩短兑付周期。")]


@pytest.mark.django_db
def test_an_attachment_reaches_only_those_who_handle_the_message(client, bureau, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    fake = client.post("/mailbox/write/", {**message_data(client), "attachment": SimpleUploadedFile("photo.pdf", b"MZ\x90\x00")})
    assert fake.status_code == 400 and "内容不是它的扩展名所说的格式" in fake.content.decode()
    assert not Message.objects.exists()
    form = BeautifulSoup(client.get("/mailbox/write/").content, "html.parser").find("form", enctype="multipart/form-data")
    assert form.find("input", type="file", attrs={"name": "attachment"}) is not None

    data = {**message_data(client), "attachment": SimpleUploadedFile("材料.pdf", pdf, content_type="application/pdf")}
    assert client.post("/mailbox/write/", data).status_code == 302
    message = Message.objects.get()
    assert message.attachment.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert client.get("/media/" + message.attachment.name).status_code == 404
    download = reverse("mailbox_admin_attachment", args=[message.pk])
    assert client.get(download).status_code == 302  # anonymous: to the admin login

    client.force_login(bureau["office"])
    assert download in client.get(reverse("mailbox_admin_detail", args=[message.pk])).content.decode()
    response = client.get(download)
    assert response.status_code == 200 and b"".join(response.streaming_content) == pdf
    client.force_login(bureau["other_editor"])  # not their department's message
    assert client.get(download).status_code == 404
