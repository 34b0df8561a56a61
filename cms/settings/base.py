"""Settings shared by every environment. Environment-specific files import this one."""

import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    # Project apps: one per domain.
    "gongkai.core",
    "home",
    "gongkai.columns",
    "gongkai.news",
    "gongkai.disclosure",
    "gongkai.reports",
    "search",
    "wagtail_chinese_search",
    "gongkai.syndication",
    "gongkai.importer",
    "gongkai.governance",
    "gongkai.reading",
    "gongkai.applications",
    "gongkai.interaction",
    "gongkai.visits",
    "gongkai.setup",
    "demo",
    # Before wagtail.admin: the admin's remaining English made Chinese (templates; its catalogue is in LOCALE_PATHS).
    "gongkai.admin_chinese",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "axes",
    # Two-step admin login (one-time passwords from an authenticator app, plus backup codes).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "gongkai.two_step",
    "csp",
    "django.contrib.sitemaps",
    "corsheaders",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Control characters (NUL) in a path or query: a 400 that says so, before any view or database sees them.
    "gongkai.core.bad_requests.RejectMalformedRequestMiddleware",
    # Hashed, compressed static files served by the app itself (no separate static server needed).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Inside LocaleMiddleware, so the page's language is still known when the response is converted.
    "gongkai.reading.middleware.TraditionalChineseMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "gongkai.two_step.middleware.AdminTwoFactorMiddleware",
    # After authentication: only anonymous readers get cached pages.
    "gongkai.core.page_cache.PageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Inside MessageMiddleware: after a review step, says what happened and what comes next.
    "gongkai.governance.review_messages.ReviewMessagesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: locks out repeated failed admin logins.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "gongkai.reading.context_processors.reading",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Database: SQLite is the embedded default; DATABASE_URL (sqlite:// or postgres://) switches.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}


def database_options(database):
    """Per-engine options. SQLite: WAL lets the dev server read while an import writes. PostgreSQL: prepared
    statements, which the Chinese search uses to plan its statement once per connection (Django's own queries bind
    on the client and never prepare); DATABASE_PREPARED_STATEMENTS=0 behind a transaction-mode pooler that does not
    keep them (PgBouncer before 1.21)."""
    options = database.setdefault("OPTIONS", {})
    if database["ENGINE"] == "django.db.backends.sqlite3":
        options["init_command"] = "PRAGMA journal_mode=WAL;"
    elif "postgresql" in database["ENGINE"] and os.environ.get("DATABASE_PREPARED_STATEMENTS", "1") != "0":
        options.setdefault("prepare_threshold", 5)
    return database


database_options(DATABASES["default"])

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Chinese first, English available (site content and admin).
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Our own strings, then what Wagtail's zh_Hans catalogues leave in English (gongkai/admin_chinese).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "gongkai" / "admin_chinese" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Applicants' files and reply letters: never under MEDIA_ROOT, never served by the web server.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
# Keys for encrypted fields (identity numbers), comma-separated, newest first; production requires them. Development
# and tests without one use a key derived from SECRET_KEY (gongkai/applications/crypto.py).
GONGKAI_FIELD_KEY = os.environ.get("GONGKAI_FIELD_KEY", "")
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Page editors with long StreamFields (annual reports) exceed Django's default of 1000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "公开 Gongkai"
# Avatars are uploaded or initials: nothing in the admin calls the internet (gravatar.com would learn who edits).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No release check against wagtail.org from the editors' browsers, and no English "what's new" banner.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Chinese search (the wagtail_chinese_search package, packages/wagtail-chinese-search): SQLite FTS5 or
# PostgreSQL, text segmented with jieba. Its README gives these two lines to any Wagtail site.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail_chinese_search.backends.database"},
}
# Links in e-mails: `make run` serves on HOST:PORT (127.0.0.1:8000 unless given).
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", f"http://{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}")
WAGTAILDOCS_EXTENSIONS = ["csv", "doc", "docx", "odt", "ofd", "pdf", "ppt", "pptx", "rtf", "txt", "wps", "xls", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Slugs in ASCII: the admin's script keeps only what it can of a title, and gongkai/core/slugs.py makes the rest
# pinyin (a Chinese slug shows percent-encoded, 9 characters per 汉字).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"

# Gongkai
# 机构代码: the first part of every 索引号 unless the site settings give one.
GONGKAI_AGENCY_CODE = os.environ.get("GONGKAI_AGENCY_CODE", "000000000")
GONGKAI_LIST_PAGE_SIZE = 20
# setup_site replaces Wagtail's placeholder root page with this site's home page.
GONGKAI_HOME_PAGE_MODEL = "home.HomePage"
# Where load_demo finds its source material; the repository ships a copy in demo/data.
GONGKAI_DEMO_DATA_DIR = Path(os.environ.get("GONGKAI_DEMO_DATA_DIR", BASE_DIR / "demo" / "data"))

# Headless API (Wagtail API v2) and CORS for the origins that may call it.
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_SEARCH_ENABLED = True
CORS_ALLOWED_ORIGINS = [o.strip() for o in os.environ.get("CORS_ALLOWED_ORIGINS", "").split(",") if o.strip()]
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]


# ---- Security -------------------------------------------------------------------------------------------
# Public pages run no inline script or style; the admin (Wagtail's own) is left out of the policy.
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"  # the admin previews pages in a frame of its own

# Admin login throttling: 5 failures for a user name from one address lock it for 15 minutes.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"
AXES_RESET_ON_SUCCESS = True
# Also per address across accounts (gongkai/core/login_lockout.py).
AXES_HANDLER = "gongkai.core.login_lockout.AccountAndAddressHandler"
GONGKAI_LOGIN_ADDRESS_LIMIT = int(os.environ.get("GONGKAI_LOGIN_ADDRESS_LIMIT", 15))

# Behind a reverse proxy, the header holding the client's address (set by the proxy, e.g. HTTP_X_REAL_IP).
GONGKAI_CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
if GONGKAI_CLIENT_IP_HEADER:
    AXES_IPWARE_META_PRECEDENCE_ORDER = [GONGKAI_CLIENT_IP_HEADER, "REMOTE_ADDR"]

# The embedded default keeps its cache in files, shared by the web server and the scheduler (run_scheduler), so a
# page the scheduler publishes invalidates the web server's cached pages too. Production uses Redis (REDIS_URL).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(BASE_DIR / "var" / "cache"),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}

# Two-step admin login: "optional" (each editor may turn it on in 账户设置), "required" (every editor must), "off".
GONGKAI_ADMIN_TWO_FACTOR = os.environ.get("ADMIN_TWO_FACTOR", "optional")
OTP_TOTP_ISSUER = os.environ.get("ADMIN_TWO_FACTOR_ISSUER", "Gongkai")

# Whole-page cache for anonymous readers (gongkai/core/page_cache.py).
GONGKAI_PAGE_CACHE = True
# Seconds a worker may go on using the content version it last read (gongkai/core/content_version.py) instead of asking the
# shared cache on every request: a publish in another worker or the scheduler shows there within this time.
GONGKAI_CONTENT_VERSION_MAX_AGE = float(os.environ.get("CONTENT_VERSION_MAX_AGE", "0.1"))
# Characters of search-result text (prepared for snippets, search/results.py) each worker keeps until the next publish;
# about 4 bytes each. The demo's 900 pages hold 4.6 million.
GONGKAI_SEARCH_CARD_CHARS = int(os.environ.get("SEARCH_CARD_CHARS", "8000000"))
# CDN or reverse-proxy purge on publish (wagtail.contrib.frontend_cache): a URL that accepts PURGE requests.
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                    "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"]},
    }
# Without collectstatic (development, tests), WhiteNoise finds files through the static finders instead.
WHITENOISE_USE_FINDERS = True
import warnings  # noqa: E402

warnings.filterwarnings("ignore", message="No directory at")
