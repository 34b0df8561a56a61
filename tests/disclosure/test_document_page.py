import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from gongkai.disclosure.models import DocumentPage, IndexNumberSequence
from tests.factories import DocumentPageFactory, TopicCategoryFactory


@pytest.mark.django_db
def test_index_number_is_generated_from_agency_topic_year_and_serial(catalogue, locale):
    topic = TopicCategoryFactory(code="11", name="科技、教育", locale=locale)
    first = DocumentPageFactory(parent=catalogue, topic=topic, written_date=datetime.date(2019, 1, 5))
    second = DocumentPageFactory(parent=catalogue, topic=topic, written_date=datetime.date(2019, 3, 1), date=datetime.date(2019, 3, 2))
    # Nothing in its title or 发布机构 suggests a topic (and there is no 其他 here): 00, unclassified.
    unclassified = DocumentPageFactory(parent=catalogue, topic=None, written_date=datetime.date(2018, 6, 1), date=datetime.date(2018, 6, 2),
                                       issuer="某局")
    assert first.index_number == "TEST-11-2019-00001"
    assert second.index_number == "TEST-11-2019-00002"
    assert unclassified.index_number == "TEST-00-2018-00001"


@pytest.mark.django_db
def test_index_numbers_are_unique_across_many_documents(catalogue):
    numbers = [DocumentPageFactory(parent=catalogue).index_number for _ in range(30)]
    assert len(set(numbers)) == 30
    assert all(re.fullmatch(r"TEST-00-2019-\d{5}", n) for n in numbers)


@pytest.mark.django_db
def test_index_number_does_not_change_when_the_document_is_edited(catalogue, locale):
    document = DocumentPageFactory(parent=catalogue)
    number = document.index_number
    document.topic = TopicCategoryFactory(code="11", locale=locale)
    document.written_date = datetime.date(2010, 1, 1)
    document.save()
    document.refresh_from_db()
    assert document.index_number == number


@pytest.mark.django_db
def test_a_duplicate_index_number_is_refused(catalogue):
    existing = DocumentPageFactory(parent=catalogue)
    with pytest.raises(ValidationError) as error:
        DocumentPageFactory(parent=catalogue, index_number=existing.index_number)
    assert "索引号" in str(error.value)
    assert DocumentPage.objects.filter(index_number=existing.index_number).count() == 1


@pytest.mark.django_db
def test_a_copy_gets_a_new_index_number(catalogue):
    original = DocumentPageFactory(parent=catalogue, slug="original")
    copy = original.copy(update_attrs={"slug": "copy", "title": "副本"})
    assert copy.index_number and copy.index_number != original.index_number


@pytest.mark.django_db
def test_a_translation_shares_the_index_number(catalogue):
    from wagtail.models import Locale

    english = Locale.objects.create(language_code="en")
    home_en = catalogue.get_parent().copy_for_translation(english)
    catalogue.copy_for_translation(english)
    document = DocumentPageFactory(parent=catalogue)
    translation = document.copy_for_translation(english)
    assert home_en.locale == english
    assert translation.index_number == document.index_number
    assert IndexNumberSequence.objects.get().last_value == 1


@pytest.mark.django_db
def test_document_page_shows_all_disclosure_metadata(client, catalogue, locale):
    topic = TopicCategoryFactory(code="11", name="科技、教育", locale=locale)
    DocumentPageFactory(
        parent=catalogue, slug="rules", title="科技局政务公开评议制度", topic=topic, document_type="normative_document",
        document_number="鹤科发〔2019〕1号", keywords="政务公开 评议", issuer="鹤岗市科学技术局",
        written_date=datetime.date(2018, 12, 28), date=datetime.date(2019, 1, 2),
    )
    soup = BeautifulSoup(client.get("/policies/rules/").content, "html.parser")
    meta = {th.get_text(): th.find_next_sibling("td").get_text(strip=True) for th in soup.select(".doc-meta th")}
    assert meta == {
        "索引号": "TEST-11-2018-00001", "主题分类": "科技、教育", "发布机构": "鹤岗市科学技术局", "文种": "行政规范性文件",
        "成文日期": "2018-12-28", "发布日期": "2019-01-02", "名称": "科技局政务公开评议制度",
        "发文字号": "鹤科发〔2019〕1号", "有效性": "有效", "主题词": "政务公开 评议",
    }
    assert soup.select_one(".notice--expired, .notice--repealed") is None


@pytest.mark.django_db
def test_a_repealed_document_stays_online_and_says_so(client, catalogue):
    DocumentPageFactory(parent=catalogue, slug="old", title="旧办法", validity="repealed", validity_note="已被新办法废止")
    response = client.get("/policies/old/")
    assert response.status_code == 200
    notice = BeautifulSoup(response.content, "html.parser").select_one(".notice").get_text(" ", strip=True)
    assert "本文件已废止" in notice and "已被新办法废止" in notice
    row = BeautifulSoup(client.get("/policies/").content, "html.parser").find("a", string="旧办法").find_parent("tr")
    assert "废止" in row.get_text()


@pytest.mark.django_db
def test_the_repeal_date_is_shown_and_only_allowed_on_documents_out_of_force(client, catalogue):
    from django.core.exceptions import ValidationError

    page = DocumentPageFactory(parent=catalogue, slug="old", title="旧办法", validity="repealed",
                               written_date=datetime.date(2019, 1, 1), validity_changed=datetime.date(2022, 3, 1))
    notice = BeautifulSoup(client.get("/policies/old/").content, "html.parser").select_one(".notice").get_text(" ", strip=True)
    assert "本文件自 2022-03-01 起废止" in notice
    page.validity = "valid"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "有效的文件没有失效/废止日期" in str(error.value)
    page.validity, page.validity_changed = "repealed", datetime.date(2018, 1, 1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "失效/废止日期不能早于成文日期" in str(error.value)


@pytest.mark.django_db
def test_catalogue_lists_metadata_columns_and_filters(client, catalogue, locale):
    topic = TopicCategoryFactory(code="11", name="科技、教育", locale=locale)
    DocumentPageFactory(parent=catalogue, title="甲文件", topic=topic, document_number="鹤科发〔2019〕1号")
    # 发布机构 names no topic's words, so no 主题分类 is suggested for it.
    DocumentPageFactory(parent=catalogue, title="乙文件", validity="expired", date=datetime.date(2017, 5, 1), written_date=None,
                        issuer="某局")
    soup = BeautifulSoup(client.get("/policies/").content, "html.parser")
    assert [th.get_text() for th in soup.select("table.catalogue thead th")] == ["索引号", "名称", "发文字号", "成文日期", "发布日期"]

    def listed(query):
        page = BeautifulSoup(client.get("/policies/" + query).content, "html.parser")
        return [a.get_text() for a in page.select("table.catalogue tbody td a")]

    assert listed("") == ["甲文件", "乙文件"]
    assert listed(f"?topic={topic.pk}") == ["甲文件"]
    assert listed("?validity=expired") == ["乙文件"]
    assert listed("?year=2017") == ["乙文件"]
    assert listed("?q=鹤科发") == ["甲文件"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", [
    "?year=99999999999999", "?year=abc", "?topic=abc", "?validity=<script>", "?page=-1", "?q=" + "长" * 10000,
    "?q=%27%20OR%201%3D1--", "?q=😀", "?year=1e400",
])
def test_catalogue_survives_bad_filter_input(client, catalogue, query):
    DocumentPageFactory(parent=catalogue, title="甲文件")
    response = client.get("/policies/" + query)
    assert response.status_code == 200
    assert b"<script>" not in response.content.split(b"</head>")[1]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?q=a%00b", "?validity=%00", "?topic=%00"])
def test_catalogue_filters_with_nul_get_a_400_that_says_so(client, catalogue, query):
    response = client.get("/policies/" + query)
    assert response.status_code == 400 and "控制字符" in response.content.decode()


@pytest.mark.django_db
def test_catalogue_topic_filter_lists_a_new_topic_on_the_next_visit_and_filters_by_it(client, catalogue, locale):
    # The topic list is kept per worker until something shown changes (gongkai/disclosure/filters.py).
    science = TopicCategoryFactory(code="11", name="科技、教育", locale=locale)
    DocumentPageFactory(parent=catalogue, title="科技文件", topic=science)

    def topics():
        soup = BeautifulSoup(client.get(catalogue.url).content, "html.parser")
        return [option.get_text() for option in soup.select("select[name=topic] option")]

    assert topics() == ["全部", "11 科技、教育"]
    health = TopicCategoryFactory(code="12", name="卫生、体育", locale=locale)
    assert topics() == ["全部", "11 科技、教育", "12 卫生、体育"]
    DocumentPageFactory(parent=catalogue, title="卫生文件", topic=health)
    soup = BeautifulSoup(client.get(catalogue.url, {"topic": health.pk}).content, "html.parser")
    assert [a.get_text() for a in soup.select("tbody a")] == ["卫生文件"]
    assert soup.select_one("select[name=topic] option[selected]").get_text() == "12 卫生、体育"
