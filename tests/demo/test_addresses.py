"""Full addresses follow where the demo really runs (`make run PORT=…`): the site record, and so the links in feeds
and the sitemap, and what load_demo prints."""

import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_load_demo_uses_and_prints_the_port_it_is_served_on(client, monkeypatch):
    from wagtail.models import Site

    monkeypatch.setenv("PORT", "9123")
    out = io.StringIO()
    call_command("load_demo", skip_regulations=True, stdout=out, stderr=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 9123)
    printed = out.getvalue()
    assert "管理后台 http://127.0.0.1:9123/admin/" in printed
    assert "zonghe（综合科编辑）" in printed and "leader（局领导签发）" in printed
    for url in ("/sitemap.xml", "/news/work/feed/rss/", "/news/work/feed/atom/"):
        response = client.get(url, HTTP_HOST="127.0.0.1:9123")
        text = response.content.decode()
        assert response.status_code == 200, url
        assert "http://127.0.0.1:9123/news/" in text and ":8000" not in text, url
    # Served on another port later, the demo's record follows.
    monkeypatch.setenv("PORT", "9124")
    call_command("load_demo", skip_regulations=True, stdout=io.StringIO(), stderr=io.StringIO())
    assert Site.objects.get(is_default_site=True).port == 9124
