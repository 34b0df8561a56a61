"""Two-step admin login: an editor turns it on with an authenticator app, then needs its code after the password;
backup codes work once; a password alone opens nothing; "required" makes every editor set it up."""

import re

import pytest
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def code(device, offset=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


@pytest.fixture
def editor(django_user_model, home):
    return django_user_model.objects.create_superuser("kezhang", "kezhang@example.com", "correct-horse-2026")


def sign_in(client):
    response = client.post("/admin/login/", {"username": "kezhang", "password": "correct-horse-2026"})
    assert response.status_code == 302
    return response


def enrol(client):
    """Turn two-step login on as the editor would; returns the device and the backup codes shown."""
    page = client.get("/admin/two-factor/setup/")
    assert page.status_code == 200 and "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(confirmed=False)
    done = client.post("/admin/two-factor/setup/", {"token": code(device)})
    assert done.status_code == 200
    codes = re.findall(r"<code>(\w+)</code>", done.content.decode())
    assert len(codes) == 10
    device.refresh_from_db()
    assert device.confirmed
    return device, codes


@pytest.mark.django_db
def test_optional_by_default_and_required_after_the_editor_turns_it_on(client, editor):
    sign_in(client)
    assert client.get("/admin/").status_code == 200  # not turned on: the password is enough
    account = client.get("/admin/account/").content.decode()
    assert "/admin/two-factor/" in account
    device, _codes = enrol(client)

    client.post("/admin/logout/")
    sign_in(client)
    blocked = client.get("/admin/pages/")
    assert blocked.status_code == 302 and blocked["Location"].startswith("/admin/two-factor/verify/?next=")
    assert client.get("/django-admin/").status_code == 302
    assert client.get("/admin/api/main/pages/").status_code == 302

    wrong = client.post("/admin/two-factor/verify/", {"token": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 200 and "验证码不正确" in wrong.content.decode()
    assert client.get("/admin/pages/").status_code == 302

    # The code used while setting up cannot be replayed; the app's next code is accepted.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    right = client.post("/admin/two-factor/verify/", {"token": code(device, 1), "next": "/admin/pages/"})
    assert right.status_code == 302 and right["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


@pytest.mark.django_db
def test_a_backup_code_works_once(client, editor):
    sign_in(client)
    _device, codes = enrol(client)
    for attempt in range(2):
        client.post("/admin/logout/")
        sign_in(client)
        response = client.post("/admin/two-factor/verify/", {"token": codes[0], "next": "/admin/"})
        if attempt == 0:
            assert response.status_code == 302 and client.get("/admin/").status_code == 200
        else:
            assert response.status_code == 200 and client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_a_stolen_password_cannot_add_a_second_authenticator(client, editor):
    sign_in(client)
    enrol(client)
    client.post("/admin/logout/")
    sign_in(client)  # password only, not verified
    response = client.get("/admin/two-factor/setup/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/two-factor/verify/")
    assert TOTPDevice.objects.count() == 1


@pytest.mark.django_db
def test_required_mode_sends_every_editor_to_set_it_up(client, editor, settings):
    settings.GONGKAI_ADMIN_TWO_FACTOR = "required"
    sign_in(client)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/two-factor/setup/")
    enrol(client)
    assert client.get("/admin/").status_code == 200
    # Turning it off is not offered while it is required.
    assert client.post("/admin/two-factor/", {"action": "disable"}).status_code == 200
    assert TOTPDevice.objects.filter(confirmed=True).count() == 1


@pytest.mark.django_db
def test_turning_it_off_and_the_reset_command(client, editor):
    sign_in(client)
    enrol(client)
    client.post("/admin/two-factor/", {"action": "disable"})
    assert not TOTPDevice.objects.exists()
    enrol(client)
    call_command("reset_two_factor", "kezhang")
    client.post("/admin/logout/")
    sign_in(client)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_odd_codes_get_a_message_and_change_nothing(client, editor):
    sign_in(client)
    enrol(client)
    client.post("/admin/logout/")
    sign_in(client)
    for token in ["", "a" * 500, "<script>", "12 34 56'; DROP TABLE x;--", "١٢٣٤٥٦"]:
        response = client.post("/admin/two-factor/verify/", {"token": token, "next": "/admin/"})
        assert response.status_code == 200, token
    assert client.get("/admin/").status_code == 302
    # An outside address in next is not followed.
    device = TOTPDevice.objects.get()
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    response = client.post("/admin/two-factor/verify/", {"token": code(device, 1), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"
