"""Limits hold as long as they say, on every cache backend, measured with a moved clock: the public forms' flood
limit, the admin login per address across accounts, and the receipt's access to an applicant's letter."""

import socket
import time

import pytest
from django.test import RequestFactory

from gongkai.core import antispam

HOUR = 3600


def backends(tmp_path_factory):
    found = [
        pytest.param({"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, id="locmem"),
        # The embedded default (cms/settings/base.py), whose incr() re-set the key with a 5-minute timeout.
        pytest.param({"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": "{tmp}"}, id="files"),
    ]
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        found.append(pytest.param({"BACKEND": "gongkai.core.redis_cache.RedisCache", "LOCATION": "redis://127.0.0.1:6379/9"},
                                  id="redis"))
    except OSError:
        pass
    return found


@pytest.fixture
def clock(monkeypatch):
    """time.time() under the test's control: the caches' own expiry reads it too."""
    now = [time.time()]
    monkeypatch.setattr(time, "time", lambda: now[0])

    def move(seconds):
        now[0] += seconds
    return move


@pytest.mark.parametrize("backend", backends(None))
def test_five_submissions_an_hour_means_an_hour_on_every_cache(settings, tmp_path, clock, backend):
    from django.core.cache import cache

    settings.CACHES = {"default": {**backend, "LOCATION": backend.get("LOCATION", "").replace("{tmp}", str(tmp_path))}}
    cache.delete("gongkai:rate:mailbox:198.51.100.7")
    settings.GONGKAI_RATE_LIMITS = {"default": (5, HOUR)}
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.7")
    for _ in range(5):
        assert not antispam.rate_limited(request, "mailbox")
        antispam.count_submission(request, "mailbox")
        clock(30)
    assert antispam.rate_limited(request, "mailbox")
    clock(5 * 60)  # the old behaviour let the next five through here
    assert antispam.rate_limited(request, "mailbox")
    clock(50 * 60)
    assert antispam.rate_limited(request, "mailbox")
    clock(8 * 60)  # an hour after the first submission
    assert not antispam.rate_limited(request, "mailbox")
    antispam.count_submission(request, "mailbox")  # a new window starts
    assert not antispam.rate_limited(request, "mailbox")
    cache.delete("gongkai:rate:mailbox:198.51.100.7")


@pytest.mark.django_db
def test_the_mailbox_form_refuses_the_sixth_message_within_the_hour(client, home, settings, tmp_path, clock):
    from tests.helpers import message_data

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                                   "LOCATION": str(tmp_path)}}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
    for _ in range(5):
        assert client.post("/mailbox/write/", message_data(client)).status_code == 302
    clock(6 * 60)
    assert client.post("/mailbox/write/", message_data(client)).status_code == 429
    clock(55 * 60)
    assert client.post("/mailbox/write/", message_data(client)).status_code == 302


@pytest.mark.django_db
def test_one_address_cannot_try_many_passwords_across_accounts(client, django_user_model, settings):
    import datetime

    from axes.models import AccessAttempt
    from django.contrib.auth.models import Permission
    from django.test import Client
    from django.urls import reverse

    access = Permission.objects.get(codename="access_admin")
    for n in range(11):
        django_user_model.objects.create_user(f"editor{n}", f"e{n}@example.com", "right-password").user_permissions.add(access)
    url = reverse("wagtailadmin_login")
    statuses = []
    for n in range(10):  # four wrong passwords each: under the per-account limit of 5
        for _ in range(4):
            statuses.append(client.post(url, {"username": f"editor{n}", "password": "wrong"}).status_code)
    limit = settings.GONGKAI_LOGIN_ADDRESS_LIMIT
    assert statuses[:limit - 1] == [200] * (limit - 1) and set(statuses[limit - 1:]) == {429}
    locked = client.post(url, {"username": "editor10", "password": "right-password"})
    assert locked.status_code == 429 and "登录已暂停" in locked.content.decode()
    # Another address is not affected, and the address is free again after the cool-off time.
    assert Client(REMOTE_ADDR="203.0.113.9").post(url, {"username": "editor10", "password": "right-password"}).status_code == 302
    AccessAttempt.objects.update(attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16))
    assert client.post(url, {"username": "editor10", "password": "right-password"}).status_code == 302


@pytest.mark.django_db
def test_the_receipt_opens_the_reply_letter_for_an_hour_and_one_browser_session(client, home, clock):
    import datetime

    from django.core.files.base import ContentFile

    from gongkai.applications.models import InformationRequest
    from tests.helpers import PDF, form_data

    response = client.post("/apply/", form_data(client))
    assert response.status_code == 302
    session_cookie = response.cookies["sessionid"]
    assert not session_cookie["expires"] and not session_cookie["max-age"]  # gone when the browser closes
    application = InformationRequest.objects.get()
    application.reply_file.save("reply.pdf", ContentFile(PDF), save=False)
    application.answered_on = datetime.date.today()
    application.save()
    letter = f"/apply/status/file/{application.tracking_number}/"
    assert client.get("/apply/done/").status_code == 200
    assert client.get(letter).status_code == 200
    clock(61 * 60)  # on a shared computer, an hour later: the number and the digits are asked again
    assert client.get(letter).status_code == 404
    assert client.get("/apply/done/").status_code == 302
    status = client.post("/apply/status/", {"tracking_number": application.tracking_number, "phone_last_four": "1234"})
    assert status.status_code == 200 and application.tracking_number in status.content.decode()
    assert client.get(letter).status_code == 200



@pytest.mark.django_db
def test_the_content_version_does_not_expire_on_the_file_cache(settings, tmp_path, clock):
    from gongkai.core.content_version import content_changed, content_version

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                                   "LOCATION": str(tmp_path)}}
    content_version()
    content_changed()
    bumped = content_version()
    clock(10 * 60)  # past the cache's default timeout: cached pages must not all expire with it
    assert content_version() == bumped
