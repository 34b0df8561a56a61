import gzip
import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Page, Revision

from gongkai.disclosure.models import DocumentPage, IndexNumberSequence
from gongkai.importer.models import ImportedPage
from gongkai.news.models import ArticlePage
from gongkai.reports.models import AnnualReportPage


def write_lines(tmp_path, rows, name="import.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) for row in rows) + "\n", encoding="utf-8")
    return path


def run_import(path, parent, **options):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_content", str(path), parent=str(parent), stdout=out, stderr=err, **options)
    except CommandError as error:
        return False, out.getvalue() + err.getvalue() + str(error)
    return True, out.getvalue() + err.getvalue()


SITE = [
    {"type": "column", "key": "column:news", "title": "科技动态", "slug": "news", "in_menu": True},
    {"type": "column", "key": "column:docs", "title": "政务公开", "slug": "docs", "kind": "catalogue", "in_menu": True},
    {"type": "article", "key": "a1", "parent": "column:news", "title": "我市获批2家国家级“星创天地”", "date": "2019-02-20",
     "featured": True, "tags": ["星创天地"], "body": "## 小标题\n\n正文**加粗**。"},
    {"type": "document", "key": "d1", "parent": "column:docs", "title": "科技局政务公开评议制度", "date": "2019-01-02",
     "document_number": "鹤科发〔2019〕1号", "validity": "废止", "topic": "11"},
    {"type": "column", "key": "column:reports", "title": "年报", "slug": "reports", "kind": "reports", "parent": "column:docs"},
    {"type": "annual_report", "key": "r2018", "parent": "column:reports", "title": "2018年度报告", "year": 2018, "format": "free",
     "date": "2019-03-12", "body": [{"type": "section", "value": {"heading": "一、主要工作", "content": [
         {"type": "paragraph", "value": "<p>主要工作。</p>"}]}}]},
]


@pytest.fixture
def topics(locale):
    from gongkai.disclosure.topics import ensure_default_topics

    ensure_default_topics(locale)


@pytest.mark.django_db
def test_import_creates_every_page_type_and_publishes_it(client, home, topics, tmp_path):
    ok, output = run_import(write_lines(tmp_path, SITE), home.pk)
    assert ok, output
    assert "新建 6，更新 0，未变 0，失败 0" in output
    article = ArticlePage.objects.get()
    assert article.live and article.featured and list(article.tags.names()) == ["星创天地"]
    assert "<h2>小标题</h2>" in str(article.body[0].value.source) and "<b>加粗</b>" in str(article.body[0].value.source)
    document = DocumentPage.objects.get()
    assert (document.validity, document.topic.code, document.index_number) == ("repealed", "11", "TEST-11-2019-00001")
    assert document.topic_confirmed and document.topic_reason == ""  # a topic the line names is not a suggestion
    assert AnnualReportPage.objects.get().year == 2018
    assert client.get("/news/").status_code == 200
    assert "星创天地" in client.get(article.url).content.decode()


@pytest.mark.django_db
def test_reimport_updates_in_place_and_skips_unchanged_lines(home, topics, tmp_path):
    path = write_lines(tmp_path, SITE)
    assert run_import(path, home.pk)[0]
    article = ArticlePage.objects.get()
    revisions = Revision.objects.count()

    ok, output = run_import(path, home.pk)
    assert ok and "新建 0，更新 0，未变 6，失败 0" in output
    assert Revision.objects.count() == revisions

    changed = [dict(row) for row in SITE]
    changed[2]["title"] = "我市获批2家国家级“星创天地”（更新）"
    ok, output = run_import(write_lines(tmp_path, changed), home.pk)
    assert ok and "新建 0，更新 1，未变 5，失败 0" in output
    updated = ArticlePage.objects.get()
    assert updated.pk == article.pk and updated.title.endswith("（更新）") and updated.live


BAD_LINES = [
    ("{not json", "不是有效的 JSON"),
    ('["a list"]', "每行应为一个 JSON 对象"),
    ({"type": "article", "key": "x1", "title": ""}, "缺少字段 title"),
    ({"type": "article", "key": "x2", "title": "日期错", "date": "2019-02-30"}, "不是有效日期"),
    ({"type": "poem", "key": "x3", "title": "未知类型"}, "type“poem”无效"),
    ({"type": "document", "key": "x4", "title": "有效性错", "validity": "大概有效"}, "validity 的值“大概有效”无效，可用：有效、失效、废止"),
    ({"type": "article", "key": "x5", "title": "上级不存在", "parent": "column:nowhere"}, "找不到上级页面"),
    ({"type": "article", "key": "x6", "title": "块类型错", "body": [{"type": "video", "value": "x"}]}, "块的类型“video”无效"),
    ({"type": "article", "title": "没有键"}, "缺少 key"),
    ({"type": "article", "key": "x8", "title": "标签错", "tags": "not-a-list"}, "tags"),
    ({"type": "document", "key": "x9", "title": "主题错", "topic": "不存在的分类"}, "主题分类“不存在的分类”不存在"),
    ({"type": "annual_report", "key": "x10", "title": "年份错", "year": "二〇一八"}, "year"),
    ({"type": "column", "key": "x11", "title": "栏目放错", "parent": "a-good-article"}, "不能放在"),
]


@pytest.mark.django_db
def test_bad_lines_are_reported_with_line_numbers_and_write_nothing(home, topics, tmp_path):
    good = {"type": "article", "key": "a-good-article", "title": "好文章", "parent": str(home.pk)}
    rows = [{"type": "column", "key": "col", "title": "栏目", "slug": "col"}, {**good, "parent": "col"}]
    rows += [line for line, _message in BAD_LINES]
    pages_before = Page.objects.count()
    ok, output = run_import(write_lines(tmp_path, rows), home.pk)
    assert not ok
    assert f"新建 2，更新 0，未变 0，失败 {len(BAD_LINES)}" in output
    for number, (_line, message) in enumerate(BAD_LINES, start=3):
        line = next(text for text in output.splitlines() if text.startswith(f"第 {number} 行："))
        assert message in line, (number, line)
    assert Page.objects.count() == pages_before + 2
    assert set(ImportedPage.objects.values_list("key", flat=True)) == {"col", "a-good-article"}


@pytest.mark.django_db
def test_a_line_failing_after_writing_starts_leaves_nothing_behind(home, catalogue, tmp_path):
    rows = [
        {"type": "document", "key": "first", "title": "甲", "index_number": "DUP-1"},
        {"type": "document", "key": "second", "title": "乙", "index_number": "DUP-1"},
    ]
    ok, output = run_import(write_lines(tmp_path, rows), catalogue.pk)
    assert not ok and "第 2 行" in output and "已被其他文件使用" in output
    assert list(DocumentPage.objects.values_list("title", flat=True)) == ["甲"]
    assert not ImportedPage.objects.filter(key="second").exists()
    assert not IndexNumberSequence.objects.exists()


@pytest.mark.django_db
def test_html_bodies_are_sanitised(client, column, tmp_path):
    rows = [{"type": "article", "key": "xss", "title": "脚本", "slug": "xss", "body_format": "html",
             "body": '<p onclick="alert(1)">安全<script>alert(1)</script><a href="javascript:alert(1)">链接</a></p>'},
            {"type": "article", "key": "xss-md", "title": "脚本2", "slug": "xss-md", "body": "<script>alert(2)</script>"}]
    assert run_import(write_lines(tmp_path, rows), column.pk)[0]
    for slug in ["xss", "xss-md"]:
        body = client.get(f"/work/{slug}/").content.decode().split('<div class="rich-text article__body">')[1].split("</article>")[0]
        assert "<script" not in body and "onclick" not in body and "javascript:" not in body


CORPUS_LINES = [
    {"id": 121, "title": "专利代理条例", "date": "2018-11-06", "category": "行政法规", "subcategory": None,
     "history": ["1991年3月4日 中华人民共和国国务院令第76号发布", "2018年9月6日 国务院第23次常务会议修订通过",
                 "2018年11月6日 中华人民共和国国务院令第706号公布"],
     "body": "## 第一章 总则\n\n第一条 为了规范专利代理行为，制定本条例。", "source_path": "x"},
    {"id": 900, "title": "科学技术普及法", "date": "2002-06-29", "category": "行政法", "subcategory": None,
     "history": ["2002年6月29日 第九届全国人民代表大会常务委员会第二十八次会议通过"], "body": "第一条 旧版。", "source_path": "x"},
    {"id": 901, "title": "科学技术普及法", "date": "2024-12-25", "category": "行政法", "subcategory": None,
     "history": ["2002年6月29日 第九届全国人民代表大会常务委员会第二十八次会议通过", "2024年12月25日 第十四届全国人民代表大会常务委员会第十三次会议修订"],
     "body": "第一条 新版。", "source_path": "x"},
    {"id": 822, "title": "家用汽车产品修理更换退货责任规定", "date": "2021-07-22", "category": "部门规章", "subcategory": "市场监督管理总局",
     "history": ["2021年7月22日 国家市场监督管理总局令第43号公布", "2022年1月1日 施行"], "body": "第一条 ……", "source_path": "x"},
]


@pytest.mark.django_db
def test_corpus_lines_import_as_documents_with_their_metadata(client, catalogue, tmp_path):
    ok, output = run_import(write_lines(tmp_path, CORPUS_LINES), catalogue.pk)
    assert ok, output
    patent = DocumentPage.objects.get(title="专利代理条例")
    assert (patent.document_number, patent.issuer, str(patent.written_date), str(patent.date), patent.document_type) == (
        "中华人民共和国国务院令第706号", "国务院", "2018-11-06", "2018-11-06", "administrative_regulation")
    html = client.get(patent.url).content.decode()
    assert "（2018年11月6日 中华人民共和国国务院令第706号公布）" in html and "<h2>第一章 总则</h2>" in html
    old, new = DocumentPage.objects.filter(title="科学技术普及法").order_by("date")
    assert (old.validity, new.validity) == ("expired", "valid")
    assert "2024-12-25" in old.validity_note and new.issuer == "全国人民代表大会常务委员会"
    assert (str(old.validity_changed), new.validity_changed) == ("2024-12-25", None)
    rule = DocumentPage.objects.get(title="家用汽车产品修理更换退货责任规定")
    assert (rule.issuer, rule.document_number, rule.document_type) == ("市场监督管理总局", "国家市场监督管理总局令第43号", "departmental_rule")


@pytest.mark.slow
@pytest.mark.django_db
def test_the_whole_regulations_corpus_imports_without_a_failure(catalogue, topics, tmp_path):
    corpus = Path(settings.GONGKAI_DEMO_DATA_DIR) / "regulations.jsonl.gz"
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        expected = sum(1 for line in handle if line.strip())
    ok, output = run_import(corpus, catalogue.pk)
    assert ok, output
    assert f"新建 {expected}，更新 0，未变 0，失败 0" in output
    assert DocumentPage.objects.live().count() == expected == 830
    # 44 titles come in two versions and one (道路运输条例) in three: every older version is marked 失效.
    assert DocumentPage.objects.filter(validity="expired").count() == 45
    assert len(set(DocumentPage.objects.values_list("index_number", flat=True))) == 830
    # The finding aid: every document has a 成文日期 and a suggested 主题分类 (none falls to 其他), none a doubled bracket.
    assert not DocumentPage.objects.filter(written_date__isnull=True).exists()
    assert DocumentPage.objects.filter(topic__isnull=True).count() == 0
    assert DocumentPage.objects.filter(topic__code="22").count() == 0
    assert DocumentPage.objects.filter(topic_confirmed=False).count() == 830
    bodies = DocumentPage.objects.values_list("body", flat=True)
    assert not [body for body in bodies if "））" in str(body) and "修订））" in str(body)]
    if connection.vendor == "postgresql":
        # Searched through the GIN index at once, not by reading every page's index entry (core of a fast search).
        pages = Page.objects.live().descendant_of(catalogue.get_parent(), inclusive=True)  # as the search page asks
        plan = pages.search("科技成果", operator="or").get_queryset().explain()
        assert "Bitmap Index Scan on wagtailsear_body" in plan, plan
    ok, output = run_import(corpus, catalogue.pk)
    assert ok and "新建 0，更新 0，未变 830，失败 0" in output


@pytest.mark.django_db
def test_missing_file_and_parent_give_clear_errors(home, tmp_path):
    ok, output = run_import(tmp_path / "nope.jsonl", home.pk)
    assert not ok and "文件不存在" in output
    with pytest.raises(CommandError, match="找不到上级页面"):
        call_command("import_content", str(write_lines(tmp_path, SITE)), parent="/no/such/path/")
