"""The managed word list blocks or warns on publish and names the word and where it is; back-dating needs a reason
that lands in the page's history."""

import io

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from gongkai.governance.models import SensitiveWord
from gongkai.news.models import ArticlePage
from tests.factories import ArticlePageFactory, ColumnPageFactory
from tests.helpers import add_url, article_form


@pytest.fixture
def words(db):
    SensitiveWord.objects.create(word="绝密", action="block")
    SensitiveWord.objects.create(word="内部资料", action="warn")
    SensitiveWord.objects.create(word="国物院", action="misspelling", suggestion="国务院")


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


@pytest.mark.django_db
def test_a_forbidden_word_blocks_publishing_and_says_where(admin_client, column, words):
    response = admin_client.post(add_url(column), article_form(body="<p>本文件属于绝密级别，请勿外传。</p>", action="action-publish"))
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert errors == ["“正文”中含有禁用词“绝密”：…本文件属于绝密级别，请勿外传。…"]
    assert not ArticlePage.objects.exists()
    # The check also runs on the title, and in Traditional or full-width forms of the word.
    response = admin_client.post(add_url(column), article_form(title="關於絕密文件的說明", action="action-publish"))
    assert response.context["form"].non_field_errors() == ["“标题”中含有禁用词“绝密”：…關於絕密文件的說明…"]


@pytest.mark.django_db
def test_a_draft_with_a_forbidden_word_can_be_saved_but_not_submitted(admin_client, column, words):
    response = admin_client.post(add_url(column), article_form(body="<p>绝密</p>", action="action-save-draft"))
    assert response.status_code == 302
    page = ArticlePage.objects.get()
    assert not page.live
    data = article_form(body="<p>绝密</p>", action="action-publish")
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200 and not ArticlePage.objects.get().live


@pytest.mark.django_db
def test_sensitive_words_and_misspellings_warn_but_publish(admin_client, column, words):
    data = article_form(body="<p>根据国物院要求，现将内部资料公开如下。</p>", action="action-publish")
    response = admin_client.post(add_url(column), data, follow=True)
    assert ArticlePage.objects.get().live
    texts = messages_of(response)
    assert any("“正文”中有常见错误“国物院”，应为“国务院”" in t for t in texts)
    assert any("“正文”中有敏感词“内部资料”，请确认" in t for t in texts)


@pytest.mark.django_db
def test_the_word_list_is_edited_in_the_admin(admin_client, words):
    url = reverse("wagtailsnippets_gongkai_governance_sensitiveword:add")
    response = admin_client.post(url, {"word": "机密", "action": "block", "suggestion": "", "note": ""})
    assert response.status_code == 302 and SensitiveWord.objects.filter(word="机密").exists()
    listing = admin_client.get(reverse("wagtailsnippets_gongkai_governance_sensitiveword:list")).content.decode()
    assert "国物院" in listing and "国务院" in listing


@pytest.mark.django_db
def test_back_dating_needs_a_reason_recorded_in_the_history(admin_client, column, days_ago):
    response = admin_client.post(add_url(column), article_form(date=days_ago(30), action="action-publish"))
    assert response.status_code == 200
    assert response.context["form"].errors["backdate_reason"] == [
        f"发布日期 {days_ago(30).isoformat()} 早于今天 7 天以上，请说明补发原因"]
    assert not ArticlePage.objects.exists()
    data = article_form(date=days_ago(30), action="action-publish", backdate_reason="补录 10 月份会议纪要")
    assert admin_client.post(add_url(column), data).status_code == 302
    page = ArticlePage.objects.get()
    entry = PageLogEntry.objects.get(page=page, action="gongkai.backdate")
    assert entry.data == {"date": days_ago(30).isoformat(), "reason": "补录 10 月份会议纪要"}
    assert entry.user.username == "editor"
    history = admin_client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "补发" in history


@pytest.mark.django_db
def test_recent_dates_and_unchanged_old_dates_need_no_reason(admin_client, column, days_ago):
    assert admin_client.post(add_url(column), article_form(date=days_ago(7), action="action-publish")).status_code == 302
    old = ArticlePageFactory(parent=column, slug="old", date=days_ago(400))
    data = article_form(title="修改旧稿的标题", slug="old", date=days_ago(400), action="action-publish")
    assert admin_client.post(reverse("wagtailadmin_pages:edit", args=[old.pk]), data).status_code == 302
    assert ArticlePage.objects.get(pk=old.pk).title == "修改旧稿的标题"
    assert not PageLogEntry.objects.filter(action="gongkai.backdate").exists()


@pytest.mark.django_db
def test_the_limit_is_a_site_setting(admin_client, column, home, days_ago):
    from gongkai.core.models import SiteSettings

    SiteSettings.objects.filter(site__root_page=home).update(backdate_days=60)
    assert admin_client.post(add_url(column), article_form(date=days_ago(30), action="action-publish")).status_code == 302


@pytest.mark.django_db
def test_website_annual_report_counts_from_the_site(admin_client, home, column, catalogue):
    import datetime

    from openpyxl import load_workbook

    from tests.factories import DocumentPageFactory

    for day in (1, 2, 3):
        ArticlePageFactory(parent=column, slug=f"a{day}", date=datetime.date(2025, 3, day))
    ArticlePageFactory(parent=column, slug="older", date=datetime.date(2024, 3, 1))
    DocumentPageFactory(parent=catalogue, slug="d1", date=datetime.date(2025, 5, 1), written_date=None)
    page = admin_client.get(reverse("reports_website_report"), {"year": "2025"}).content.decode()
    assert "政府网站工作年度报表" in page
    rows = [[c.value for c in row] for row in load_workbook(io.BytesIO(admin_client.get(
        reverse("reports_website_report"), {"year": "2025", "export": "xlsx"}).content)).active.iter_rows()]
    assert ["信息发布", "总数（条）", 4] in rows
    assert ["信息发布", "政务动态信息更新量（条）", 3] in rows
    assert ["信息发布", "信息公开目录信息更新量（条）", 1] in rows
    assert ["各一级栏目发布量", "工作动态", 3] in rows
    assert ["互动交流", "收到留言数量（条）", 0] in rows  # from the mailbox
    assert admin_client.get(reverse("reports_website_report"), {"year": "abc"}).status_code == 200


@pytest.mark.django_db
def test_an_old_draft_published_late_is_back_dated_for_every_listed_type(admin_client, home, column, days_ago):
    """Only a page already live with its date keeps it without a reason: a draft written long ago (or a generated
    annual report dated 31 January) needs a 补发说明 when it goes out months later."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    from gongkai.reports.drafts import draft_next_report
    from gongkai.reports.models import AnnualReportPage
    from tests.helpers import balanced

    old = ArticlePageFactory(parent=column, slug="old-draft", date=days_ago(120), live=False)
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[old.pk]),
                                 article_form(slug="old-draft", date=days_ago(120), action="action-publish"))
    assert "backdate_reason" in response.context["form"].errors
    assert not ArticlePage.objects.get(pk=old.pk).live

    reports = ColumnPageFactory(parent=home, title="年报", slug="annual", kind="news")
    draft = draft_next_report(reports, year=days_ago(0).year - 2)
    data = nested_form_data({
        "title": draft.title, "slug": draft.slug, "year": str(draft.year), "report_format": "2021", "issuer": "测试科技局",
        "date": draft.date.isoformat(), "backdate_reason": "", "summary": "", "comments": inline_formset([]), "action-publish": "publish",
        "body": streamfield([("section", {"heading": "三、收到和处理政府信息公开申请情况",
                                          "content": streamfield([("applications_table", balanced())])})]),
    })
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)
    assert response.context["form"].errors["backdate_reason"] == [
        f"发布日期 {draft.date.isoformat()} 早于今天 7 天以上，请说明补发原因"]
    data["backdate_reason"] = "年报草稿迟发"
    assert admin_client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data).status_code == 302
    assert AnnualReportPage.objects.get(pk=draft.pk).live
    assert PageLogEntry.objects.get(page=draft, action="gongkai.backdate").data["reason"] == "年报草稿迟发"
