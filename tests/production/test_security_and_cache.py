"""Production defaults: a clean deploy check, security headers and a CSP without inline code, admin login
lockout, error pages that leak nothing, and the page cache with its invalidation."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from tests.factories import ArticlePageFactory

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_deploy_check_is_clean_with_production_settings(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.production",
           "SECRET_KEY": "x7$Kp2!vQ9#mL4@wR8^tZ1&nB6*cF3(hJ5)dG0-sY7+eU2=aI9_oP4~qT6", "ALLOWED_HOSTS": "kjj.example.gov.cn",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
           "GONGKAI_FIELD_KEY": "Vq3kD8ZbYz5cM1uR9xT0wL2nA7eF4hJ6gK8pS1dQ3rE="}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests' live server, never in deployment
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_public_pages_send_security_headers_and_a_csp_without_inline_code(client, column):
    response = client.get("/work/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "object-src 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "Content-Security-Policy" not in client.get("/admin/login/")  # Wagtail's admin has its own inline code


@pytest.mark.django_db
def test_repeated_failed_logins_lock_the_account_for_that_address(client, django_user_model):
    django_user_model.objects.create_user("editor", "editor@example.com", "right-password", is_staff=True)
    django_user_model.objects.create_user("other", "other@example.com", "other-password")
    url = reverse("wagtailadmin_login")
    for _ in range(4):
        assert client.post(url, {"username": "editor", "password": "wrong"}).status_code == 200
    assert client.post(url, {"username": "editor", "password": "wrong"}).status_code == 429  # the fifth failure locks
    locked = client.post(url, {"username": "editor", "password": "right-password"})
    assert locked.status_code == 429 and "登录已暂停" in locked.content.decode()
    # Other accounts are not affected.
    from django.contrib.auth.models import Permission

    django_user_model.objects.get(username="other").user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert client.post(url, {"username": "other", "password": "other-password"}).status_code == 302


@pytest.mark.django_db
def test_error_pages_are_in_the_site_style_and_leak_nothing(client, home, django_assert_num_queries):
    missing = client.get("/no-such-page/?q=<script>")
    text = missing.content.decode()
    assert missing.status_code == 404 and "页面不存在" in text and 'class="site-header"' in text and "<script>" not in text
    with django_assert_num_queries(0):  # the 500 page must render when the database is down
        page = render_to_string("500.html")
    assert "服务暂时不可用" in page and "Traceback" not in page and "site.css" in page


@pytest.fixture
def page_cache(settings):
    settings.GONGKAI_PAGE_CACHE = True


@pytest.mark.django_db
def test_anonymous_pages_are_cached_until_content_changes(client, column, page_cache, django_assert_num_queries):
    article = ArticlePageFactory(parent=column, slug="news", title="第一版标题")
    first = client.get("/work/news/")
    assert first["X-Page-Cache"] == "miss" and "第一版标题" in first.content.decode()
    assert "public" in first["Cache-Control"] and "max-age=60" in first["Cache-Control"]
    with django_assert_num_queries(0):
        second = client.get("/work/news/")
    assert second["X-Page-Cache"] == "hit" and second.content == first.content

    article.title = "第二版标题"
    article.save_revision().publish()
    third = client.get("/work/news/")
    assert third["X-Page-Cache"] == "miss" and "第二版标题" in third.content.decode()


@pytest.mark.django_db
def test_settings_changes_reach_cached_pages(client, home, page_cache):
    from gongkai.core.models import SiteSettings

    assert "测试科技局" in client.get("/").content.decode()
    settings_row = SiteSettings.objects.get()
    settings_row.site_name = "新名称科技局"
    settings_row.save()
    assert "新名称科技局" in client.get("/").content.decode()


@pytest.mark.django_db
def test_editors_forms_and_private_pages_are_never_cached(admin_client, column, page_cache):
    from django.test import Client

    ArticlePageFactory(parent=column, slug="news", title="标题")
    assert "X-Page-Cache" not in admin_client.get("/work/news/")  # a logged-in editor sees the live page
    client = Client()
    assert "X-Page-Cache" not in client.get("/apply/")
    assert "X-Page-Cache" not in client.get("/mailbox/write/")
    client.get("/work/news/")
    client.cookies["gk_reading"] = "text-large"
    response = client.get("/work/news/")
    assert response["X-Page-Cache"] == "miss" and "reading-text-large" in response.content.decode()


@pytest.mark.django_db
def test_behind_a_proxy_the_flood_limit_counts_each_client(client, home, settings):
    from django.test import RequestFactory

    from gongkai.core import antispam

    settings.GONGKAI_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    settings.GONGKAI_RATE_LIMITS = {"default": (1, 3600)}
    first = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.5")
    second = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.6")
    antispam.count_submission(first, "test")
    assert antispam.rate_limited(first, "test") and not antispam.rate_limited(second, "test")


@pytest.mark.slow
def test_production_cache_talks_to_redis(tmp_path):
    """REDIS_URL really works (the redis client is installed and configured), against the Redis on this machine."""
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.production", "SECRET_KEY": "k" * 50,
           "ALLOWED_HOSTS": "localhost", "REDIS_URL": "redis://127.0.0.1:6379/9",
           "GONGKAI_FIELD_KEY": "Vq3kD8ZbYz5cM1uR9xT0wL2nA7eF4hJ6gK8pS1dQ3rE=",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'r.sqlite3'}"}
    code = ("import django; django.setup(); from django.core.cache import cache, caches; "
            "cache.set('gongkai-test', '公开', 30); print(cache.get('gongkai-test')); print(type(caches['default']).__name__)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["公开", "RedisCache"]


@pytest.mark.django_db
def test_feeds_are_served_from_the_page_cache_and_answer_304(client, column, page_cache):
    ArticlePageFactory(parent=column, slug="news", title="标题")
    first = client.get("/work/feed/rss/")
    second = client.get("/work/feed/rss/")
    assert second["X-Page-Cache"] == "hit" and second.content == first.content
    again = client.get("/work/feed/rss/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["ETag"] == first["ETag"]
