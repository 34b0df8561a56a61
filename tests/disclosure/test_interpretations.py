"""Policy documents and their 解读: linked both ways for readers (pages, catalogue, search, API, feeds, in both
languages), published together (the rule, the pair approved together in the review chain), counted from the links
in the 年度报表 and the annual report's draft, and imported by key or 索引号."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction, TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from gongkai.disclosure.models import DocumentPage, InterpretationPage
from tests.factories import ColumnPageFactory, DocumentPageFactory, InterpretationPageFactory


@pytest.fixture
def pair(home, catalogue):
    """A 行政规范性文件 in the catalogue and a 图解 of it in the 政策解读 column."""
    column = ColumnPageFactory(parent=home, title="政策解读", slug="interpretation", kind="news")
    document = DocumentPageFactory(parent=catalogue, slug="measures", title="鹤岗市科技计划项目管理办法",
                                   document_type="normative_document", document_number="鹤科规〔2019〕1号")
    interpretation = InterpretationPageFactory(parent=column, slug="graphic", title="一图读懂科技计划项目管理办法",
                                               form="graphic", documents=[document])
    return {"column": column, "document": document, "interpretation": interpretation}


def soup_of(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


# ---- readers ----------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_the_document_lists_its_interpretation_and_the_interpretation_links_back(client, pair):
    document = soup_of(client, "/policies/measures/")
    section = document.select_one("#interpretations")
    assert section.h2.get_text() == "政策解读"
    assert [(a.get_text(), a["href"]) for a in section.select("a")] == [("一图读懂科技计划项目管理办法", "/interpretation/graphic/")]
    assert section.select_one(".badge--interpretation").get_text() == "图解"
    # A reader sees that there is one before reaching the end of a long text.
    assert document.select_one(".document__interpreted a")["href"] == "#interpretations"

    page = soup_of(client, "/interpretation/graphic/")
    assert page.select_one(".badge--interpretation").get_text() == "政策解读 · 图解"
    box = page.select_one(".interpreted")
    assert box.h2.get_text() == "解读的文件"
    assert [(a.get_text(), a["href"]) for a in box.select("a")] == [("鹤岗市科技计划项目管理办法", "/policies/measures/")]
    assert "鹤科规〔2019〕1号" in box.get_text()


@pytest.mark.django_db
def test_a_draft_or_private_interpretation_is_not_shown_and_a_document_without_one_says_nothing(client, pair):
    pair["interpretation"].unpublish()
    document = soup_of(client, "/policies/measures/")
    assert document.select_one("#interpretations") is None and document.select_one(".document__interpreted") is None
    pair["interpretation"].save_revision().publish()
    PageViewRestriction.objects.create(page=pair["column"], restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert soup_of(client, "/policies/measures/").select_one("#interpretations") is None


@pytest.mark.django_db
def test_a_repealed_document_is_marked_on_its_interpretation(client, pair):
    document = pair["document"]
    document.validity, document.validity_changed = "repealed", datetime.date(2020, 1, 1)
    document.save_revision().publish()
    box = soup_of(client, "/interpretation/graphic/").select_one(".interpreted")
    assert box.select_one(".badge--repealed").get_text() == "废止"


@pytest.mark.django_db
def test_english_readers_follow_the_link_in_their_language_or_to_the_chinese_original(client, pair, catalogue):
    english = Locale.objects.create(language_code="en")
    home_en = catalogue.get_parent().copy_for_translation(english)
    home_en.save_revision().publish()
    for column in (catalogue, pair["column"]):
        column.copy_for_translation(english).save_revision().publish()
    interpretation_en = pair["interpretation"].copy_for_translation(english)
    interpretation_en.title = "The management measures in one graphic"
    interpretation_en.save_revision().publish()

    # The document is not translated yet: the English 解读 links to the Chinese one and says so.
    box = soup_of(client, "/en/interpretation/graphic/").select_one(".interpreted")
    link = box.select_one("a")
    assert (link["href"], link["lang"]) == ("/policies/measures/", "zh-hans")
    assert "(in Chinese)" in box.get_text()

    document_en = pair["document"].copy_for_translation(english)
    document_en.title = "Measures for the management of science and technology projects"
    document_en.save_revision().publish()
    box = soup_of(client, "/en/interpretation/graphic/").select_one(".interpreted")
    assert [(a.get_text(), a["href"], a.get("lang")) for a in box.select("a")] == [
        ("Measures for the management of science and technology projects", "/en/policies/measures/", None)]
    section = soup_of(client, "/en/policies/measures/").select_one("#interpretations")
    assert [(a.get_text(strip=True), a["href"]) for a in section.select("a")] == [
        ("The management measures in one graphic", "/en/interpretation/graphic/")]
    assert section.select_one(".badge--interpretation").get_text() == "Graphic"
    # The Chinese pages still link to each other.
    assert soup_of(client, "/policies/measures/").select_one("#interpretations a")["href"] == "/interpretation/graphic/"


@pytest.mark.django_db
def test_the_catalogue_and_search_mark_documents_that_have_an_interpretation(client, pair, catalogue):
    DocumentPageFactory(parent=catalogue, slug="plain", title="鹤岗市科技计划项目验收规程")
    rows = {row.select_one(".catalogue__title a").get_text(): row for row in soup_of(client, "/policies/").select(".catalogue tbody tr")}
    mark = rows["鹤岗市科技计划项目管理办法"].select_one("a.badge--interpretation")
    assert mark["href"] == "/interpretation/graphic/"
    assert mark.get_text() == "解读 · 图解《一图读懂科技计划项目管理办法》"  # the title is for screen readers only
    assert rows["鹤岗市科技计划项目验收规程"].select_one(".badge--interpretation") is None
    # A filtered catalogue (not kept between requests) marks it too.
    filtered = soup_of(client, "/policies/", q="管理办法").select(".catalogue tbody tr")
    assert [row.select_one("a.badge--interpretation")["href"] for row in filtered] == ["/interpretation/graphic/"]

    results = {item.select_one(".search-result__title a").get_text(): item
               for item in soup_of(client, "/search/", q="科技计划项目管理办法").select(".search-result")}
    document = results["鹤岗市科技计划项目管理办法"]
    assert document.select_one(".search-result__related a")["href"] == "/interpretation/graphic/"
    interpretation = results["一图读懂科技计划项目管理办法"]
    assert interpretation.select_one(".search-result__type").get_text() == "政策解读"
    assert interpretation.select_one(".search-result__related a")["href"] == "/policies/measures/"
    only = soup_of(client, "/search/", q="科技计划项目", type="interpretation").select(".search-result__title a")
    assert [a.get_text() for a in only] == ["一图读懂科技计划项目管理办法"]


@pytest.mark.django_db
def test_the_api_gives_the_links_both_ways(client, pair):
    document = client.get(f"/api/v2/pages/{pair['document'].pk}/").json()
    assert [(i["id"], i["form"], i["form_display"]) for i in document["interpretations"]] == [(pair["interpretation"].pk, "graphic", "图解")]
    assert document["interpretations"][0]["url"].endswith("/interpretation/graphic/")
    interpretation = client.get(f"/api/v2/pages/{pair['interpretation'].pk}/").json()
    assert interpretation["form"] == "graphic"
    assert [(d["id"], d["document_number"]) for d in interpretation["documents"]] == [(pair["document"].pk, "鹤科规〔2019〕1号")]
    listing = client.get("/api/v2/pages/", {"type": "gongkai_disclosure.InterpretationPage", "fields": "documents"}).json()
    assert [d["title"] for d in listing["items"][0]["documents"]] == ["鹤岗市科技计划项目管理办法"]


@pytest.mark.django_db
def test_feeds_carry_the_links(client, pair):
    from xml.etree import ElementTree

    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.fromstring(client.get("/feed/atom/").content)
    entries = {entry.findtext(f"{atom}title"): entry for entry in feed.iter(f"{atom}entry")}
    related = [link.attrib for link in entries["鹤岗市科技计划项目管理办法"].iter(f"{atom}link") if link.get("rel") == "related"]
    assert [(link["href"], link["title"]) for link in related] == [("http://localhost/interpretation/graphic/", "一图读懂科技计划项目管理办法")]
    content = BeautifulSoup(entries["一图读懂科技计划项目管理办法"].findtext(f"{atom}content"), "html.parser")
    assert content.find("a", href="http://localhost/policies/measures/").get_text() == "鹤岗市科技计划项目管理办法"
    rss = client.get("/feed/rss/").content.decode()
    assert "政策解读：" in rss and "http://localhost/interpretation/graphic/" in rss


# ---- editors ----------------------------------------------------------------------------------------------

def document_form(document, action="action-publish", **fields):
    data = {
        "title": document.title, "slug": document.slug, "date": timezone.localdate().isoformat(), "summary": "",
        "index_number": document.index_number, "topic": "", "document_type": document.document_type, "issuer": document.issuer,
        "document_number": document.document_number, "written_date": "", "keywords": "", "validity": "valid",
        "validity_note": "", "validity_changed": "", "backdate_reason": "", "interpretation_exemption": "",
        "body": streamfield([]), "attachments": streamfield([]), "comments": inline_formset([]),
    }
    data.update(fields)
    data = nested_form_data(data)
    data[action] = "1"
    return data


def interpretation_form(documents, action="action-publish", title="科技计划项目管理办法解读", existing=(), **fields):
    """existing: the page's current links, sent back as the editor's browser does (to keep or, with DELETE, drop)."""
    data = {
        "title": title, "slug": "", "date": timezone.localdate().isoformat(), "form": "qa", "source": "", "interpreter": "",
        "summary": "", "backdate_reason": "", "pinned_until": "",
        "body": streamfield([("question_answer", {"question": "适用于哪些项目？", "answer": rich_text("<p>本市财政资金支持的科技计划项目。</p>")})]),
        "attachments": streamfield([]), "comments": inline_formset([]),
        "interpreted_documents": inline_formset(
            [{"id": link.pk, "document": link.document_id, "DELETE": "" if link.document in documents else "1"} for link in existing]
            + [{"document": document.pk} for document in documents if document.pk not in {link.document_id for link in existing}],
            initial=len(existing), min=1),
    }
    data.update(fields)
    data = nested_form_data(data)
    data[action] = "1"
    return data


@pytest.mark.django_db
def test_publishing_a_normative_document_asks_for_its_interpretation_or_the_reason(admin_client, home, catalogue):
    document = DocumentPageFactory(parent=catalogue, slug="new", title="关于印发科技企业孵化器认定办法的通知",
                                   document_type="normative_document", live=False)
    edit = reverse("wagtailadmin_pages:edit", args=[document.pk])
    response = admin_client.post(edit, document_form(document))
    assert response.status_code == 200
    assert "行政规范性文件应与解读同步发布" in response.content.decode()
    assert not DocumentPage.objects.get(pk=document.pk).live
    # Saving a draft is always allowed.
    assert admin_client.post(edit, document_form(document, action="action-save")).status_code == 302

    # The reason is recorded and shown in the API.
    response = admin_client.post(edit, document_form(document, interpretation_exemption="仅修改个别文字，原解读仍然适用"))
    assert response.status_code == 302
    document = DocumentPage.objects.get(pk=document.pk)
    assert document.live and document.interpretation_exemption == "仅修改个别文字，原解读仍然适用"


@pytest.mark.django_db
def test_a_major_policy_needs_one_too_and_other_documents_do_not(admin_client, catalogue):
    other = DocumentPageFactory(parent=catalogue, slug="other", document_type="other", live=False)
    assert admin_client.post(reverse("wagtailadmin_pages:edit", args=[other.pk]), document_form(other)).status_code == 302
    major = DocumentPageFactory(parent=catalogue, slug="major", document_type="other", live=False)
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[major.pk]), document_form(major, major_policy="on"))
    assert "重大政策文件应与解读同步发布" in response.content.decode()


@pytest.mark.django_db
def test_a_new_interpretation_starts_from_the_document_and_a_draft_one_lets_it_publish(admin_client, home, catalogue):
    ColumnPageFactory(parent=home, title="工作动态", slug="work", kind="news")
    column = ColumnPageFactory(parent=home, title="政策解读", slug="interpretation", kind="news")
    document = DocumentPageFactory(parent=catalogue, slug="new", title="科技企业孵化器认定办法", document_type="normative_document", live=False)
    edit = reverse("wagtailadmin_pages:edit", args=[document.pk])
    panel = BeautifulSoup(admin_client.get(edit).content, "html.parser").select_one(".interpretations-panel")
    assert "还没有解读本文件的页面" in panel.get_text()
    button = panel.select_one("a.button")
    assert button.get_text(strip=True) == "新建解读"
    start = button["href"]

    form = BeautifulSoup(admin_client.get(start).content, "html.parser")
    assert form.select_one("#id_title")["value"] == "《科技企业孵化器认定办法》政策解读"
    # Every list column the editor may use is offered, in tree order while none holds a 解读.
    assert [option.get_text() for option in form.select("#id_column option")] == ["工作动态", "政策解读"]
    response = admin_client.post(start, {"column": column.pk, "form": "qa", "title": "《科技企业孵化器认定办法》政策解读"})
    interpretation = InterpretationPage.objects.get()
    assert response.url == reverse("wagtailadmin_pages:edit", args=[interpretation.pk])
    assert not interpretation.live and interpretation.get_parent().pk == column.pk
    assert [link.document_id for link in interpretation.interpreted_documents.all()] == [document.pk]
    # The next one is offered the column that holds 解读 first.
    options = BeautifulSoup(admin_client.get(start).content, "html.parser").select("#id_column option")
    assert [option.get_text() for option in options] == ["政策解读", "工作动态"]

    panel = BeautifulSoup(admin_client.get(edit).content, "html.parser").select_one(".interpretations-panel")
    assert "《科技企业孵化器认定办法》政策解读（问答，草稿）" in panel.get_text(" ", strip=True).replace(" ", "")
    # With its 解读 under way, the document may go out; the editor is told the 解读 is still a draft.
    response = admin_client.post(edit, document_form(document), follow=True)
    assert DocumentPage.objects.get(pk=document.pk).live
    assert any("还是草稿" in str(message) for message in get_messages(response.wsgi_request))
    # The draft 解读 is not shown to readers until it is published.
    assert "interpretations" not in admin_client.get("/policies/new/").content.decode()


@pytest.mark.django_db
def test_a_draft_that_dropped_the_link_no_longer_counts(admin_client, home, catalogue):
    column = ColumnPageFactory(parent=home, title="政策解读", slug="interpretation", kind="news")
    document = DocumentPageFactory(parent=catalogue, slug="new", document_type="normative_document", live=False)
    other = DocumentPageFactory(parent=catalogue, slug="other")
    interpretation = InterpretationPageFactory(parent=column, slug="i", documents=[document], live=False)
    edit = reverse("wagtailadmin_pages:edit", args=[interpretation.pk])
    links = list(interpretation.interpreted_documents.all())
    assert admin_client.post(edit, interpretation_form([other], action="action-save", slug="i", existing=links)).status_code == 302
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[document.pk]), document_form(document))
    assert "行政规范性文件应与解读同步发布" in response.content.decode()


@pytest.mark.django_db
def test_an_interpretation_names_at_least_one_document_each_once(admin_client, pair):
    add = reverse("wagtailadmin_pages:add", args=["gongkai_disclosure", "interpretationpage", pair["column"].pk])
    response = admin_client.post(add, interpretation_form([]))
    assert response.status_code == 200 and InterpretationPage.objects.count() == 1
    response = admin_client.post(add, interpretation_form([pair["document"], pair["document"]]))
    assert "这份文件已经选过了" in response.content.decode() and InterpretationPage.objects.count() == 1
    response = admin_client.post(add, interpretation_form([pair["document"]]))
    assert response.status_code == 302
    page = InterpretationPage.objects.exclude(pk=pair["interpretation"].pk).get()
    assert page.live and page.slug  # a readable slug from the title
    assert len(soup_of(admin_client, "/policies/measures/").select("#interpretations li")) == 2


@pytest.mark.django_db
def test_an_interpretation_is_offered_only_in_list_columns(admin_client, pair, catalogue):
    assert admin_client.get(reverse("wagtailadmin_pages:add", args=["gongkai_disclosure", "interpretationpage", pair["column"].pk])).status_code == 200
    assert admin_client.get(reverse("wagtailadmin_pages:add", args=["gongkai_disclosure", "interpretationpage", catalogue.pk])).status_code in (302, 403)


@pytest.mark.django_db
def test_only_an_editor_of_the_document_may_start_its_interpretation(client, bureau):
    document = DocumentPageFactory(parent=bureau["laws"], slug="d", document_type="normative_document")
    start = reverse("disclosure_new_interpretation", args=[document.pk])
    client.force_login(bureau["editor"])  # 综合科: not the owner of the catalogue
    assert client.get(start).status_code in (302, 403)
    client.force_login(bureau["other_editor"])  # 政策法规科 owns it, but has no list column to publish a 解读 in
    assert "您没有可以发布解读的栏目" in client.get(start).content.decode()
    assert client.post(start, {"column": bureau["news"].pk, "form": "text", "title": "x"}).status_code == 200
    assert not InterpretationPage.objects.exists()


@pytest.mark.django_db
def test_the_review_chain_approves_the_pair_together(client, bureau):
    from django.contrib.auth.models import Group

    laws, news = bureau["laws"], bureau["news"]
    # One department owns both columns here, so one head reviews both.
    news.department = bureau["policy"]
    news.save_revision().publish()
    editor = bureau["other_editor"]
    client.force_login(editor)
    document = DocumentPageFactory(parent=laws, slug="d", title="科技企业孵化器认定办法", document_type="normative_document", live=False)
    interpretation = InterpretationPageFactory(parent=news, slug="i", documents=[document], live=False)
    assert client.post(reverse("wagtailadmin_pages:edit", args=[interpretation.pk]),
                       interpretation_form([document], action="action-submit", slug="i",
                                           existing=interpretation.interpreted_documents.all())).status_code == 302
    assert client.post(reverse("wagtailadmin_pages:edit", args=[document.pk]), document_form(document, action="action-submit")).status_code == 302
    head = bureau["other_head"]
    head.groups.add(Group.objects.get(name="办公室审核"))

    def approve(page, user):
        page.refresh_from_db()
        state = page.current_workflow_state.current_task_state
        client.force_login(user)
        client.post(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk]), {"comment": ""})
        return state.task.name

    def step(page):
        page.refresh_from_db()
        state = page.current_workflow_state
        return state.current_task_state.task.name if state else None

    assert approve(document, head) == "科室审核"
    assert step(interpretation) == "办公室审核", "approved with its document"
    paired = TaskState.objects.filter(status="approved", comment__contains="一同审核通过").get()
    assert paired.finished_by == head and "科技企业孵化器认定办法" in paired.comment
    assert approve(interpretation, bureau["office"]) == "办公室审核"  # from the 解读's side this time
    assert step(document) == "领导签发"
    assert approve(document, bureau["leader"]) == "领导签发"
    document.refresh_from_db()
    interpretation.refresh_from_db()
    assert document.live and interpretation.live
    assert soup_of(client, "/laws/d/").select_one("#interpretations a")["href"] == "/work/i/"


@pytest.mark.django_db
def test_a_reviewer_who_may_not_approve_the_pair_approves_only_their_own(client, bureau):
    laws, news = bureau["laws"], bureau["news"]
    document = DocumentPageFactory(parent=laws, slug="d", document_type="normative_document", live=False)
    interpretation = InterpretationPageFactory(parent=news, slug="i", documents=[document], live=False)
    interpretation.save_revision()
    document.save_revision()
    from wagtail.models import Workflow

    from gongkai.governance.setup import WORKFLOW_NAME

    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    workflow.start(interpretation, bureau["editor"])
    workflow.start(document, bureau["other_editor"])
    state = document.current_workflow_state.current_task_state
    client.force_login(bureau["other_head"])  # heads 政策法规科 (the document), not 综合科 (the 解读)
    client.post(reverse("wagtailadmin_pages:workflow_action", args=[document.pk, "approve", state.pk]), {"comment": ""})
    interpretation.refresh_from_db()
    assert interpretation.current_workflow_state.current_task_state.task.name == "科室审核"


@pytest.mark.django_db
def test_deleting_a_document_leaves_its_interpretation_working(client, pair):
    interpretation = pair["interpretation"]
    revision = interpretation.save_revision()
    pair["document"].delete()
    revision.publish()
    page = soup_of(client, "/interpretation/graphic/")
    assert page.select_one(".interpreted") is None and page.h1.get_text() == "一图读懂科技计划项目管理办法"


# ---- counts ----------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_the_website_report_counts_interpretations_by_form(home, pair):
    from wagtail.models import Site

    from gongkai.reports.website_report import website_report

    column, document = pair["column"], pair["document"]
    for n, form in enumerate(["text", "qa", "video", "commentary"]):
        InterpretationPageFactory(parent=column, slug=f"x{n}", form=form, documents=[document])
    InterpretationPageFactory(parent=column, slug="old", form="text", date=datetime.date(2018, 5, 1), documents=[document])
    InterpretationPageFactory(parent=column, slug="draft", form="text", live=False, documents=[document])
    # An article in a column called 解读 is not a 解读: only the links count.
    from tests.factories import ArticlePageFactory

    ArticlePageFactory(parent=ColumnPageFactory(parent=home, title="解读回应", slug="jd"), date=datetime.date(2019, 3, 1))
    rows = {item: value for area, item, value in website_report(Site.objects.get(is_default_site=True), 2019) if area == "解读回应"}
    assert rows == {"解读信息发布总数（条）": 5, "其中：解读材料数量（条）": 2, "解读产品数量（个）": 2,
                    "媒体评论文章数量（篇）": 1, "回应公众关注热点或重大舆情数量（次）": None}


@pytest.mark.django_db
def test_the_annual_report_draft_counts_interpretations_and_documents_that_went_out_with_one(home, pair, catalogue):
    from gongkai.core.models import SiteSettings
    from gongkai.reports.drafts import draft_next_report

    settings = SiteSettings.objects.get()
    settings.organiser = "鹤岗市科学技术局"
    settings.save()
    DocumentPageFactory(parent=catalogue, slug="exempt", document_type="normative_document",
                        interpretation_exemption="仅修改个别文字")
    DocumentPageFactory(parent=catalogue, slug="none", document_type="normative_document")
    reports = ColumnPageFactory(parent=home, title="年报", slug="reports", kind="reports")
    report = draft_next_report(reports, year=2019)
    first = report.body[0].value
    assert first["heading"] == "一、总体情况"
    text = BeautifulSoup(str(first["content"][0].value), "html.parser").get_text()
    assert text == "（一）政策解读。2019 年发布政策解读 1 篇，其中图解 1 篇；本年制发行政规范性文件 3 件，1 件同步发布了解读，1 件说明了无需解读的理由。"
    assert "“同步发布了解读”= 有已发布的解读选择了该文件" in report.prefill_sources


# ---- import -----------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_import_links_by_key_or_index_number_and_refuses_an_unknown_document(home, catalogue):
    from gongkai.importer.service import ContentImporter

    ColumnPageFactory(parent=home, title="政策解读", slug="interpretation", kind="news")
    lines = [
        {"type": "document", "key": "doc-1", "parent": "/policies/", "title": "科技企业孵化器认定办法", "document_type": "normative_document",
         "index_number": "TEST-11-2019-00007"},
        {"type": "document", "key": "doc-2", "parent": "/policies/", "title": "众创空间备案办法", "major_policy": True},
        {"type": "interpretation", "key": "jd-1", "parent": "/interpretation/", "title": "孵化器认定办法问答", "form": "问答",
         "interpreter": "成果转化科", "documents": ["TEST-11-2019-00007", "doc-2"],
         "body": [{"type": "question_answer", "value": {"question": "谁来认定？", "answer": "<p>市科技局。</p>"}}]},
        {"type": "interpretation", "key": "jd-2", "parent": "/interpretation/", "title": "不存在的文件的解读", "documents": ["doc-404"]},
        {"type": "interpretation", "key": "jd-3", "parent": "/interpretation/", "title": "没有文件的解读"},
        {"type": "interpretation", "key": "jd-4", "parent": "/interpretation/", "title": "解读一个栏目", "documents": ["column:x"]},
    ]
    from gongkai.importer.models import ImportedPage

    ImportedPage.objects.create(key="column:x", page=Page.objects.get(slug="interpretation"))
    result = ContentImporter().run([json.dumps(line, ensure_ascii=False) for line in lines])
    assert (result.created, result.failed) == (3, 3)
    messages = dict(result.errors)
    assert messages[4] == "找不到所解读的文件“doc-404”：应为已导入文件的 key 或索引号"
    assert "documents" in messages[5]
    assert "不是公开文件" in messages[6]
    assert InterpretationPage.objects.count() == 1
    interpretation = InterpretationPage.objects.get()
    assert (interpretation.form, interpretation.interpreter, interpretation.live) == ("qa", "成果转化科", True)
    assert [link.document.title for link in interpretation.interpreted_documents.all()] == ["科技企业孵化器认定办法", "众创空间备案办法"]
    assert DocumentPage.objects.get(title="众创空间备案办法").major_policy

    # Re-importing with another document list replaces the links.
    lines[2]["documents"] = ["doc-2"]
    result = ContentImporter().run([json.dumps(lines[2], ensure_ascii=False)])
    assert result.updated == 1
    assert [link.document.title for link in InterpretationPage.objects.get().interpreted_documents.all()] == ["众创空间备案办法"]


@pytest.mark.django_db
def test_sending_a_document_for_review_while_its_interpretation_is_a_draft_asks_to_send_both(client, bureau):
    document = DocumentPageFactory(parent=bureau["laws"], slug="d", document_type="normative_document", live=False)
    InterpretationPageFactory(parent=bureau["news"], slug="i", title="孵化器认定办法解读", documents=[document], live=False)
    client.force_login(bureau["other_editor"])
    response = client.post(reverse("wagtailadmin_pages:edit", args=[document.pk]), document_form(document, action="action-submit"),
                           follow=True)
    assert DocumentPage.objects.get(pk=document.pk).workflow_in_progress
    warnings = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("《孵化器认定办法解读》还是草稿：请把它也送审" in message for message in warnings), warnings
