"""The statutory tables: official labels, the consistency rules (勾稽关系) and how editors meet them."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from gongkai.reports import statistics
from gongkai.reports.blocks import ApplicationsTableBlock, ReviewLitigationTableBlock
from gongkai.reports.models import AnnualReportPage
from tests.helpers import balanced

# Copied from docs/specs/annual-report-format.md, not from the code, so a typo in either shows.
SPEC_TABLE_B_LABELS = [
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果", "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷",
    "8.属于行政查询事项", "（四）无法提供", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
    "（五）不予处理", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计", "四、结转下年度继续办理",
]
SPEC_TABLE_B_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
SPEC_TABLE_B_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def test_a_balanced_table_passes_every_rule():
    assert statistics.check_table_b(balanced()) == []


def test_rule_1_each_column_received_plus_carried_equals_handled_plus_carried_forward():
    value = balanced()
    value["carried_forward"]["legal"] = 0
    value["carried_forward"]["total"] = 0
    assert "表三 法律服务机构列：一+二 ≠ 总计+四（12 ≠ 11）" in statistics.check_table_b(value)


def test_rule_2_each_row_total_is_the_sum_of_applicants():
    value = balanced()
    value["received"]["total"] = 14
    errors = statistics.check_table_b(value)
    assert "表三 “一、本年新收政府信息公开申请数量”行：各类申请人之和 ≠ 总计（13 ≠ 14）" in errors


def test_rule_3_results_total_is_the_sum_of_every_outcome_row():
    value = balanced()
    value["refused_4"] = {**value["refused_4"], "legal": 2, "total": 2}
    errors = statistics.check_table_b(value)
    assert "表三 法律服务机构列：（一）至（六）各项之和 ≠ （七）总计（10 ≠ 11）" in errors


def test_rule_4_review_and_litigation_totals():
    good = {group: {"upheld": 1, "corrected": 0, "other": 0, "pending": 1, "total": 2} for group, *_r in statistics.TABLE_C_GROUPS}
    assert statistics.check_table_c(good) == []
    bad = {**good, "direct_suit": {"upheld": 1, "corrected": 1, "other": 0, "pending": 0, "total": 3}}
    assert statistics.check_table_c(bad) == ["表四 行政诉讼（未经复议直接起诉）：结果维持+结果纠正+其他结果+尚未审结 ≠ 总计（2 ≠ 3）"]


def test_rule_5_in_force_count_across_years_is_a_warning():
    last_year = {"item1": {"normative": {"issued": 3, "repealed": 0, "in_force": 20}}}
    this_year = {"item1": {"normative": {"issued": 4, "repealed": 1, "in_force": 23}}}
    assert statistics.in_force_warnings(this_year, last_year) == []
    this_year["item1"]["normative"]["in_force"] = 25
    assert statistics.in_force_warnings(this_year, last_year) == [
        "表二 行政规范性文件：现行有效件数 25 与上年现行有效件数加本年制发、减本年废止（23）不一致"]


def test_the_server_computes_the_totals_and_names_what_still_disagrees():
    block = ApplicationsTableBlock()
    value = balanced()
    # Totals typed wrongly or not at all are computed again: each row's 总计 and the （七）总计 row.
    value["received"] = {**value["received"], "total": 999}
    value["results_total"] = {column: 0 for column in value["results_total"]}
    cleaned = block.clean(block.to_python(value))
    assert cleaned["received"]["total"] == 13
    assert dict(cleaned["results_total"]) == balanced()["results_total"]
    assert block.consistency_errors(cleaned) == []
    # What no total can fix (rule 1) is named with its column and both sides.
    value["carried_forward"] = {**value["carried_forward"], "legal": 0}
    assert block.consistency_errors(block.clean(block.to_python(value))) == [
        "表三 法律服务机构列：一+二 ≠ 总计+四（12 ≠ 11）", "表三 总计列：一+二 ≠ 总计+四（15 ≠ 14）"]


@pytest.fixture
def report(column):
    c_table = {group: {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0} for group, *_r in statistics.TABLE_C_GROUPS}
    body = [("section", {"heading": "三、收到和处理政府信息公开申请情况", "content": [
        ("applications_table", ApplicationsTableBlock().to_python(balanced())),
        ("review_litigation_table", ReviewLitigationTableBlock().to_python(c_table)),
    ]})]
    from tests.factories import AnnualReportPageFactory

    return AnnualReportPageFactory(parent=column, slug="2021", year=2021, date=datetime.date(2022, 1, 20), report_format="2021", body=body)


@pytest.mark.django_db
def test_public_page_lays_out_table_b_like_the_official_format(client, report):
    soup = BeautifulSoup(client.get("/work/2021/").content, "html.parser")
    table = soup.select_one("table.official--applications")
    header_texts = [cell.get_text() for cell in table.find_all(["th", "td"]) if cell.name == "th" or "official__note" in cell.get("class", [])]
    for label in SPEC_TABLE_B_LABELS + SPEC_TABLE_B_COLUMNS + [SPEC_TABLE_B_NOTE, "申请人情况", "法人或其他组织"]:
        assert label in header_texts, label
    results = table.find("th", string="三、本年度办理结果")
    assert results["rowspan"] == "22"  # （一）1 + （二）1 + （三）8 + （四）3 + （五）5 + （六）3 + （七）1
    assert table.find("th", string="（三）不予公开")["rowspan"] == "8"
    row = table.find("th", string="一、本年新收政府信息公开申请数量").find_parent("tr")
    assert [td.get_text() for td in row.find_all("td")] == ["3", "0", "0", "0", "10", "0", "13"]


@pytest.mark.django_db
def test_an_inconsistent_report_is_saved_as_a_draft_but_not_published(admin_client, column):
    value = balanced()
    value["carried_forward"] = {**value["carried_forward"], "legal": 0, "total": 0}
    url = reverse("wagtailadmin_pages:add", args=["gongkai_reports", "annualreportpage", column.pk])
    data = nested_form_data({
        "title": "2021年度报告", "slug": "2021", "year": "2021", "report_format": "2021", "issuer": "", "date": "2022-01-20", "backdate_reason": "补录历年年报",
        "summary": "", "comments": inline_formset([]), "action-publish": "publish",
        "body": streamfield([("section", {"heading": "三、收到和处理政府信息公开申请情况",
                                          "content": streamfield([("applications_table", value)])})]),
    })
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "统计表数据不一致，改正后才能发布或提交审核：表三 法律服务机构列：一+二 ≠ 总计+四（12 ≠ 11）",
        "统计表数据不一致，改正后才能发布或提交审核：表三 总计列：一+二 ≠ 总计+四（15 ≠ 14）"]
    assert not AnnualReportPage.objects.filter(title="2021年度报告").exists()
    # Saved as a draft, the editor is told what to fix, and the page shows it above the form.
    del data["action-publish"]
    response = admin_client.post(url, data, follow=True)
    page = AnnualReportPage.objects.get(title="2021年度报告")
    assert not page.live
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "统计表数据不一致，改正后才能发布或提交审核" in html and "表三 法律服务机构列：一+二 ≠ 总计+四（12 ≠ 11）" in html
    # Corrected, it publishes.
    data["body-0-value-content-0-value-carried_forward-legal"] = "1"
    data["action-publish"] = "publish"
    assert admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data).status_code == 302
    page.refresh_from_db()
    assert page.live


@pytest.mark.django_db
def test_tables_download_as_csv_xlsx_and_json_matching_the_page(client, report):
    import csv
    import io

    from openpyxl import load_workbook

    response = client.get("/work/2021/tables/csv/")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["表三 收到和处理政府信息公开申请情况"]
    assert rows[1] == ["", "", ""] + SPEC_TABLE_B_COLUMNS
    assert rows[2] == ["一、本年新收政府信息公开申请数量", "", "", "3", "0", "0", "0", "10", "0", "13"]

    workbook = load_workbook(io.BytesIO(client.get("/work/2021/tables/xlsx/").content))
    assert workbook.sheetnames == ["表三", "表四"]
    sheet = workbook["表三"]
    assert [cell.value for cell in sheet[3]] == ["一、本年新收政府信息公开申请数量", None, None, 3, 0, 0, 0, 10, 0, 13]

    data = client.get("/work/2021/tables/json/").json()
    assert data["year"] == 2021 and data["tables"]["applications"]["values"]["received"]["legal"] == 10
    api = client.get(f"/api/v2/pages/{report.pk}/").json()
    table = api["body"][0]["value"]["content"][0]
    assert table["type"] == "applications_table" and table["value"]["received"]["legal"] == 10
    soup = BeautifulSoup(client.get("/work/2021/").content, "html.parser")
    assert [a["href"] for a in soup.select(".report__downloads a")][1:] == ["/work/2021/tables/xlsx/", "/work/2021/tables/csv/", "/work/2021/tables/json/"]


@pytest.mark.django_db
def test_import_refuses_an_inconsistent_table_with_the_same_message(column, tmp_path):
    import io
    import json

    from django.core.management import CommandError, call_command

    value = balanced()
    value["carried_forward"] = {**value["carried_forward"], "legal": 0, "total": 0}
    line = {"type": "annual_report", "key": "r2021", "title": "2021年度报告", "year": 2021, "format": "2021", "date": "2022-01-20",
            "body": [{"type": "section", "value": {"heading": "三、收到和处理政府信息公开申请情况",
                                                   "content": [{"type": "applications_table", "value": value}]}}]}
    path = tmp_path / "reports.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_content", str(path), parent=str(column.pk), stdout=io.StringIO(), stderr=err)
    assert "表三 法律服务机构列：一+二 ≠ 总计+四（12 ≠ 11）" in err.getvalue()
    assert not AnnualReportPage.objects.exists()
    line["body"][0]["value"]["content"][0]["value"] = balanced()
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    call_command("import_content", str(path), parent=str(column.pk), stdout=io.StringIO(), stderr=io.StringIO())
    assert AnnualReportPage.objects.get().year == 2021


@pytest.mark.django_db
def test_comparison_page_charts_a_figure_across_years(client, report, column):
    from tests.factories import AnnualReportPageFactory

    later = balanced()
    later["received"] = {**later["received"], "natural": 5, "total": 15}
    later["results_total"] = {**later["results_total"], "natural": 5, "total": 16}
    later["granted"] = {**later["granted"], "natural": 4, "total": 12}
    body = [("section", {"heading": "三", "content": [("applications_table", ApplicationsTableBlock().to_python(later))]})]
    AnnualReportPageFactory(parent=column, slug="2022", year=2022, date=datetime.date(2023, 1, 20), report_format="2021", body=body)
    AnnualReportPageFactory(parent=column, slug="2018", year=2018, date=datetime.date(2019, 3, 12), report_format="free", body=[])
    soup = BeautifulSoup(client.get("/annual-reports/compare/", {"figure": "received"}).content, "html.parser")
    rows = [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in soup.select("table.official tbody tr")]
    assert rows == [["2021", "13"], ["2022", "15"]]
    assert [t.get_text() for t in soup.select("svg text")][-4:] == ["13", "2021", "15", "2022"]
    assert soup.find("svg")["role"] == "img"
    response = client.get("/annual-reports/compare/", {"figure": "<script>"})
    assert response.status_code == 200 and "没有这项数据" in response.content.decode()


@pytest.mark.django_db
def test_admin_drafts_next_years_report_prefilled_from_the_site(admin_client, home, column, catalogue, report, monkeypatch):
    from tests.factories import DocumentPageFactory

    DocumentPageFactory(parent=catalogue, document_type="normative_document", date=datetime.date(2021, 5, 1), written_date=None)
    DocumentPageFactory(parent=catalogue, document_type="normative_document", date=datetime.date(2021, 6, 1), written_date=None)
    DocumentPageFactory(parent=catalogue, document_type="normative_document", date=datetime.date(2020, 6, 1), written_date=None)
    DocumentPageFactory(parent=catalogue, document_type="departmental_rule", date=datetime.date(2021, 7, 1), written_date=None)
    monkeypatch.setattr("gongkai.reports.admin_views.report_year_due", lambda: 2022)
    AnnualReportPage.objects.filter(pk=report.pk).update(year=2021)
    listing = admin_client.get(reverse("wagtailadmin_explore", args=[column.pk])).content.decode()
    assert "生成下一年度年报草稿" in listing
    url = reverse("reports_draft_next", args=[column.pk])
    assert "生成草稿" in admin_client.get(url).content.decode()
    response = admin_client.post(url, {"year": "2022"})
    draft = AnnualReportPage.objects.get(year=2022)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert not draft.live and draft.report_format == "2021"
    headings = [block.value["heading"] for block in draft.body]
    assert headings[0] == "一、总体情况" and headings[-1] == "六、其他需要报告的事项"
    assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).status_code == 200


@pytest.mark.django_db
def test_prefilled_counts_come_from_documents_of_the_year(home, column, catalogue):
    from gongkai.reports.drafts import proactive_figures
    from tests.factories import DocumentPageFactory

    for day in (1, 2):
        DocumentPageFactory(parent=catalogue, document_type="normative_document", date=datetime.date(2021, 5, day), written_date=None)
    DocumentPageFactory(parent=catalogue, document_type="normative_document", date=datetime.date(2020, 6, 1), written_date=None)
    DocumentPageFactory(parent=catalogue, document_type="departmental_rule", date=datetime.date(2021, 7, 1), written_date=None,
                        validity="repealed", validity_changed=datetime.date(2021, 9, 1))
    # Repealed the next year: still in force at the end of 2021, and not counted as repealed in 2021.
    DocumentPageFactory(parent=catalogue, document_type="departmental_rule", date=datetime.date(2020, 7, 1), written_date=None,
                        validity="repealed", validity_changed=datetime.date(2022, 3, 1))
    figures, _sources = proactive_figures(column, 2021)
    assert figures["normative"] == {"issued": 2, "repealed": 0, "in_force": 3}
    assert figures["rules"] == {"issued": 1, "repealed": 1, "in_force": 1}


@pytest.mark.django_db
def test_the_editor_chooses_the_year_and_the_draft_carries_the_bureaus_name(admin_client, column, report):
    from gongkai.reports.drafts import report_year_due

    due = report_year_due()
    AnnualReportPage.objects.filter(pk=report.pk).update(year=due)
    url = reverse("reports_draft_next", args=[column.pk])
    form = BeautifulSoup(admin_client.get(url).content, "html.parser")
    choices = {option["value"]: option.get_text() for option in form.select("select[name=year] option")}
    assert choices[str(due)] == f"{due} 年（已有报告）" and choices[str(due - 1)] == f"{due - 1} 年"
    # A year that already has a report is refused with a message, and nothing is created.
    response = admin_client.post(url, {"year": str(due)})
    assert f"本栏目已有 {due} 年度报告" in response.content.decode()
    assert AnnualReportPage.objects.count() == 1
    year = min(int(value) for value in choices)
    response = admin_client.post(url, {"year": str(year)})
    draft = AnnualReportPage.objects.get(year=year)
    assert draft.title == f"测试科技局{year}年度政府信息公开工作年度报告" and draft.issuer == "测试科技局"


@pytest.mark.django_db
def test_prefilled_table_two_counts_only_the_bureaus_own_documents_and_says_so(admin_client, home, column, catalogue):
    from tests.factories import DocumentPageFactory

    DocumentPageFactory(parent=catalogue, document_type="normative_document", date=datetime.date(2021, 5, 1), issuer="测试科技局")
    DocumentPageFactory(parent=catalogue, document_type="normative_document", date=datetime.date(2021, 5, 2), issuer="测试科技局、测试财政局")
    # The ministries' rules republished in 政策法规 are not the bureau's.
    for issuer in ("科学技术部", "国务院"):
        DocumentPageFactory(parent=catalogue, document_type="departmental_rule", date=datetime.date(2021, 6, 1), issuer=issuer)
    admin_client.post(reverse("reports_draft_next", args=[column.pk]), {"year": "2021"})
    draft = AnnualReportPage.objects.get(year=2021)
    item1 = draft.table_value("proactive_table")["item1"]
    assert (item1["normative"]["issued"], item1["rules"]["issued"], item1["rules"]["in_force"]) == (2, 0, 0)
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert "预填数据来源" in html
    assert "表二 行政规范性文件：本年制发 2 件 = 发布机构含“测试科技局”的行政规范性文件，发布日期在 2021 年" in html
