"""Editors translate pages and snippets in the admin with wagtail-localize, including PO export and import."""

import io

import polib
import pytest
from django.urls import reverse
from wagtail.models import Locale

from gongkai.disclosure.models import TopicCategory
from gongkai.news.models import ArticlePage
from tests.factories import ArticlePageFactory


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.mark.django_db
def test_a_page_is_translated_through_a_po_file(admin_client, home, column, english, django_capture_on_commit_callbacks):
    article = ArticlePageFactory(parent=column, slug="festival", title="科技活动周开幕")
    # The parent column needs an English version first; the admin offers to translate it with its sub-pages.
    response = admin_client.post(reverse("wagtail_localize:submit_page_translation", args=[home.pk]),
                                 {"locales": [english.pk], "include_subtree": "on"})
    assert response.status_code == 302
    english_article = article.get_translation(english)
    from wagtail_localize.models import Translation

    translation = Translation.objects.get(source__object_id=article.translation_key, target_locale=english)

    po_response = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert po_response.status_code == 200
    po = polib.pofile(po_response.content.decode("utf-8"))
    entry = next(e for e in po if e.msgid == "科技活动周开幕")
    entry.msgstr = "Science and Technology Week opens"
    upload = io.BytesIO(str(po).encode("utf-8"))
    upload.name = "festival.po"
    response = admin_client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload})
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    english_article = ArticlePage.objects.get(pk=english_article.pk)
    assert english_article.title == "Science and Technology Week opens" and english_article.live
    assert english_article.url == "/en/work/festival/"


@pytest.mark.django_db
def test_a_snippet_is_submitted_for_translation(admin_client, english, locale):
    topic = TopicCategory.objects.create(code="12", name="科技、教育", locale=locale)
    url = reverse("wagtail_localize:submit_snippet_translation", args=["gongkai_disclosure", "topiccategory", topic.pk])
    assert admin_client.get(url).status_code == 200
    assert admin_client.post(url, {"locales": [english.pk]}).status_code == 302
    assert topic.has_translation(english)
