"""Property-based robustness: 12,500 generated inputs (any Unicode, emoji, control characters, SQL and HTML
fragments, huge numbers) to search, list filters, the API and the public forms. None may cause a server error."""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.slow

# Per endpoint family: 5 × 2,500 = 12,500 requests in every run (fewer with GONGKAI_EXAMPLES while developing).
EXAMPLES = int(os.environ.get("GONGKAI_EXAMPLES", 2500))
FRAGMENTS = ["' OR 1=1 --", "\"; DROP TABLE wagtailcore_page; --", "<script>alert(1)</script>", "%00", "../../etc/passwd",
             "🙂🏛️", "鹤科发〔2018〕3号", "政务公开", "\u202e", "NULL", "-1", "99999999999999999999", "1e308", "[]", "{}", "*", "\\"]
text = st.one_of(st.text(max_size=300), st.sampled_from(FRAGMENTS),
                 st.lists(st.sampled_from(FRAGMENTS), max_size=4).map(" ".join))
maybe = st.one_of(st.none(), text, st.integers().map(str))
common = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                  suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def params(**values):
    return {k: v for k, v in values.items() if v is not None}


def get(client, path, values):
    """As a real server passes the query on: NUL and all (a 400 then, never a 500)."""
    from urllib.parse import urlencode

    return client.get(path, QUERY_STRING=urlencode(values))


@pytest.mark.django_db
@common
@given(query=maybe, column=maybe, kind=maybe, year=maybe, sort=maybe, page=maybe)
def test_search_never_fails(client, site, query, column, kind, year, sort, page):
    response = get(client, "/search/", params(query=query, column=column, type=kind, year=year, sort=sort, page=page))
    assert response.status_code < 500


@pytest.mark.django_db
@common
@given(title=maybe, topic=maybe, document_type=maybe, validity=maybe, year=maybe, page=maybe)
def test_catalogue_filters_never_fail(client, site, title, topic, document_type, validity, year, page):
    response = get(client, "/policies/", params(title=title, topic=topic, document_type=document_type, validity=validity,
                                               year=year, page=page))
    assert response.status_code < 500


@pytest.fixture
def no_flood_limit(settings):
    """Exercise validation, not the flood limit (set once per test, not per example)."""
    settings.GONGKAI_RATE_LIMITS = {"default": (10**9, 3600)}


@pytest.mark.django_db
@common
@given(search=maybe, kind=maybe, fields=maybe, limit=maybe, offset=maybe, order=maybe, since=maybe)
def test_api_parameters_never_fail(client, site, search, kind, fields, limit, offset, order, since):
    response = get(client, "/api/v2/pages/", params(search=search, type=kind, fields=fields, limit=limit, offset=offset,
                                                   order=order, date_after=since))
    assert response.status_code < 500


@pytest.mark.django_db
@common
@given(form=st.sampled_from(["/apply/", "/mailbox/write/"]),
       data=st.dictionaries(st.sampled_from(["applicant_type", "name", "id_type", "id_number", "phone", "email", "description",
                                             "delivery_form", "delivery_method", "category", "subject", "content", "answer",
                                             "website", "consent_to_publish", "postcode"]), text, max_size=12))
def test_public_forms_never_fail(client, site, no_flood_limit, form, data):
    response = client.post(form, params(**data))
    assert response.status_code < 500


# Every parameter the API reads, by name, on each endpoint; values as a real server passes them (NUL included).
API_PARAMETERS = ["fields", "type", "child_of", "descendant_of", "ancestor_of", "translation_of", "locale", "site",
                  "order", "limit", "offset", "search", "search_operator", "date_from", "date_to", "id", "title",
                  "slug", "show_in_menus", "tags", "year", "date", "pinned", "pinned_until", "featured", "validity", "html_path", "topic_confirmed",
                  "document_number", "written_date", "report_format", "kind", "collection", "width", "unknown"]
API_PATHS = ["/api/v2/pages/", "/api/v2/pages/find/", "/api/v2/images/", "/api/v2/documents/", "/api/v2/pages/1/"]
TYPES = ["gongkai_news.ArticlePage", "gongkai_disclosure.DocumentPage", "gongkai_reports.AnnualReportPage", "gongkai_columns.ColumnPage", "wagtailcore.Page"]
api_value = st.one_of(text, st.integers().map(str), st.integers(min_value=2**31 - 2, max_value=2**70).map(str),
                      st.sampled_from(["root", "and", "or", "random", "-title", "en", "zh-hans", "\x00", "2019-01-01",
                                       "*", "-date", "true", " ".join(f"词{i}" for i in range(150))]))


@pytest.mark.django_db
@common
@given(path=st.sampled_from(API_PATHS), kind=st.one_of(st.none(), st.sampled_from(TYPES)),
       values=st.dictionaries(st.sampled_from(API_PARAMETERS), api_value, min_size=1, max_size=4))
def test_every_api_parameter_by_name_never_fails(client, site, path, kind, values):
    query = {**({"type": kind} if kind else {}), **values}
    response = get(client, path, query)
    assert response.status_code < 500, (path, query)
    if response.status_code == 400:
        assert response.json()["message"]  # says what was wrong
