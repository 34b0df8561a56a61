"""服务入口: a column links to the public services it is about (互动交流 → 局长信箱, 依申请公开, open 征求意见)."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from gongkai.columns import services
from gongkai.interaction.models import ConsultationPage
from tests.factories import ColumnPageFactory
from tests.importer.test_import_content import run_import, write_lines


def boxes(client, path):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    return {box.find("h2").get_text(): box for box in soup.select(".services .service")}


@pytest.mark.django_db
def test_interaction_column_links_mailbox_applications_and_open_consultations(client, home):
    interaction = ColumnPageFactory(parent=home, title="互动交流", slug="interaction", kind="page",
                                    services="mailbox,apply,consultations")
    assert list(boxes(client, "/interaction/")) == ["局长信箱", "依申请公开", "征求意见"]
    found = boxes(client, "/interaction/")
    assert [a["href"] for a in found["局长信箱"].select("a")] == ["/mailbox/write/", "/mailbox/", "/mailbox/status/"]
    assert [a["href"] for a in found["依申请公开"].select("a")] == ["/apply/", "/apply/status/"]
    assert found["征求意见"].get_text(strip=True) == "征求意见目前没有正在征求意见的事项。"

    today = timezone.localdate()
    for title, opens, closes in [("正在征求意见的办法", 0, 10), ("已截止的办法", -30, -1), ("尚未开始的办法", 2, 20)]:
        page = ConsultationPage(title=title, slug=f"c{closes}", opens_on=today + datetime.timedelta(days=opens),
                                closes_on=today + datetime.timedelta(days=closes), date=today)
        interaction.add_child(instance=page)
        page.save_revision().publish()
    open_box = boxes(client, "/interaction/")["征求意见"]
    assert [a.get_text() for a in open_box.select("a")] == ["正在征求意见的办法"]
    assert f"{(today + datetime.timedelta(days=10)).isoformat()} 截止" in open_box.get_text()


@pytest.mark.django_db
def test_a_column_without_services_shows_none_and_editors_tick_them(admin_client, home):
    column = ColumnPageFactory(parent=home, title="政务公开", slug="disclosure", kind="news")
    assert boxes(admin_client, "/disclosure/") == {}
    form = admin_client.get(reverse("wagtailadmin_pages:edit", args=[column.pk])).content.decode()
    soup = BeautifulSoup(form, "html.parser")
    ticks = {box["value"]: box.find_parent("label").get_text(strip=True) for box in soup.select("input[name=services]")}
    assert ticks == {"mailbox": "局长信箱", "apply": "依申请公开", "consultations": "征求意见"}
    assert [name for name, _label in services.choices()] == ["mailbox", "apply", "consultations"]


@pytest.mark.django_db
def test_import_takes_services_and_refuses_unknown_ones(client, home, tmp_path):
    ok, output = run_import(write_lines(tmp_path, [
        {"type": "column", "key": "c1", "title": "互动交流", "slug": "hudong", "kind": "page", "services": ["apply", "mailbox"]}]), home.pk)
    assert ok, output
    assert list(boxes(client, "/hudong/")) == ["局长信箱", "依申请公开"]  # in the registered order
    ok, output = run_import(write_lines(tmp_path, [
        {"type": "column", "key": "c2", "title": "别的", "slug": "other", "kind": "page", "services": ["weibo"]}]), home.pk)
    assert not ok and "未知的服务：weibo" in output
