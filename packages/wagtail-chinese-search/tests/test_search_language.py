"""How people type: regional vocabulary, Chinese numerals in document numbers, 简称 and synonyms from the editable
list. Against the real index, through modelsearch's API."""

import pytest
from wagtail_chinese_search import synonyms
from wagtail_chinese_search.fold import fold
from wagtail_chinese_search.highlight import highlight
from wagtail_chinese_search.models import SearchSynonym

from tests.conftest import titles

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_synonyms():
    """Each test reads the list as its own database has it (a rolled-back row fires no delete signal)."""
    synonyms.invalidate()
    yield
    synonyms.invalidate()


@pytest.mark.parametrize("typed, folded", [
    ("軟體", "软件"), ("資訊安全", "信息安全"), ("網際網路", "互联网"),     # Taiwan wording, not 软体 / 资讯 / 网际网路
    ("国务院令第五百八十八号", "国务院令第588号"), ("第七二五号", "第725号"), ("二〇一八年", "2018年"),
    ("统一 一年内", "统一 一年内"),                                        # numerals outside numbers stay words
    ("ＡＰＰ", "app"), ("第十十号", "第十十号"),                          # not a number: left as typed
])
def test_folding(typed, folded):
    assert fold(typed) == folded


def test_taiwan_vocabulary_finds_mainland_documents_and_the_reverse(articles):
    articles(("计算机软件保护条例", "为了保护计算机软件著作权人的权益。"), ("互联网信息服务管理办法", "规范互联网信息服务活动。"),
             ("網際網路資訊服務管理辦法", "台湾地区的写法。"))
    assert titles("軟體保護")[:1] == ["计算机软件保护条例"]
    found = titles("網際網路")
    assert set(found[:2]) == {"互联网信息服务管理办法", "網際網路資訊服務管理辦法"}
    assert "網際網路資訊服務管理辦法" in titles("互联网信息服务")


def test_chinese_numerals_find_document_numbers_written_in_digits_and_the_reverse(articles):
    articles(("政府信息公开条例", "（2019年4月3日中华人民共和国国务院令第711号公布）"),
             ("植物检疫条例", "（1983年1月3日国务院发布 国务院令第五百八十八号修订）"),
             ("另一条例", "国务院令第712号"))
    assert titles("国务院令第七百一十一号")[:1] == ["政府信息公开条例"]
    assert titles("国务院令第七一一号")[:1] == ["政府信息公开条例"]
    assert titles("国务院令第588号")[:1] == ["植物检疫条例"]
    assert "<mark>711</mark>" in str(highlight("国务院令第711号公布", "第七一一号"))


def test_starting_list_is_loaded_and_parses():
    entries = synonyms.read_file()
    assert len(entries) >= 80
    kinds = {kind for _term, _meanings, kind, _note in entries}
    assert kinds == {"abbreviation", "synonym", "regional", "english"}
    assert SearchSynonym.objects.filter(term="社保法", meanings="社会保险法").exists()  # migration 0002 loaded it
    assert len({term for term, *_rest in entries}) == len(entries)  # no term twice


def test_malformed_starting_list_names_the_line(tmp_path):
    path = tmp_path / "synonyms.txt"
    path.write_text("[简称]\n社保法 = 社会保险法\n没有等号的一行\n", encoding="utf-8")
    with pytest.raises(ValueError, match="synonyms.txt:3"):
        synonyms.read_file(path)


def test_abbreviations_and_synonyms_find_what_documents_say(articles):
    articles(("社会保险法", "为了规范社会保险关系，维护公民参加社会保险的权益。"),
             ("社会救助暂行办法", "社会救助制度坚持托底线。"),
             ("电信条例", "移动电话用户应当实名登记。"),
             ("移动互联网应用程序信息服务管理规定", "应用程序提供者应当履行信息安全管理责任。"))
    assert titles("社保法")[:1] == ["社会保险法"]
    assert titles("手机 实名")[:1] == ["电信条例"]
    assert titles("APP")[:1] == ["移动互联网应用程序信息服务管理规定"]
    assert titles("app 信息服务")[:1] == ["移动互联网应用程序信息服务管理规定"]


def test_an_editor_adds_a_synonym_and_the_next_search_uses_it_without_reindexing(articles):
    articles(("集成电路布图设计保护条例", "布图设计专有权。"))
    assert titles("芯片") == []
    SearchSynonym.objects.create(term="芯片", meanings="集成电路", kind="synonym")
    assert titles("芯片")[:1] == ["集成电路布图设计保护条例"]
    SearchSynonym.objects.filter(term="芯片").delete()
    synonyms.invalidate()  # queryset.delete() sends post_delete per row; invalidating twice is harmless
    assert titles("芯片") == []


def test_a_synonym_matches_whole_latin_words_only(articles):
    articles(("苹果种植技术规范", "apple 品种。"), ("移动互联网应用程序管理", "应用程序。"))
    assert titles("apple")[:1] == ["苹果种植技术规范"]
    assert "苹果种植技术规范" not in titles("app")


def test_synonym_form_rejects_an_empty_or_circular_meaning():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        SearchSynonym(term="社保法", meanings=" ，、 ").full_clean()
    with pytest.raises(ValidationError):
        SearchSynonym(term="手机", meanings="手机").full_clean()


def test_highlighting_marks_what_the_synonym_stands_for():
    assert "<mark>移动电话</mark>" in str(highlight("关于移动电话实名登记的通知", "手机"))


def test_elasticsearch_rules_keep_the_typed_word():
    rules = synonyms.elasticsearch_rules()
    assert "社保法 => 社保法, 社会保险法" in rules
    assert any(rule.startswith("app => app, 移动互联网应用程序") for rule in rules)
