"""Workers keep the site's shared parts (routes, navigation, settings, privacy) in memory between requests
(gongkai/core/site_cache.py). Each test reads a page first, so that memory is filled, then changes the site the way an
editor does and checks the very next request shows the change."""

import time

import pytest
from django.core.cache import cache
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from gongkai.core.content_version import VERSION_KEY
from gongkai.core.models import SiteSettings
from tests.factories import ArticlePageFactory, ColumnPageFactory


def publish(page):
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_a_new_first_level_column_appears_in_every_page_navigation(client, home, column):
    article = publish(ArticlePageFactory(parent=column, title="一条动态"))
    assert "新设栏目" not in client.get(article.url).content.decode()
    publish(ColumnPageFactory(parent=home, title="新设栏目", slug="new-column"))
    assert "新设栏目" in client.get(article.url).content.decode()
    assert "新设栏目" in client.get("/").content.decode()


@pytest.mark.django_db
def test_unpublished_and_moved_pages_leave_their_old_address(client, home, column):
    other = publish(ColumnPageFactory(parent=home, title="通知公告", slug="notices"))
    article = publish(ArticlePageFactory(parent=column, title="要搬走的动态", slug="moving"))
    gone = publish(ArticlePageFactory(parent=column, title="要撤下的动态", slug="gone"))
    assert client.get("/work/moving/").status_code == 200
    assert client.get("/work/gone/").status_code == 200

    gone.unpublish()
    assert client.get("/work/gone/").status_code == 404

    article.move(other, pos="last-child")
    old = client.get("/work/moving/")  # Wagtail leaves a redirect behind; the page is no longer served there
    assert old.status_code == 301 and old["Location"] == "/notices/moving/"
    assert "要搬走的动态" in client.get("/notices/moving/").content.decode()


@pytest.mark.django_db
def test_a_new_slug_takes_effect_at_once(client, home, column):
    article = publish(ArticlePageFactory(parent=column, title="改地址的动态", slug="old-slug"))
    assert client.get("/work/old-slug/").status_code == 200
    article.slug = "new-slug"
    publish(article)
    assert client.get("/work/old-slug/").status_code == 404
    assert client.get("/work/new-slug/").status_code == 200


@pytest.mark.django_db
def test_saved_site_settings_show_on_the_next_page(client, home, column):
    assert "测试科技局" in client.get("/work/").content.decode()
    settings = SiteSettings.objects.get()
    settings.site_name, settings.organiser = "改名后的科技局", "改名后的主办单位"
    settings.save()
    page = client.get("/work/").content.decode()
    assert "改名后的科技局" in page and "改名后的主办单位" in page


@pytest.mark.django_db
def test_a_page_made_private_is_closed_to_the_public_at_once(client, home, column):
    article = publish(ArticlePageFactory(parent=column, title="内部通知"))
    assert client.get(article.url).status_code == 200
    assert "内部通知" in client.get("/work/").content.decode()
    PageViewRestriction.objects.create(page=column, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(article.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert "内部通知" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_a_republished_body_replaces_the_blocks_the_worker_kept(client, home, column):
    article = publish(ArticlePageFactory(parent=column, title="正文会改的动态",
                                         body=[("paragraph", RichText("<p>第一稿的正文</p>"))]))
    assert "第一稿的正文" in client.get(article.url).content.decode()
    assert "第一稿的正文" in client.get(article.url).content.decode()  # served from the kept blocks
    article.body = [("paragraph", RichText("<p>第二稿的正文</p>"))]
    publish(article)
    page = client.get(article.url).content.decode()
    assert "第二稿的正文" in page and "第一稿的正文" not in page


@pytest.mark.django_db
def test_a_change_from_another_worker_shows_within_the_configured_time(client, home, column, settings):
    """Workers may reuse the content version they read for GONGKAI_CONTENT_VERSION_MAX_AGE seconds. A change made
    by another process (here: the data and the shared version changed directly, as another worker's publish does)
    shows once that time has passed; a change made in this process shows at once."""
    settings.GONGKAI_CONTENT_VERSION_MAX_AGE = 0.2
    article = publish(ArticlePageFactory(parent=column, title="原来的标题"))
    assert "原来的标题" in client.get(article.url).content.decode()

    Page.objects.filter(pk=article.pk).update(title="另一个进程改的标题")
    cache.incr(VERSION_KEY)
    time.sleep(0.25)
    assert "另一个进程改的标题" in client.get(article.url).content.decode()

    article.refresh_from_db()
    article.title = "本进程发布的标题"
    publish(article)
    assert "本进程发布的标题" in client.get(article.url).content.decode()
