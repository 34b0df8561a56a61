"""New pages: short readable addresses (the pinyin of their title's words, never 100+ percent-encoded characters),
starting a page again with a title already used (an abandoned draft) works."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from gongkai.core.slugs import readable_slug
from gongkai.news.models import ArticlePage
from tests.helpers import add_url, article_form


def test_readable_slug_is_the_pinyin_of_the_words_cut_at_a_word():
    assert readable_slug("市科技局举办北药产业培训会") == "shi-kejiju-juban-beiyao-chanye-peixun-hui"
    assert readable_slug("Science Week 2026 科技周") == "science-week-2026-keji-zhou"
    long = readable_slug("鹤岗市科学技术局关于印发鹤岗市科技计划项目管理办法和鹤岗市科技型企业认定办法的通知")
    assert len(long) <= 48 and not long.endswith("-") and long.startswith("hegangshi-kexuejishu-ju")
    assert readable_slug("😀《》") == ""


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["", "2026"])
def test_a_new_page_with_a_chinese_title_gets_a_pinyin_address(admin_client, client, column, typed):
    # "2026" is what the admin's script keeps of this title (it drops what is not ASCII).
    response = admin_client.post(add_url(column), article_form(title="关于开展2026年科技活动周的通知", slug=typed, action="action-publish"))
    assert response.status_code == 302
    page = ArticlePage.objects.get()
    assert page.slug == "guanyu-kaizhan-2026-nian-keji-huodong-zhou-de"
    assert client.get(page.url).status_code == 200 and len(page.url) < 70


@pytest.mark.django_db
def test_starting_again_with_the_title_of_an_abandoned_draft_works(admin_client, column):
    first = admin_client.post(add_url(column), article_form(title="科技活动周通知", slug="", action="action-save"))
    assert first.status_code == 302
    response = admin_client.post(add_url(column), article_form(title="科技活动周通知", slug="", action="action-save"))
    assert response.status_code == 302
    assert sorted(ArticlePage.objects.values_list("slug", flat=True)) == ["keji-huodong-zhou-tongzhi", "keji-huodong-zhou-tongzhi-2"]
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert "网址别名“keji-huodong-zhou-tongzhi”已被同一栏目中的其他页面使用，已改为“keji-huodong-zhou-tongzhi-2”" in said


@pytest.mark.django_db
def test_a_published_page_keeps_its_address(admin_client, column):
    admin_client.post(add_url(column), article_form(title="旧标题", slug="", action="action-publish"))
    page = ArticlePage.objects.get()
    admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), article_form(title="新标题", slug=page.slug, action="action-publish"))
    page.refresh_from_db()
    assert (page.title, page.slug) == ("新标题", "jiu-biaoti")


@pytest.mark.django_db
def test_a_new_article_starts_with_the_bureau_as_its_source(admin_client, column):
    from bs4 import BeautifulSoup

    form = BeautifulSoup(admin_client.get(add_url(column)).content, "html.parser")
    assert form.select_one("input[name=source]")["value"] == "测试科技局"
