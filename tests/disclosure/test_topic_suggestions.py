"""主题分类 suggested from a document's title, issuer and 文种, shown with its reason, confirmed by an editor."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from gongkai.disclosure.classification import RULES, suggest_topic
from gongkai.disclosure.models import DocumentPage
from gongkai.disclosure.topics import DEFAULT_TOPICS, ensure_default_topics
from tests.factories import DocumentPageFactory


@pytest.fixture
def topics(locale):
    ensure_default_topics(locale)


@pytest.mark.parametrize("title, issuer, code", [
    ("社会保险法", "", "15"),  # not 04 for 保险
    ("军人抚恤优待条例", "", "17"),  # not 21 for 军人
    ("食品安全法实施条例", "", "09"),
    ("专利代理条例", "", "11"),
    ("关于开展2019年度科技型中小企业评价工作的通知", "", "11"),
    ("中国公民因私事往来香港地区或者澳门地区的暂行管理办法", "", "20"),
    ("行政复议法实施条例", "", "02"),
    ("关于印发管理办法的通知", "公安部", "16"),  # the issuer decides when the title does not
])
def test_the_rules_suggest_the_topic_a_person_would(title, issuer, code):
    assert suggest_topic(title, issuer).code == code


@translation.override("zh-hans")
def test_a_suggestion_says_why_and_every_rule_names_a_real_topic():
    suggestion = suggest_topic("食品安全法", "")
    assert suggestion.reason == "标题含“食品安全”“食品”"
    assert suggest_topic("关于印发制度的通知", "", "normative_document").reason == "文种为行政规范性文件"
    assert suggest_topic("某某规定", "").code == "22"
    codes = dict(DEFAULT_TOPICS)
    assert all(rule.code in codes for rule in RULES)


@pytest.mark.django_db
def test_a_new_document_without_topic_gets_the_suggestion_unconfirmed(client, catalogue, topics):
    document = DocumentPageFactory(parent=catalogue, title="科学技术普及法", topic=None)
    assert (document.topic.code, document.topic_confirmed, document.topic_reason) == ("11", False, "标题含“科学技术”“技术”")
    assert document.index_number.startswith("TEST-11-")  # the 索引号 carries the topic's code
    # The topic filter of the catalogue now finds it.
    soup = BeautifulSoup(client.get("/policies/", {"topic": document.topic.pk}).content, "html.parser")
    assert [a.get_text() for a in soup.select(".catalogue__title a")] == ["科学技术普及法"]


@pytest.mark.django_db
def test_an_editor_confirms_or_changes_the_suggestion(admin_client, catalogue, topics):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    document = DocumentPageFactory(parent=catalogue, title="科学技术普及法", topic=None)
    document.save_revision().publish()
    edit = reverse("wagtailadmin_pages:edit", args=[document.pk])
    html = admin_client.get(edit).content.decode()
    assert "系统按规则建议（标题含“科学技术”“技术”），请核对后勾选“主题分类已确认”，或改选" in html

    review = admin_client.get(reverse("disclosure_topic_review")).content.decode()
    assert "科学技术普及法" in review and "标题含“科学技术”“技术”" in review and "有 1 件文件" in review

    culture = document.topic.__class__.objects.get(code="12", locale=document.locale)
    data = nested_form_data({
        "title": document.title, "slug": document.slug, "date": "2019-01-10", "summary": "", "index_number": document.index_number,
        "topic": culture.pk, "document_type": "law", "issuer": "全国人民代表大会常务委员会", "document_number": "",
        "written_date": "2019-01-05", "keywords": "", "validity": "valid", "validity_note": "", "validity_changed": "",
        "backdate_reason": "", "body": streamfield([]), "attachments": streamfield([]), "comments-TOTAL_FORMS": 0,
        "comments-INITIAL_FORMS": 0, "comments-MIN_NUM_FORMS": 0, "comments-MAX_NUM_FORMS": 1000,
        "action-publish": "1",
    })
    response = admin_client.post(edit, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    document = DocumentPage.objects.get(pk=document.pk)
    assert (document.topic.code, document.topic_confirmed, document.topic_reason) == ("12", True, "")
    assert "有 0 件文件" in admin_client.get(reverse("disclosure_topic_review")).content.decode()
