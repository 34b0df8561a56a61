"""The Wagtail admin entirely in Simplified Chinese.

Wagtail 8.0's zh_Hans catalogues (and wagtail-localize's and the contrib apps') leave about 460 interface strings in
English: "Schedule to publish", "Saved", "Checks", "There is one matching page"… `locale/` fills them, for the
server's templates (django.po) and the admin's scripts (djangojs.po). Any Wagtail site can use it by adding
LOCALE_DIR to LOCALE_PATHS, after its own locale folder:

    from gongkai import admin_chinese
    LOCALE_PATHS = [BASE_DIR / "locale", admin_chinese.LOCALE_DIR]

It must be LOCALE_PATHS rather than an app's locale folder: the admin's JavaScript catalogue reads only Wagtail's
own folder and LOCALE_PATHS. tests/admin/test_admin_chinese.py walks the admin as each role and fails on an English
interface string, so a Wagtail upgrade that adds strings is caught.
"""

from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
