"""Editors create and publish every page type through the real Wagtail admin views."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from gongkai.columns.models import ColumnPage
from gongkai.disclosure.models import DocumentPage
from gongkai.news.models import ArticlePage
from gongkai.reports.models import AnnualReportPage
from tests.factories import ColumnPageFactory, TopicCategoryFactory


def add_page(client, model, parent, data):
    url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
    payload = nested_form_data({"comments": inline_formset([]), "action-publish": "publish", **data})
    return client.post(url, payload)


def assert_created(response, model, title):
    assert response.status_code == 302, response.context and response.context["form"].errors
    page = model.objects.get(title=title)
    assert page.live
    return page


@pytest.mark.django_db
def test_column_created_in_admin_appears_in_navigation(admin_client, client, home):
    response = add_page(admin_client, ColumnPage, home, {
        "title": "通知公告", "slug": "notices", "kind": "news", "intro": "本局通知。",
        "body": streamfield([]), "show_in_menus": "on",
    })
    assert_created(response, ColumnPage, "通知公告")
    assert "通知公告" in client.get("/").content.decode()


@pytest.mark.django_db
def test_article_created_in_admin_renders_and_is_listed(admin_client, client, column):
    response = add_page(admin_client, ArticlePage, column, {
        "title": "市科技局举办北药产业培训会", "slug": "training", "date": "2019-02-25", "backdate_reason": "补录 2019 年稿件", "source": "鹤岗市科学技术局",
        "author": "", "tags": "北药, 培训", "summary": "",
        "body": streamfield([("paragraph", rich_text("<p>培训会举行。</p>"))]),
        "attachments": streamfield([]),
    })
    page = assert_created(response, ArticlePage, "市科技局举办北药产业培训会")
    assert page.date == datetime.date(2019, 2, 25)
    assert "培训会举行。" in client.get("/work/training/").content.decode()
    assert "市科技局举办北药产业培训会" in client.get("/work/").content.decode()


@pytest.mark.django_db
def test_document_created_in_admin_gets_an_index_number(admin_client, client, catalogue, locale):
    topic = TopicCategoryFactory(code="11", name="科技、教育", locale=locale)
    response = add_page(admin_client, DocumentPage, catalogue, {
        "title": "技术合同认定登记一次性告知单", "slug": "contract", "index_number": "", "topic": topic.pk,
        "document_type": "other", "issuer": "鹤岗市科学技术局", "document_number": "", "written_date": "2018-02-01",
        "date": "2018-02-08", "backdate_reason": "补录", "keywords": "技术合同", "validity": "valid", "validity_note": "", "summary": "",
        "body": streamfield([]), "attachments": streamfield([]),
    })
    page = assert_created(response, DocumentPage, "技术合同认定登记一次性告知单")
    assert page.index_number == "TEST-11-2018-00001"
    listing = client.get("/policies/").content.decode()
    assert "TEST-11-2018-00001" in listing and "技术合同认定登记一次性告知单" in listing


@pytest.mark.django_db
def test_admin_refuses_a_duplicate_index_number(admin_client, catalogue):
    data = {
        "slug": "a", "index_number": "X-1", "document_type": "other", "date": "2019-01-01", "backdate_reason": "补录", "validity": "valid",
        "body": streamfield([]), "attachments": streamfield([]),
    }
    assert_created(add_page(admin_client, DocumentPage, catalogue, {**data, "title": "甲"}), DocumentPage, "甲")
    response = add_page(admin_client, DocumentPage, catalogue, {**data, "title": "乙", "slug": "b"})
    assert response.status_code == 200
    assert "已被其他文件使用" in response.content.decode()
    assert not DocumentPage.objects.filter(title="乙").exists()


@pytest.mark.django_db
def test_annual_report_created_in_admin_renders(admin_client, client, home):
    column = ColumnPageFactory(parent=home, title="政府信息公开年报", slug="work", kind="reports")
    body = streamfield([
        ("section", {"heading": "一、总体情况", "content": streamfield([("paragraph", rich_text("<p>总体情况良好。</p>"))])}),
    ])
    response = add_page(admin_client, AnnualReportPage, column, {
        "title": "2021年度政府信息公开工作年度报告", "slug": "2021", "year": "2021", "report_format": "2021",
        "issuer": "鹤岗市科学技术局", "date": "2022-01-20", "backdate_reason": "补录", "summary": "", "body": body,
    })
    assert_created(response, AnnualReportPage, "2021年度政府信息公开工作年度报告")
    html = client.get("/work/2021/").content.decode()
    assert "一、总体情况" in html and "总体情况良好。" in html
    assert "2021年度政府信息公开工作年度报告" in client.get("/work/").content.decode()


@pytest.mark.django_db
def test_admin_is_in_chinese_for_editors(admin_client, catalogue):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'lang="zh-hans"' in html
    assert "控制面板" in html
    editor = admin_client.get(reverse("wagtailadmin_pages:add", args=["gongkai_disclosure", "documentpage", catalogue.pk]))
    text = editor.content.decode()
    for label in ["索引号", "主题分类", "发布机构", "发文字号", "成文日期", "发布日期", "主题词", "有效性"]:
        assert label in text


@pytest.mark.django_db
def test_only_columns_can_be_added_under_the_home_page(home):
    assert ColumnPage.can_create_at(home)
    assert not ArticlePage.can_create_at(home)
    assert not DocumentPage.can_create_at(Page.get_first_root_node())


@pytest.mark.django_db
def test_every_page_type_opens_in_the_editor(admin_client, column):
    from tests.factories import AnnualReportPageFactory, ArticlePageFactory, DocumentPageFactory

    pages = [column, ArticlePageFactory(parent=column), DocumentPageFactory(parent=column), AnnualReportPageFactory(parent=column),
             column.get_parent()]
    for page in pages:
        assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200


@pytest.mark.django_db
def test_each_column_kind_offers_the_page_types_that_belong_in_it(admin_client, home):
    from bs4 import BeautifulSoup

    from gongkai.interaction.models import ConsultationPage

    everything = [ColumnPage, ArticlePage, DocumentPage, AnnualReportPage, ConsultationPage]
    offered_by_kind = {
        "news": {ColumnPage, ArticlePage}, "featured": {ArticlePage}, "catalogue": {ColumnPage, DocumentPage},
        "reports": {AnnualReportPage, DocumentPage}, "consultation": {ConsultationPage}, "page": {ColumnPage}, "link": set(),
    }
    for kind, offered in offered_by_kind.items():
        column = ColumnPageFactory(parent=home, title=kind, slug=kind, kind=kind, link_url="https://www.gov.cn/" if kind == "link" else "")
        for model in everything:
            url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, column.pk])
            assert (admin_client.get(url).status_code == 200) == (model in offered), (kind, model)
        if len(offered) > 1:
            # The choice names each type with a description written for editors, not "X类型的页面".
            soup = BeautifulSoup(admin_client.get(reverse("wagtailadmin_pages:add_subpage", args=[column.pk])).content, "html.parser")
            text = soup.get_text(" ")
            for model in offered:
                assert str(model.page_description) in text
            assert "类型的页面" not in text


@pytest.mark.django_db
def test_admin_stays_chinese_for_an_english_browser_but_english_is_available(admin_client, django_user_model):
    # Unprefixed URLs (the admin among them) use LANGUAGE_CODE, not Accept-Language: see cms/urls.py.
    html = admin_client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "控制面板" in html
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(django_user_model.objects.get(username="editor"))
    profile.preferred_language = "en"
    profile.save()
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'lang="en"' in html and "Dashboard" in html
