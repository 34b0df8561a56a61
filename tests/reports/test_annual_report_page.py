import datetime

import pytest
from bs4 import BeautifulSoup

from tests.factories import AnnualReportPageFactory


@pytest.mark.django_db
def test_report_renders_sections_subheadings_figures_and_signature(client, column):
    body = [
        ("paragraph", "<p>根据《条例》形成如下报告。</p>"),
        ("section", {"heading": "一、主要工作", "content": [
            ("subheading", "（一）加强领导"),
            ("paragraph", "<p>成立了领导小组。</p>"),
            ("figure", {"caption": "图 1 8 个一级栏目", "content": "<p>科技动态　科技政务</p>", "image": None}),
        ]}),
    ]
    AnnualReportPageFactory(
        parent=column, slug="2018", title="2018年度报告", year=2018, date=datetime.date(2019, 1, 20), issuer="鹤岗市科学技术局", body=body,
    )
    soup = BeautifulSoup(client.get("/work/2018/").content, "html.parser")
    assert soup.find("h1").get_text() == "2018年度报告"
    assert [h.get_text() for h in soup.select(".report__body h2")] == ["一、主要工作"]
    assert soup.select_one(".report__body h3").get_text() == "（一）加强领导"
    assert soup.find("figcaption").get_text() == "图 1 8 个一级栏目"
    assert "科技动态" in soup.find("figure").get_text()
    signature = soup.select_one(".report__signature").get_text()
    assert "鹤岗市科学技术局" in signature and "2019年1月20日" in signature


@pytest.mark.django_db
def test_report_year_must_be_plausible(column):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        AnnualReportPageFactory(parent=column, year=18)
