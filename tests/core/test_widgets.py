"""core.widgets.Select renders in Python what Django's Select renders through templates."""

import pytest
from bs4 import BeautifulSoup
from django import forms

from gongkai.core.widgets import Select

CHOICES = [("", "全部"), (1, "A&B <x>"), ("分组", [(2, "二"), (3, "三")]), (4, "四")]


def parsed(html):
    def tree(node):
        return [(child.name, sorted(child.attrs.items()), child.string if child.name == "option" else tree(child))
                for child in node.find_all(recursive=False)]
    return tree(BeautifulSoup(html, "html.parser"))


@pytest.mark.parametrize("value", ["", "1", "3", None, "不存在"])
@pytest.mark.parametrize("attrs", [None, {"id": "id_x", "aria-invalid": "true", "required": True, "disabled": False}])
def test_same_html_as_django(value, attrs):
    expected = forms.Select(choices=CHOICES).render("x", value, attrs)
    assert parsed(Select(choices=CHOICES).render("x", value, attrs)) == parsed(expected)
    assert "A&amp;B &lt;x&gt;" in Select(choices=CHOICES).render("x", value, attrs)


def test_search_filters_keep_their_labels_and_selection(client, home):
    soup = BeautifulSoup(client.get("/search/", {"query": "x", "type": "document", "sort": "date"}).content, "html.parser")
    assert soup.select_one("#id_type option[selected]")["value"] == "document"
    assert soup.select_one("#id_sort option[selected]").get_text() == "日期（新的在前）"
    assert soup.select_one("label[for=id_type]").get_text() == "类型"
