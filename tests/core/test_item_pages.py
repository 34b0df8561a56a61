"""What a reader finds around an item: 上一篇 / 下一篇 in its column, 打印, a QR code of its address, an honest note when
only the title is online; and 置顶 that ends on its date."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone

from gongkai.core.models import SiteSettings
from tests.factories import AnnualReportPageFactory, ArticlePageFactory, ColumnPageFactory, DocumentPageFactory


def soup_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_previous_and_next_follow_the_column_order(client, column, home):
    older = ArticlePageFactory(parent=column, title="二月动态", date=datetime.date(2019, 2, 1))
    middle = ArticlePageFactory(parent=column, title="三月动态", date=datetime.date(2019, 3, 1))
    newer = ArticlePageFactory(parent=column, title="四月动态", date=datetime.date(2019, 4, 1))
    pinned = ArticlePageFactory(parent=column, title="置顶的通知", date=datetime.date(2018, 1, 1), pinned=True)
    ArticlePageFactory(parent=ColumnPageFactory(parent=home, slug="other"), title="别的栏目", date=datetime.date(2019, 3, 15))

    def neighbours(page):
        nav = soup_of(client, page).select_one("nav.page-tools__neighbours")
        return [li.get_text(" ", strip=True) for li in nav.select("li")]

    # The list reads 置顶, 四月, 三月, 二月: 上一篇 is the item listed above, 下一篇 the one below.
    assert neighbours(middle) == ["上一篇： 四月动态", "下一篇： 二月动态"]
    assert neighbours(pinned) == ["上一篇： 没有了", "下一篇： 四月动态"]
    assert neighbours(older) == ["上一篇： 三月动态", "下一篇： 没有了"]
    links = soup_of(client, newer).select("nav.page-tools__neighbours a")
    assert [(a["rel"], a["href"]) for a in links] == [(["prev"], pinned.url), (["next"], middle.url)]


@pytest.mark.django_db
def test_items_offer_print_and_a_qr_code_of_their_address(client, column, catalogue):
    reports = ColumnPageFactory(parent=column.get_parent(), slug="reports", kind="reports")
    for page in (ArticlePageFactory(parent=column), DocumentPageFactory(parent=catalogue),
                 AnnualReportPageFactory(parent=reports, slug="2019", year=2019)):
        soup = soup_of(client, page)
        button = soup.select_one("button[data-print]")
        assert button.get_text() == "打印本页" and button.has_attr("hidden")  # shown by page-tools.js
        qr = soup.select_one(".qr [role=img]")
        assert qr["aria-label"] == "本页地址的二维码" and qr.find("svg").find("path")
        assert soup.select_one(".qr__caption").get_text() == "扫码在手机上阅读"
        assert soup.find("script", src=lambda src: src and "page-tools" in src)


def test_the_qr_code_encodes_the_address():
    from gongkai.core.templatetags.gongkai_tags import qr_svg

    one, other = qr_svg("http://localhost/work/a/"), qr_svg("http://localhost/work/b/")
    assert one.startswith("<svg") and one != other and "<script" not in one


@pytest.mark.django_db
def test_a_title_only_item_says_its_text_is_not_online_and_names_its_source(client, column, catalogue):
    bare = ArticlePageFactory(parent=column, title="我市获批2家国家级“星创天地”", source="2018年政府信息公开工作年度报告（图3）")
    notice = soup_of(client, bare).select_one(".notice--offline")
    assert notice.get_text(" ", strip=True).startswith("本条信息只发布了标题，正文未在网上公开。信息来源：2018年政府信息公开工作年度报告（图3）。")
    assert notice.find("a", string="申请政府信息公开")["href"] == "/apply/"
    unsourced = ArticlePageFactory(parent=column, source="")
    assert "信息来源：测试科技局" in soup_of(client, unsourced).select_one(".notice--offline").get_text()
    document = DocumentPageFactory(parent=catalogue, issuer="国务院")
    assert "信息来源：国务院" in soup_of(client, document).select_one(".notice--offline").get_text()
    written = ArticlePageFactory(parent=column, summary="有摘要的信息。")
    assert soup_of(client, written).select_one(".notice--offline") is None


@pytest.mark.django_db
def test_pinning_ends_on_its_date(client, column):
    today = timezone.localdate()
    ArticlePageFactory(parent=column, title="新的年度报告", date=today)
    ended = ArticlePageFactory(parent=column, title="旧的置顶", date=today - datetime.timedelta(days=400), pinned=True,
                               pinned_until=today - datetime.timedelta(days=1))
    running = ArticlePageFactory(parent=column, title="置顶到明天", date=today - datetime.timedelta(days=30), pinned=True,
                                 pinned_until=today + datetime.timedelta(days=1))
    soup = BeautifulSoup(client.get("/work/").content, "html.parser")
    rows = [(li.select_one("a").get_text(), bool(li.select_one(".badge--pin"))) for li in soup.select(".item-list__item")]
    assert rows == [("置顶到明天", True), ("新的年度报告", False), ("旧的置顶", False)]
    assert ended.is_pinned is False and running.is_pinned is True
    ended.pinned = False
    with pytest.raises(ValidationError) as error:
        ended.full_clean()
    assert "只有置顶的内容才有置顶截止日期" in str(error.value)


@pytest.mark.django_db
def test_the_page_cache_changes_with_the_day(client, column, settings, monkeypatch):
    """A cached list must not keep showing a 置顶 that ended at midnight."""
    settings.GONGKAI_PAGE_CACHE = True
    today = timezone.localdate()
    ArticlePageFactory(parent=column, title="普通", date=today)
    ArticlePageFactory(parent=column, title="今天截止置顶", date=today - datetime.timedelta(days=9), pinned=True, pinned_until=today)
    assert titles(client) == ["今天截止置顶", "普通"]
    tomorrow = today + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert titles(client) == ["普通", "今天截止置顶"]


def titles(client):
    soup = BeautifulSoup(client.get("/work/").content, "html.parser")
    return [a.get_text() for a in soup.select(".item-list__item a")]


@pytest.mark.django_db
def test_footer_shows_filing_numbers_linked_and_leaves_no_gaps(client, home):
    settings = SiteSettings.objects.get()
    settings.icp_number, settings.police_number = "黑ICP备12345678号-1", "黑公网安备 23040202000123号"
    settings.site_code, settings.conac_id = "2304000001", "bszs123"
    settings.email, settings.office_hours = "kjj@example.gov.cn", "工作日 8:30—17:00"
    settings.save()
    footer = BeautifulSoup(client.get("/").content, "html.parser").find("footer")
    assert footer.find("a", string="黑ICP备12345678号-1")["href"] == "https://beian.miit.gov.cn/"
    assert footer.find("a", string="黑公网安备 23040202000123号")["href"].endswith("code=23040202000123")
    assert "bszs.conac.cn" in footer.select_one("a.conac")["href"] and "id=bszs123" in footer.select_one("a.conac")["href"]
    # No emblem is drawn: without the issued image, the link is words.
    assert footer.select_one("a.conac").get_text() == "党政机关网站标识" and not footer.select("a.conac img")
    from wagtail_factories import ImageFactory

    settings.conac_image = ImageFactory(title="党政机关网站标识")
    settings.save()
    footer = BeautifulSoup(client.get("/").content, "html.parser").find("footer")
    image = footer.select_one("a.conac img")
    assert image["alt"] == "党政机关网站标识" and image["height"] == "48" and image["src"].startswith("/media/images/")
    assert footer.find("a", string="kjj@example.gov.cn")["href"] == "mailto:kjj@example.gov.cn"
    text = footer.get_text(" ", strip=True)
    assert "网站标识码：2304000001" in text and "办公时间：工作日 8:30—17:00" in text

    for name in ("icp_number", "police_number", "site_code", "conac_id", "email", "office_hours", "address", "phone"):
        setattr(settings, name, "")
    settings.save()
    footer = BeautifulSoup(client.get("/").content, "html.parser").find("footer")
    # Only 主办单位 is left: no empty line, label or separator for what is not set.
    assert [p.get_text(" ", strip=True) for p in footer.select("p.site-footer__line")] == ["主办单位：测试科技局"]
    assert not footer.select("a.conac") and "网站标识码" not in footer.get_text() and "电话" not in footer.get_text()
