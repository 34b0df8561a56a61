"""The backends against the real index (SQLite FTS5, or PostgreSQL with DATABASE_URL), through modelsearch's API."""

import pytest
from django.core.management import call_command
from wagtail_chinese_search import text

from tests.conftest import titles
from tests.testapp.models import Article


@pytest.fixture
def bureau(articles):
    return articles(
        ("市科技局开展执法检查", "2018年，我局查处专利案件150件。"),
        ("我市获批2家国家级星创天地", "星创天地是农业科技服务平台。"),
        ("关于ISO9001质量认证的通知", "企业可以申请认证。"),
    )


@pytest.mark.parametrize("query, expected", [
    ("专利", "市科技局开展执法检查"),          # a two-character word in the middle of a sentence
    ("專利案件", "市科技局开展执法检查"),      # Traditional characters
    ("150件", "市科技局开展执法检查"),         # numbers with a measure word
    ("２０１８年 专利", "市科技局开展执法检查"),  # full-width digits
    ("星创天地", "我市获批2家国家级星创天地"),  # a project-dictionary term
    ("星创", "我市获批2家国家级星创天地"),      # the start of a word, as people type it
    ("iso9001认证", "关于ISO9001质量认证的通知"),  # mixed Chinese and ASCII, any case
])
def test_chinese_words_are_found_inside_sentences(bureau, query, expected):
    assert titles(query)[:1] == [expected]


def test_the_stock_backend_cannot_do_this_so_the_test_means_something(bureau, settings):
    settings.MODELSEARCH_BACKENDS = {"default": {"BACKEND": "modelsearch.backends.database"}}
    call_command("rebuild_modelsearch_index", verbosity=0)
    assert "市科技局开展执法检查" not in titles("专利")


def test_document_numbers_are_findable(articles):
    articles({"title": "关于印发科技计划管理办法的通知", "document_number": "鹤科发〔2018〕12号"},
             {"title": "政府信息公开条例", "body": "（2019年4月3日 中华人民共和国国务院令第711号公布）"},
             {"title": "另一个通知", "document_number": "鹤科发〔2017〕3号"})
    assert titles("鹤科发〔2018〕12号")[0] == "关于印发科技计划管理办法的通知"
    assert titles("鹤科发[2018]12号")[0] == "关于印发科技计划管理办法的通知"
    assert titles("国务院令第711号")[0] == "政府信息公开条例"


def test_title_matches_rank_above_body_matches(articles):
    articles(("工作简报", "知识产权保护工作取得进展。" * 3), ("知识产权宣传周活动", "活动在广场举行。"))
    assert titles("知识产权")[0] == "知识产权宣传周活动"


def test_documents_with_all_words_rank_above_those_with_some(articles):
    articles(("科技计划项目申报", "科技计划。" * 8), ("关于受理申报的说明", "本年度科技计划项目受理截止日期。"),
             ("截止日期调整", "受理截止日期顺延。"))
    results = titles("科技计划 受理 截止日期")
    assert results[0] == "关于受理申报的说明"
    assert set(results) == {"科技计划项目申报", "关于受理申报的说明", "截止日期调整"}
    # No document has every word: the best partial matches still come back.
    assert titles("科技计划 不存在的词语组合")[:1] == ["科技计划项目申报"]


def test_counts_and_slices_agree_with_the_results(articles):
    articles(*[(f"专利公告第{n}号", "专利") for n in range(25)], ("商标公告", "商标"))
    results = Article.objects.search("专利", operator="or")
    assert results.count() == 25
    assert len(results[20:30]) == 5 and results[20:30].count() == 5
    assert Article.objects.search("专利 商标", operator="and").count() == 0
    assert Article.objects.search("专利 商标", operator="or").count() == 26


def test_filters_apply_before_ranking(articles):
    articles({"title": "专利甲", "published": True}, {"title": "专利乙", "published": False})
    assert [a.title for a in Article.objects.filter(published=True).search("专利")] == ["专利甲"]


def test_quoted_phrases_need_the_words_together(articles):
    articles(("甲", "推进政府信息公开工作。"), ("乙", "政府工作报告中的统计信息，依法公开。"))
    assert titles('"政府信息公开"') == ["甲"]
    assert set(titles("政府 信息 公开")) == {"甲", "乙"}


def test_words_typed_together_find_the_passage_that_has_them_close(articles):
    """结婚登记 户口簿: the passage naming both (a few words apart, not adjacent) beats a text that names 户口簿 often and
    结婚登记 once, far away; on PostgreSQL the words once had to be adjacent to count as close."""
    articles(("婚姻登记条例", "办理结婚登记的内地居民应当出具本人的户口簿、身份证。" + "其他事项按规定办理。" * 20),
             ("户口登记条例", "结婚登记后需要变更的，" + "按规定办理其他事项。" * 20 + "户口簿、户口簿和户口簿由户口登记机关管理。" * 3))
    assert titles("结婚登记 户口簿")[0] == "婚姻登记条例"


def test_index_follows_saves_and_deletes(articles):
    (article,) = articles(("第一版标题", "北药产业培训"))
    assert titles("北药") == ["第一版标题"]
    article.title, article.body = "第二版标题", "中药材种植"
    article.save()
    assert titles("中药材") == ["第二版标题"] and titles("北药") == []
    article.delete()
    assert titles("中药材") == []


def test_autocomplete_completes_words_being_typed(bureau):
    assert [a.title for a in Article.objects.autocomplete("星创天")] == ["我市获批2家国家级星创天地"]
    assert [a.title for a in Article.objects.autocomplete("科技局开展执")] == ["市科技局开展执法检查"]


@pytest.mark.parametrize("query", ["", "   ", "，。！", "的 了", "🙂🙂", "' OR 1=1 --", '"', "NEAR(", "*", "AND OR NOT",
                                   "<script>alert(1)</script>", "专利" * 5000, "\x00专利"])
def test_odd_queries_return_results_or_nothing_never_an_error(bureau, query):
    results = Article.objects.search(query, operator="or")
    assert len(list(results[:10])) == results[:10].count() <= 3


def test_admins_extend_the_dictionary(db):
    from wagtail_chinese_search.models import SearchTerm

    assert [unit.word for unit in text.segment_query("鹤岗科创谷")] != ["鹤岗科创谷"]
    SearchTerm.objects.create(word="鹤岗科创谷")
    assert [unit.word for unit in text.segment_query("鹤岗科创谷")] == ["鹤岗科创谷"]


def test_normalisation():
    assert text.normalise("國務院ＡＢＣ１２３") == "国务院abc123"
    assert text.segment_query("的 了 ，。") == ()


def test_a_page_of_results_and_its_counts_are_one_statement(articles, django_assert_num_queries):
    articles(*[(f"专利公告第{n}号", "专利 商标") for n in range(12)], *[(f"商标公告第{n}号", "商标") for n in range(3)],
             ("无关", "其他"))
    results = Article.objects.search("专利 商标", operator="or")
    with django_assert_num_queries(1):
        page = results[10:20]
        assert len(list(page)) == 5
        assert (page.total, page.all_terms_total) == (15, 12)  # 15 hold a word, 12 hold both
        assert page.count() == 5
    # Results holding every word come first: the page ends with the three that hold only 商标.
    assert {a.title for a in list(page)[-3:]} == {f"商标公告第{n}号" for n in range(3)}
    assert (results[0:10].count(), results.count()) == (10, 15)
    # Beyond the last page: nothing, and the counts are still known.
    late = results[40:50]
    assert list(late) == [] and (late.total, late.all_terms_total) == (15, 12)


def test_other_models_with_text_keys_do_not_break_a_search(articles):
    from tests.testapp.models import Glossary

    Glossary.objects.create(code="99999999999999999999999", term="专利")  # beyond any integer column
    Glossary.objects.create(code="ZL-2018", term="专利 发明")
    articles(*[(f"专利公告第{n}号", "专利") for n in range(12)])
    assert len(titles("专利")) == 10 and Article.objects.search("专利").count() == 12
    # Their own search falls back to modelsearch's path (text keys) and still finds them.
    assert {g.code for g in Glossary.objects.search("专利")} == {"99999999999999999999999", "ZL-2018"}


def test_equal_scores_keep_the_order_of_creation(articles):
    created = articles(*[("通知", "专利") for _ in range(12)])
    assert [a.pk for a in Article.objects.search("专利")] == [a.pk for a in created]


def test_counting_stops_at_the_count_limit(articles, settings):
    settings.MODELSEARCH_BACKENDS = {"default": {**settings.MODELSEARCH_BACKENDS["default"], "COUNT_LIMIT": 5}}
    articles(*[(f"专利公告第{n}号", "专利 商标") for n in range(8)], *[(f"商标公告第{n}号", "商标") for n in range(3)])
    page = Article.objects.search("专利 商标")[0:10]
    assert len(list(page)) == 10  # the results themselves are not limited
    assert (page.total, page.all_terms_total, page.count_limit) == (6, 6, 5)  # 6: "more than 5"
    page = Article.objects.search("商标 不存在")[0:10]
    assert len(list(page)) == 10 and (page.total, page.all_terms_total) == (6, 0)


def test_a_prepared_search_finds_what_an_unprepared_one_does(articles):
    """PostgreSQL: where the site allows prepared statements, a connection prepares the search statement once and,
    after five searches, plans it without the query's words (a generic plan). The words' tsqueries are then worked
    out once per search, and the ranking, counts and results must be those of a statement planned for the words."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    articles(("婚姻登记条例", "办理结婚登记的内地居民应当出具本人的户口簿、身份证。" + "其他事项按规定办理。" * 20),
             ("户口登记条例", "结婚登记后需要变更的，" + "按规定办理其他事项。" * 20 + "户口簿由户口登记机关管理。"),
             *[(f"专利公告第{n}号", "专利 商标") for n in range(12)], ("商标法", "商标 注册"), ("无关", "其他"))
    queries = ["结婚登记 户口簿", "专利 商标", "商标", "户口*", "不存在的词"]

    def run():
        found = []
        for query in queries:
            page = Article.objects.search(query, operator="or")[0:10]
            found.append(([a.title for a in page], page.total, page.all_terms_total))
        return found

    connection.ensure_connection()
    raw = connection.connection
    raw.prepare_threshold = None  # Django's default: planned for the words, every time
    planned_each_time = run()
    raw.prepare_threshold = 5
    prepared = [run() for _round in range(8)]
    assert all(found == planned_each_time for found in prepared)
    assert planned_each_time[0][0][0] == "婚姻登记条例" and planned_each_time[1][1:] == (13, 12)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*), sum(generic_plans) FROM pg_prepared_statements WHERE statement LIKE %s",
                       ["%to_tsquery%"])
        statements, generic = cursor.fetchone()
    assert statements >= len(queries) - 1 and generic > 0
