"""The interface strings are written in Simplified Chinese. locale/zh_Hans/ translates each to itself so gettext
finds it in the first catalogue it reads (README, Rendering); locale/en/ translates them to English."""

from pathlib import Path

import polib
from django.conf import settings
from django.utils import translation

LOCALE = Path(settings.BASE_DIR) / "locale"


def test_the_chinese_catalogue_changes_no_string_and_covers_the_english_one():
    chinese = polib.pofile(str(LOCALE / "zh_Hans/LC_MESSAGES/django.po"))
    english = polib.pofile(str(LOCALE / "en/LC_MESSAGES/django.po"))
    changed = [entry.msgid for entry in chinese
               if (entry.msgstr_plural.get(0) != entry.msgid_plural if entry.msgid_plural else entry.msgstr != entry.msgid)]
    assert changed == []
    english_ids = {entry.msgid for entry in english if not entry.obsolete}
    assert english_ids - {entry.msgid for entry in chinese} == set()


def test_a_chinese_string_is_found_in_the_sites_own_catalogue():
    with translation.override("zh-hans"):
        catalogue = translation.trans_real.translation("zh-hans")
        assert catalogue._catalog.get("跳到主要内容") == "跳到主要内容"
        assert translation.gettext("跳到主要内容") == "跳到主要内容"
    with translation.override("en"):
        assert translation.gettext("跳到主要内容") == "Skip to main content"
