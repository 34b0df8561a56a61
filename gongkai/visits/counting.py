"""Counting one view. The page carries a signed token naming what it is (page, or path of a view that is not a page,
language, and for a search its query and result count); a script sends the token back after the page has loaded, so
pages served from the page cache or a CDN are counted, and nothing the reader sends can add a page, language or
query that the site did not render. Bots, editors, Do-Not-Track and Global Privacy Control are not counted.

One view is one round trip to the database on PostgreSQL (the statements run as one implicit transaction, committed
without waiting for the disk like the search hit count), one transaction on SQLite: a view is counted whole or not at
all, and concurrent views add up (every count is an upsert that adds one)."""

import hashlib
import re
import secrets
from collections import Counter
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, connection, transaction
from django.dispatch import Signal
from django.utils import timezone

from gongkai.core.antispam import client_address

from .models import DailySalt, DailyVisitors, PageViews, ReferrerViews, SearchViews, VisitorMark

# Sent after a search is counted, with query, results and the `extra` the search page put in its token (the site's
# search app adds to Wagtail's popular-queries report from it).
search_counted = Signal()

_signer = signing.Signer(salt="gongkai.visits")

# What a browser's User-Agent never holds and crawlers', monitors' and scripts' do; and a browser's always starts
# with "Mozilla/".
BOTS = re.compile(
    r"bot|spider|crawl|slurp|scrap|fetch|monitor|headless|phantom|lighthouse|pingdom|curl|wget|python|java/|"
    r"go-http|okhttp|http-?client|libwww|axios|preview|facebookexternalhit|yisou|sogou|360spider", re.I)
HOST = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")
MAX_QUERY = 255


def token(page_id=0, path="", language="", search=None):
    """The token a page carries. search: (query, results, extra) for a page of search results."""
    data = {"p": int(page_id or 0), "l": language}
    if path and not page_id:
        data["u"] = path[:255]
    if search:
        query, results, extra = search
        data["s"] = [str(query)[:MAX_QUERY], int(results or 0), extra or {}]
    return _signer.sign_object(data)


def refused(request):
    """Why this request is not counted ("" when it is)."""
    agent = request.META.get("HTTP_USER_AGENT", "")
    if not agent.startswith("Mozilla/") or BOTS.search(agent):
        return "bot"
    if request.META.get("HTTP_DNT") == "1" or request.META.get("HTTP_SEC_GPC") == "1":
        return "do-not-track"
    if request.META.get("HTTP_SEC_FETCH_SITE") == "cross-site":  # another site's page sending our token
        return "cross-site"
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:  # editors reading their own site
        return "signed-in"
    return ""


def _read(value):
    try:
        data = _signer.unsign_object(value or "")
    except (signing.BadSignature, ValueError):
        return None
    languages = {code for code, _name in settings.LANGUAGES}
    if not isinstance(data, dict) or not isinstance(data.get("p"), int) or data.get("l") not in languages:
        return None
    return data


def referrer_host(value, request):
    """The linking site's host name, or "" (none, our own, or not a host name)."""
    value = (value or "").strip().lower()[:300]
    if "//" in value:  # an address (the script sends only the host; an older one may send it whole)
        try:
            parts = urlsplit(value)
        except ValueError:
            return ""
        host = (parts.hostname or "") if parts.scheme in ("http", "https") else ""
    else:
        host = value
    host = host.rstrip(".")
    if not host or "." not in host or len(host) > 253 or not HOST.match(host):
        return ""
    if host == request.get_host().split(":")[0].lower():
        return ""
    return host


_salts = {}


def salt(day):
    """The day's salt; the first call of a new day in a process first counts and throws away the days before."""
    value = _salts.get(day)
    if value is None:
        rollover(day)
        try:
            with transaction.atomic():
                value = DailySalt.objects.get_or_create(day=day, defaults={"salt": secrets.token_hex(16)})[0].salt
        except IntegrityError:  # another process made it first
            value = DailySalt.objects.get(day=day).salt
        _salts.clear()
        _salts[day] = value
    return value


def forget():
    """For tests: each test database has its own salts."""
    _salts.clear()


def rollover(today=None):
    """Count the digests of the days before today into DailyVisitors, then delete them and those days' salts.
    The digests are deleted first and counted from what the deletion returns, so two processes doing this at
    once cannot count a day twice (the second finds nothing left)."""
    today = today or timezone.localdate()
    marks = connection.ops.quote_name(VisitorMark._meta.db_table)
    totals = connection.ops.quote_name(DailyVisitors._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {marks} WHERE day < %s RETURNING day", [today])
        days = Counter(row[0] for row in cursor.fetchall())
        for day, visitors in days.items():
            cursor.execute(f"INSERT INTO {totals} AS t (day, visitors) VALUES (%s, %s) "
                           "ON CONFLICT (day) DO UPDATE SET visitors = t.visitors + excluded.visitors", [day, visitors])
        DailySalt.objects.filter(day__lt=today).delete()


def digest(request, day):
    """A reader's mark for the day: not reversible, and not comparable across days (the salt changes daily)."""
    raw = "|".join([salt(day), client_address(request), request.META.get("HTTP_USER_AGENT", "")])
    return hashlib.sha256(raw.encode("utf-8", "replace")).hexdigest()[:32]


def _table(model):
    return connection.ops.quote_name(model._meta.db_table)


def count(request, value, referrer=""):
    """Count the view the token names. Returns why it was not counted, or "" when it was."""
    reason = refused(request)
    if reason:
        return reason
    data = _read(value)
    if data is None:
        return "bad-token"
    day = timezone.localdate()
    language = data["l"]
    path = data.get("u", "") if isinstance(data.get("u", ""), str) else ""
    statements = [
        (f"INSERT INTO {_table(PageViews)} AS t (day, page_id, path, language, views) VALUES (%s, %s, %s, %s, 1) "
         "ON CONFLICT (day, page_id, path, language) DO UPDATE SET views = t.views + 1",
         [day, max(0, data["p"]), path[:255], language]),
        (f"INSERT INTO {_table(VisitorMark)} (day, digest) VALUES (%s, %s) ON CONFLICT (day, digest) DO NOTHING",
         [day, digest(request, day)]),
    ]
    host = referrer_host(referrer, request)
    if host:
        statements.append((f"INSERT INTO {_table(ReferrerViews)} AS t (day, host, views) VALUES (%s, %s, 1) "
                           "ON CONFLICT (day, host) DO UPDATE SET views = t.views + 1", [day, host]))
    search = data.get("s")
    if isinstance(search, list) and len(search) == 3 and isinstance(search[0], str) and search[0]:
        statements.append((
            f"INSERT INTO {_table(SearchViews)} AS t (day, language, query, results, searches) "
            "VALUES (%s, %s, %s, %s, 1) ON CONFLICT (day, language, query) "
            "DO UPDATE SET searches = t.searches + 1, results = excluded.results",
            [day, language, search[0][:MAX_QUERY], max(0, int(search[1]))]))
    else:
        search = None
    _execute(statements)
    if search:
        search_counted.send(sender=count, query=search[0], results=search[1], extra=search[2], language=language)
    return ""


def _execute(statements):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and connection.get_autocommit():
            # One round trip: psycopg binds the values on the client, and the statements run in the implicit
            # transaction of one simple query, which commits without waiting for the disk (a crash may lose the
            # last fraction of a second of counts, never content).
            sql = "; ".join(connection.ops.compose_sql(sql, params) for sql, params in statements)
            cursor.execute("SET LOCAL synchronous_commit TO OFF; " + sql)
            return
        with transaction.atomic():
            for sql, params in statements:
                cursor.execute(sql, params)
