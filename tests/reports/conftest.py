import pytest

from tests.factories import ColumnPageFactory


@pytest.fixture
def column(home):
    """Reports live in a 年度报告 column (it offers annual reports and the 年度报表 documents)."""
    return ColumnPageFactory(parent=home, title="政府信息公开年报", slug="work", kind="reports")
