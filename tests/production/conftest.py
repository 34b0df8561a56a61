import datetime

import pytest

from gongkai.disclosure.models import DocumentPage
from tests.factories import ArticlePageFactory, ColumnPageFactory, DocumentPageFactory, InterpretationPageFactory


@pytest.fixture
def site(home):
    news = ColumnPageFactory(parent=home, slug="work", kind="news")
    policies = ColumnPageFactory(parent=home, slug="policies", kind="catalogue")
    for n in range(3):
        ArticlePageFactory(parent=news, slug=f"a{n}", title=f"科技工作动态第{n}期", date=datetime.date(2019, 1, n + 1))
        DocumentPageFactory(parent=policies, slug=f"d{n}", title=f"科技计划项目管理办法{n}", written_date=None)
    # A 解读 of the first document: the catalogue, search and both pages show the link.
    InterpretationPageFactory(parent=news, slug="i0", title="科技计划项目管理办法解读", documents=[DocumentPage.objects.get(slug="d0")])
    return home
