"""In Chromium: a page counts itself once shown, within the content security policy (no inline code, no console
errors); a browser saying Do-Not-Track sends nothing; a reader without scripts is counted by the image; the linking
site arrives as a host name only."""

import time

import pytest
from django.db.models import Sum

from tests.helpers import BROWSER, base_rows


def _site():
    from wagtail.models import Page, Site

    from tests.factories import ArticlePageFactory, ColumnPageFactory, HomePageFactory

    base_rows()
    home = HomePageFactory(parent=Page.objects.get(depth=1), slug="visits-browser-home")
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    column = ColumnPageFactory(parent=home, slug="work", kind="news", title="工作动态")
    return ArticlePageFactory(parent=column, slug="week", title="科技活动周")


def _views():
    from gongkai.visits.models import PageViews

    return PageViews.objects.aggregate(n=Sum("views"))["n"] or 0


def _wait_for(expected, seconds=10):
    deadline = time.monotonic() + seconds
    while _views() < expected and time.monotonic() < deadline:
        time.sleep(0.1)
    return _views()


@pytest.mark.django_db(transaction=True)
def test_pages_count_themselves_in_chromium(live_server, browser):
    from gongkai.visits.models import ReferrerViews

    article = _site()
    url = live_server.url + article.url

    context = browser.new_context(user_agent=BROWSER)
    page = context.new_page()
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(url, referer="https://www.baidu.com/s?wd=%E7%A7%91%E6%8A%80")
    assert _wait_for(1) == 1
    page.goto(url)
    assert _wait_for(2) == 2
    assert problems == []  # in particular, no content security policy violation
    assert list(ReferrerViews.objects.values_list("host", "views")) == [("www.baidu.com", 1)]
    context.close()

    # Do-Not-Track in the browser: the script sends nothing at all.
    context = browser.new_context(user_agent=BROWSER)
    context.add_init_script("Object.defineProperty(Navigator.prototype, 'doNotTrack', {get: () => '1'})")
    page = context.new_page()
    sent = []
    page.on("request", lambda request: sent.append(request.url) if "/visits/" in request.url else None)
    page.goto(url)
    page.wait_for_timeout(1000)
    assert sent == [] and _views() == 2
    context.close()

    # Global Privacy Control, as a header: not counted by the server either.
    context = browser.new_context(user_agent=BROWSER, extra_http_headers={"Sec-GPC": "1"})
    context.new_page().goto(url)
    time.sleep(1)
    assert _views() == 2
    context.close()

    # Without scripts, the image counts the page.
    context = browser.new_context(user_agent=BROWSER, java_script_enabled=False)
    context.new_page().goto(url)
    assert _wait_for(3) == 3
    context.close()

    # Chromium as a headless robot announces itself: not counted.
    context = browser.new_context()
    context.new_page().goto(url)
    time.sleep(1)
    assert _views() == 3
    context.close()
