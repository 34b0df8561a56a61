import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page, Revision, Site

from gongkai.columns.models import ColumnPage
from gongkai.disclosure.models import DocumentPage
from gongkai.news.models import ArticlePage
from gongkai.reports.models import AnnualReportPage
from home.models import HomePage
from tests.helpers import load_demo

SEED = Path(settings.GONGKAI_DEMO_DATA_DIR) / "seed-2018-annual-report.txt"


@pytest.fixture
def demo(demo_module, db):
    return demo_module


@pytest.mark.django_db
def test_demo_replaces_the_welcome_page_and_prints_admin_credentials(demo):
    home = HomePage.objects.get(locale__language_code="zh-hans")
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert not Page.objects.filter(depth=2).exclude(translation_key=home.translation_key).exists()  # only it and its translations
    assert "用户名 admin" in demo and "密码 gongkai-demo-2026" in demo
    assert get_user_model().objects.get(username="admin").check_password("gongkai-demo-2026")


@pytest.mark.django_db
def test_second_run_changes_nothing(demo):
    pages, revisions = Page.objects.count(), Revision.objects.count()
    output = load_demo()
    assert "新建 0，更新 0，未变 27，失败 0" in output
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)
    assert "已创建" not in output


@pytest.mark.django_db
def test_demo_has_eight_first_level_columns_and_the_disclosure_sections(client, demo):
    home = HomePage.objects.get(locale__language_code="zh-hans")
    first_level = [c.title for c in ColumnPage.objects.child_of(home).live().in_menu()]
    assert len(first_level) == 8
    assert {"科技动态", "科技政务", "通知公告", "政务公开"} <= set(first_level)
    disclosure = ColumnPage.objects.get(title="政务公开")
    assert [c.title for c in ColumnPage.objects.child_of(disclosure)] == [
        "政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政策解读", "政府信息公开年报", "依申请公开"]
    nav = BeautifulSoup(client.get("/").content, "html.parser").select("nav.main-nav a")
    assert len(nav) == 9  # 首页 + eight columns


@pytest.mark.django_db
def test_demo_has_the_seed_news_and_disclosure_items_with_their_dates(demo):
    news = {(a.title, str(a.date)) for a in ArticlePage.objects.live()}
    assert news == {
        ("省科技厅与哈尔滨市召开工作对接会议", "2019-03-08"), ("市科技局开展“转作风 优环境 问计于企”", "2019-02-27"),
        ("市科技局举办北药产业培训会", "2019-02-25"), ("我市获批2家国家级“星创天地”", "2019-02-20"),
        ("深入开展解放思想大讨论 推进全市科技工", "2019-02-20"), ("省科技厅以务实举措将全省深化机关作风", "2019-02-18"),
    }
    documents = {(d.title, str(d.date)) for d in DocumentPage.objects.live()}
    assert documents == {
        ("(2018年科技局) 政府网站工作年度报表", "2019-01-10"), ("科技局政务公开评议制度", "2019-01-02"),
        ("市(地)科技计划项目审定一次性告知单", "2018-08-10"), ("省级科技计划项目申报推荐一次性告知单", "2018-02-13"),
        ("技术合同认定登记一次性告知单", "2018-02-08"),
    }


@pytest.mark.django_db
def test_the_2018_report_page_carries_every_paragraph_of_the_seed(client, demo):
    report = AnnualReportPage.objects.get(year=2018, locale__language_code="zh-hans")
    assert (report.report_format, str(report.date)) == ("free", "2019-03-12")
    soup = BeautifulSoup(client.get(report.url).content, "html.parser")
    text = re.sub(r"\s", "", soup.find("main").get_text())
    paragraphs = [re.sub(r"\s", "", p) for p in SEED.read_text(encoding="utf-8").split("\n\n")]
    missing = [p for p in paragraphs if p and p not in text]
    assert missing == []
    assert [f.get_text() for f in soup.find_all("figcaption")] == ["图 1 8 个一级栏目", "图 2 行政权力目录", "图 3 科技工作动态"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/news/", "/news/work/", "/disclosure/", "/disclosure/guide/",
                                  "/disclosure/annual-reports/", "/disclosure/annual-reports/2018/", "/affairs/policies/",
                                  "/disclosure/statutory/", "/interaction/", "/search/?query=政务公开"])
def test_demo_pages_render(client, demo, path):
    response = client.get(path)
    assert response.status_code == 200
    assert len(BeautifulSoup(response.content, "html.parser").find_all("h1")) == 1


def test_the_demo_interpretations_name_laws_of_the_corpus_and_the_translated_one_has_every_string():
    """The demo's 解读 come after the 830 laws (most tests skip those): checked here from the data files, cheaply."""
    import gzip
    import json

    from gongkai.core.blocks import html_text

    data = Path(settings.GONGKAI_DEMO_DATA_DIR)
    lines = [json.loads(line) for line in (data / "interpretations.jsonl").read_text(encoding="utf-8").splitlines()]
    with gzip.open(data / "regulations.jsonl.gz", "rt", encoding="utf-8") as corpus:
        keys = {f"document:{json.loads(line)['id']}" for line in corpus}
    assert lines and all(reference in keys for line in lines for reference in line["documents"])
    strings = json.loads((data / "translations.en.json").read_text(encoding="utf-8"))
    qa = next(line for line in lines if line["form"] == "qa")  # the one load_demo translates
    texts = [qa["title"], qa["summary"], qa["source"]]
    texts += [block["value"]["question"] for block in qa["body"]] + [html_text(block["value"]["answer"]) for block in qa["body"]]
    assert [text for text in texts if text not in strings] == []
