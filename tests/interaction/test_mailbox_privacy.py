"""Nothing of a sender's identity reaches /mailbox/: every text the public sees is checked in a folded form, and a
department's later change to a published reply waits for the 办公室."""

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from gongkai.interaction.models import Message, MessageStatus

SENDER = {"name": "李红梅", "phone": "13912345678", "email": "li.hongmei@example.com"}
CLEAN = {"public_subject": "科技型中小企业评价的申报时间", "public_content": "想咨询科技型中小企业评价的申报时间。",
         "public_reply": "申报时间为每年 3 月至 10 月，详见通知公告栏目。"}


@pytest.fixture
def replied(bureau):
    return Message.objects.create(category="question", subject="李红梅咨询申报", content="我是李红梅，想咨询申报时间。",
                                  consent_to_publish=True, status=MessageStatus.REPLIED, department=bureau["general"],
                                  reply="李红梅您好：申报时间为每年 3 月至 10 月。", replied_at=timezone.now(), **SENDER)


def publish(client, message, **fields):
    data = {"publish_submit": "1", "published": "on", **CLEAN, **fields}
    return client.post(reverse("mailbox_admin_detail", args=[message.pk]), data)


def public_text(client):
    return BeautifulSoup(client.get("/mailbox/").content, "html.parser").select_one("main").get_text()


@pytest.mark.django_db
@pytest.mark.parametrize("field, text, kind", [
    ("public_reply", "李 红梅您好：申报时间为每年 3 月。", "姓名"),
    ("public_reply", "李紅梅您好：申报时间为每年 3 月。", "姓名"),  # 繁體
    ("public_reply", "已电话联系您（139-1234-5678）。", "联系电话"),
    ("public_reply", "已电话联系您（１３９ １２３４ ５６７８）。", "联系电话"),  # full-width, spaced
    ("public_reply", "答复已发送至 LI.HONGMEI@example.com。", "电子邮箱"),
    ("public_content", "我的身份证号是 11010519491231002X，想咨询申报。", "身份证号"),
    ("public_content", "我住在红旗路 12 号，想咨询申报。", "门牌地址"),
    ("public_content", "另请联系我爱人 13600001111。", "手机号码"),
    ("public_subject", "李红梅：申报时间", "姓名"),
])
def test_publishing_is_refused_while_any_public_text_holds_personal_data(client, bureau, replied, field, text, kind):
    client.force_login(bureau["office"])
    response = publish(client, replied, **{field: text})
    assert response.status_code == 200
    error = BeautifulSoup(response.content, "html.parser").select_one(".error-message, .errorlist").get_text()
    label = str(Message._meta.get_field(field).verbose_name)
    assert f"“{label}”中仍有个人信息（{kind}" in error
    assert not Message.objects.get().published
    assert "申报时间" not in public_text(client)


@pytest.mark.django_db
def test_a_clean_copy_is_published_and_the_original_texts_never_show(client, bureau, replied):
    client.force_login(bureau["office"])
    # No fallback to the original subject: an empty 公开标题 is refused, not replaced.
    response = publish(client, replied, public_subject="")
    assert "公开时必须填写" in response.content.decode() and not Message.objects.get().published
    assert publish(client, replied).status_code == 302
    shown = public_text(client)
    assert CLEAN["public_reply"] in shown and CLEAN["public_subject"] in shown
    for secret in ("李红梅", "13912345678", "5678", "li.hongmei"):
        assert secret not in shown
    # The office's own phone may be given in a reply.
    from gongkai.core.models import SiteSettings

    SiteSettings.objects.update(phone="13800001234")
    assert publish(client, replied, public_reply="如有疑问请致电 138-0000-1234。").status_code == 302


@pytest.mark.django_db
def test_a_changed_published_reply_goes_back_to_the_office(client, bureau, replied):
    client.force_login(bureau["office"])
    assert publish(client, replied).status_code == 302
    url = reverse("mailbox_admin_detail", args=[replied.pk])

    client.force_login(bureau["editor"])  # the department changes its published reply
    changed = "李红梅您好：请拨 13912345678 联系我们。"
    response = client.post(url, {"reply_submit": "1", "reply": changed}, follow=True)
    assert "须经办公室审核后才公开" in response.content.decode()
    message = Message.objects.get()
    assert message.reply == changed and message.needs_review and message.published
    shown = public_text(client)
    assert CLEAN["public_reply"] in shown and "13912345678" not in shown and "李红梅" not in shown

    client.force_login(bureau["office"])  # the office sees it waiting, with the new text to check
    assert "待审核公开" in client.get(reverse("mailbox_admin")).content.decode()
    form = BeautifulSoup(client.get(url).content, "html.parser")
    assert form.select_one("textarea[name=public_reply]").get_text().strip() == changed
    assert "中仍有个人信息" in publish(client, message, public_reply=changed).content.decode()
    assert publish(client, message, public_reply="您好：请拨打本局电话联系我们。").status_code == 302
    assert not Message.objects.get().needs_review
    assert "请拨打本局电话联系我们" in public_text(client)


@pytest.mark.django_db
def test_messages_published_before_the_check_are_rechecked_by_the_migration(client, bureau, replied):
    import importlib

    migration = importlib.import_module("gongkai.interaction.migrations.0003_public_reply_review")
    leaking = replied
    Message.objects.filter(pk=leaking.pk).update(published=True, public_subject="", public_content="想咨询申报时间。")
    clean = Message.objects.create(category="question", subject="咨询", content="咨询申报", consent_to_publish=True,
                                   status=MessageStatus.REPLIED, reply="每年 3 月申报。", replied_at=timezone.now(),
                                   published=True, public_content="想咨询申报时间。", name="张三", phone="13700001111")
    migration.recheck_published(apps, None)
    leaking.refresh_from_db()
    clean.refresh_from_db()
    assert not leaking.published and leaking.needs_review  # its reply greeted the sender by name
    assert clean.published and clean.public_subject == "咨询" and clean.public_reply == "每年 3 月申报。"
    assert "李红梅" not in public_text(client) and "每年 3 月申报。" in public_text(client)
