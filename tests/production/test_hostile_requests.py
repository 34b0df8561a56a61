"""Each server error found by trying the site as an attacker is a 400 that says what was wrong, and no public URL
answers a hostile value in any parameter it reads with a 500 (on SQLite and PostgreSQL alike)."""

from urllib.parse import quote, urlencode

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow  # a fuzz of every public URL

WORDS = " ".join(f"词{i}" for i in range(150))


def get(client, path, **query):
    """As a real server passes it: NUL and all."""
    return client.get(quote(path), QUERY_STRING=urlencode(query))


@pytest.mark.django_db
@pytest.mark.parametrize("path, query, message", [
    ("/api/v2/pages/", {"offset": "99999999999999999999"}, "offset must be a whole number"),
    ("/api/v2/pages/", {"offset": "9223372036854775808"}, "offset must be a whole number"),
    ("/api/v2/documents/", {"offset": "99999999999999999999"}, "offset must be a whole number"),
    ("/api/v2/images/", {"limit": "99999999999999999999"}, "limit must be a whole number"),
    ("/api/v2/pages/", {"child_of": "99999999999999999999"}, "child_of must be a whole number"),
    ("/api/v2/pages/", {"search": "科技", "search_operator": "xor"}, "search_operator must be 'and' or 'or'"),
    ("/api/v2/pages/", {"search": WORDS}, "search is too long"),
    ("/api/v2/pages/", {"type": "gongkai_news.ArticlePage", "date": "2019-13-45"}, "date:"),
    ("/api/v2/pages/", {"type": "gongkai_reports.AnnualReportPage", "year": "99999999"}, "year must be a whole number"),
    ("/api/v2/pages/", {"locale": "\x00"}, "locale"),
    ("/api/v2/pages/find/", {"html_path": "/work/\x00"}, "html_path"),
])
def test_api_parameters_out_of_bounds_get_a_400_that_says_why(client, site, path, query, message):
    response = get(client, path, **query)
    assert response.status_code == 400
    assert message in response.json()["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/apply/status/file/\x00/", "/work/\x00/", "/search/"])
def test_nul_in_any_address_is_a_400_page_that_says_so(client, site, path):
    response = get(client, path, query="科技\x00")
    assert response.status_code == 400
    assert "控制字符" in BeautifulSoup(response.content, "html.parser").select_one("main").get_text()


@pytest.mark.django_db
@pytest.mark.parametrize("path, name", [("/api/v2/pages/", "search"), ("/search/", "query"),
                                        ("/search/suggest/", "q")])
def test_searches_of_many_words_are_answered(client, site, path, name):
    """About 100 words overflowed FTS5's parser stack (SQLite) and the recursion limit (PostgreSQL)."""
    assert get(client, path, **{name: WORDS[:199]}).status_code == 200
    assert get(client, path, **{name: "科技政策管理办法" * 24}).status_code == 200


@pytest.mark.django_db
def test_the_admin_search_takes_many_words(admin_client, site):
    assert get(admin_client, "/admin/pages/search/", q=WORDS).status_code == 200


PUBLIC_PATHS = ["/", "/work/", "/work/a0/", "/work/i0/", "/policies/", "/policies/d0/", "/search/", "/search/suggest/", "/feeds/",
                "/work/feed/rss/", "/work/feed/atom/", "/feed/rss/", "/annual-reports/compare/", "/mailbox/",
                "/mailbox/write/", "/mailbox/done/", "/mailbox/status/", "/apply/", "/apply/done/", "/apply/status/",
                "/apply/status/file/GK0000/", "/reading/large/", "/reading/script/", "/sitemap.xml", "/robots.txt",
                "/favicon.ico", "/en/", "/en/search/", "/api/v2/pages/", "/api/v2/pages/find/", "/documents/1/x.pdf",
                "/visits/pixel.gif"]
PARAMETERS = ["page", "query", "q", "column", "type", "year", "sort", "title", "topic", "document_type", "validity",
              "figure", "next", "thanks", "locale", "html_path", "format", "t", "r"]
VALUES = ["\x00", "9" * 30, "-1", "0", "x" * 400, "🙂🏛️", "' OR 1=1 --", "<script>alert(1)</script>", "%", "../..",
          "\u202e", "１２", "//evil.example/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_no_public_url_fails_on_a_hostile_parameter(client, site, path):
    for value in VALUES:
        response = get(client, path, **dict.fromkeys(PARAMETERS, value))
        assert response.status_code < 500, (path, value)
        assert get(client, path + value.replace("/", "") + "/").status_code < 500, (path, value)
    assert get(client, path, **dict.fromkeys(PARAMETERS, "长" * 10000)).status_code < 500


@pytest.mark.django_db
@pytest.mark.parametrize("form", ["/apply/", "/mailbox/write/"])
@pytest.mark.parametrize("answer", ["⓵", "፪", "١٢"])
def test_digits_python_calls_digits_but_int_refuses_are_a_wrong_answer(client, site, form, answer):
    """Found by the generated inputs: "²".isdigit() is true and int("²") fails."""
    client.get(form)
    response = client.post(form, {"answer": answer, "id_type": "resident", "id_number": "²" * 18, "category": "question"})
    assert response.status_code == 400 and "验证问题的答案不对" in response.content.decode()


@pytest.mark.django_db
def test_the_question_takes_full_width_digits(client, site):
    from tests.helpers import message_data

    data = message_data(client)
    data["answer"] = data["answer"].translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert client.post("/mailbox/write/", data).status_code == 302
