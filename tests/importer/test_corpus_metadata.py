"""What the import makes of the corpus's history lines: the brackets printed once, 成文日期 always known, and a
reason shown where 发文字号 is not in the source."""

import json

import pytest
from bs4 import BeautifulSoup

from gongkai.disclosure.models import DocumentPage
from gongkai.importer.corpus import clean_history_line, document_fields
from tests.importer.test_import_content import run_import, write_lines

# Real corpus lines (trimmed bodies): a history line the corpus cut ("…修订）"), ASCII angle brackets in a title, a
# regulation with no history at all, and one whose history has no order number.
LINES = [
    {"id": 12, "title": "体育法", "date": "2022-06-24", "category": "行政法", "subcategory": None,
     "history": ["1995年8月29日 第八届全国人民代表大会常务委员会第十五次会议通过",
                 "2012年10月26日 第十一届全国人民代表大会常务委员会第二十九次会议《关于修改<中华人民共和国人民警察法>的决定》修正",
                 "2022年6月24日 第十三届全国人民代表大会常务委员会第三十五次会议修订）"],
     "body": "## 第一章 总则\n\n第一条 为了发展体育运动。", "source_path": "x"},
    {"id": 126, "title": "两用物项出口管制条例", "date": "2024-09-30", "category": "行政法规", "subcategory": None, "history": [],
     "body": "第一条 为了维护国家安全和利益。", "source_path": "x"},
    {"id": 140, "title": "中国公民因私事往来香港地区或者澳门地区的暂行管理办法", "date": "1986-12-25", "category": "行政法规",
     "subcategory": None, "history": ["1986年12月3日 国务院批准", "1986年12月25日 公安部公布"],
     "body": "第一条 根据规定，制定本办法。", "source_path": "x"},
]


def test_history_lines_print_with_one_pair_of_brackets():
    assert clean_history_line("2022年6月24日 第十三届全国人民代表大会常务委员会第三十五次会议修订）") == \
        "2022年6月24日 第十三届全国人民代表大会常务委员会第三十五次会议修订"
    assert clean_history_line("（1986年12月3日 国务院批准") == "1986年12月3日 国务院批准"
    assert "《关于修改〈中华人民共和国人民警察法〉的决定》" in clean_history_line("《关于修改<中华人民共和国人民警察法>的决定》修正")
    assert clean_history_line("《关于修改（中国人民解放军军官军衔条例）的决定》") == "《关于修改〈中国人民解放军军官军衔条例〉的决定》"
    balanced = "2004年8月28日 第十届全国人民代表大会常务委员会第十一次会议修订（第一次）"
    assert clean_history_line(balanced) == balanced


def test_written_date_comes_from_the_history_or_the_version_date():
    sports, export, hong_kong = (document_fields(line) for line in LINES)
    assert str(sports["written_date"]) == "2022-06-24" and "document_number" not in sports
    assert str(export["written_date"]) == "2024-09-30"  # no history: the version's date
    assert str(hong_kong["written_date"]) == "1986-12-25"  # the latest dated line


@pytest.mark.django_db
def test_imported_pages_show_history_once_and_explain_a_missing_number(client, catalogue, tmp_path):
    ok, output = run_import(write_lines(tmp_path, [json.dumps(line, ensure_ascii=False) for line in LINES]), catalogue.pk)
    assert ok, output
    page = BeautifulSoup(client.get("/policies/").content, "html.parser")
    html = client.get(DocumentPage.objects.get(title="体育法").url).content.decode()
    assert "（2022年6月24日 第十三届全国人民代表大会常务委员会第三十五次会议修订）" in html and "修订））" not in html
    assert "《关于修改〈中华人民共和国人民警察法〉的决定》" in html
    rows = {row.select_one(".catalogue__title a").get_text(): row for row in page.select(".catalogue tbody tr")}
    assert set(rows) == {line["title"] for line in LINES}
    number = rows["体育法"].select_one(".catalogue__number").get_text(" ", strip=True)
    assert number == "— （法律以主席令公布，来源未载令号）"
    assert rows["两用物项出口管制条例"].select_one(".catalogue__number").get_text(" ", strip=True) == "— （原文未载发文字号）"
    # Each value of a card is labelled for the phone layout.
    labels = [cell.get("data-label") for cell in rows["体育法"].select("td")]
    assert labels == ["索引号", None, "发文字号", "成文日期", "发布日期"]
    assert all(row.select("td")[3].get_text().strip() != "—" for row in rows.values())  # every 成文日期 known
