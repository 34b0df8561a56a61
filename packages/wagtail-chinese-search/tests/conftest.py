import pytest

from tests.testapp.models import Article


@pytest.fixture(autouse=True)
def _fresh_search_state():
    """The synonym list and the title vocabulary are kept per process; each test's database has its own."""
    from wagtail_chinese_search import synonyms, vocabulary

    synonyms.invalidate()
    vocabulary.forget()


@pytest.fixture
def articles(db):
    """Saving indexes each article (modelsearch's signal handlers), through the Chinese backend."""

    def make(*rows):
        return [Article.objects.create(**row) if isinstance(row, dict) else Article.objects.create(title=row[0], body=row[1])
                for row in rows]
    return make


def titles(query, **kwargs):
    return [article.title for article in Article.objects.search(query, operator="or", **kwargs)[:10]]
