"""How people type: regional vocabulary, Chinese numerals in document numbers, 简称 and synonyms from the editable
list. Against the real index, through modelsearch's API."""

import pytest
from wagtail_chinese_search import synonyms
from wagtail_chinese_search.fold import fold
from wagtail_chinese_search.highlight import highlight
from wagtail_chinese_search.models import SearchSynonym

from tests.conftest import titles
from tests.testapp.models import Article

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
    with pytest.raises(ValidationError):
        SearchSynonym(term="法", meanings="法律").full_clean()


def test_folding_keeps_the_text_after_a_nul_character():
    assert fold("軟體\x00網路") == "软件\x00网络"


def test_highlighting_marks_what_the_synonym_stands_for():
    assert "<mark>移动电话</mark>" in str(highlight("关于移动电话实名登记的通知", "手机"))


def test_elasticsearch_rules_keep_the_typed_word():
    rules = synonyms.elasticsearch_rules()
    assert "社保法 => 社保法, 社会保险法" in rules
    assert any(rule.startswith("app => app, 移动互联网应用程序") for rule in rules)


def test_a_query_naming_a_law_ranks_that_law_first(articles):
    articles(("中医药法", "禁止发布虚假广告。" * 30 + "依照广告法处罚。" * 10), ("广告法", "为了规范广告活动。"),
             ("广告法实施条例", "根据广告法制定。"), ("药品管理法", "药品广告应当经审查。" * 20))
    assert titles("广告法")[:2] == ["广告法", "广告法实施条例"]


def test_the_version_in_force_ranks_above_a_superseded_one_of_the_same_title(articles):
    articles({"title": "专利法实施细则", "body": "专利申请。旧版。", "in_force": False},
             {"title": "专利法实施细则", "body": "专利申请。新版。"},
             {"title": "专利代理条例", "body": "专利代理。"})
    found = list(Article.objects.search("专利法实施细则")[:3])
    assert [(a.title, a.in_force) for a in found[:2]] == [("专利法实施细则", True), ("专利法实施细则", False)]


def test_an_unlisted_short_name_finds_the_title_whose_characters_it_takes_in_order(articles):
    articles(("城乡规划法", "城乡规划。"), ("城市绿化条例", "城市绿化。"), ("规划环境影响评价条例", "规划。"),
             ("水土保持法实施条例", "水土保持。"), ("水污染防治法", "水。"))
    assert titles("城规法")[:1] == ["城乡规划法"]
    assert titles("水保条例")[:1] == ["水土保持法实施条例"]
    assert titles("城市法") == [] or titles("城市法")[0] != "城乡规划法"  # 城…市 is not in 城乡规划法's order


def test_a_homophone_typo_is_searched_as_the_title_word_it_sounds_like(articles):
    from wagtail_chinese_search import suggest

    articles(("劳动合同法实施条例", "劳动合同。"), ("档案法", "档案管理。"), ("科技成果转化条例", "科技成果。"))
    assert titles("劳动和同法实施条例")[:1] == ["劳动合同法实施条例"]
    assert titles("档按法")[:1] == ["档案法"]
    queryset = Article.objects.all()
    assert suggest.correct(queryset, "劳动和同") == suggest.Correction("劳动合同", True)
    assert suggest.correct(queryset, "科技成果") is None  # nothing to correct: 技成 sits inside title words
    assert suggest.correct(queryset, "如何办理档案") is None


def test_question_words_do_not_decide_the_ranking(articles):
    articles(("工伤保险条例", "工伤认定申请。职工发生事故伤害。"),
             ("年度工作报告", "怎么办好人民满意的教育，怎么认定成绩，工伤事故怎么处理，各项工作怎么推进。" * 5))
    assert titles("工伤怎么认定")[:1] == ["工伤保险条例"]
