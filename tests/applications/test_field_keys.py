"""Identity numbers survive key changes: production needs its own field key, rotation re-encrypts, and a value no
key opens is kept, never overwritten."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from gongkai.applications.crypto import Undecryptable
from gongkai.applications.models import InformationRequest, Status
from tests.helpers import ID_NUMBER, form_data

ROOT = Path(__file__).resolve().parents[2]
OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def stored(application):
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number FROM gongkai_applications_informationrequest WHERE id = %s", [application.pk])
        return cursor.fetchone()[0]


def manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if key != "GONGKAI_FIELD_KEY"}
    environment.update({"SECRET_KEY": "k" * 60, "ALLOWED_HOSTS": "kjj.example.gov.cn", **env})
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.slow
def test_production_refuses_to_start_without_a_field_key(tmp_path):
    result = manage("check", DJANGO_SETTINGS_MODULE="cms.settings.production",
                    DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert result.returncode != 0 and "GONGKAI_FIELD_KEY is required in production" in result.stderr
    result = manage("check", "--deploy", DJANGO_SETTINGS_MODULE="cms.settings.dev")
    assert "gongkai.E002" in result.stdout + result.stderr
    result = manage("check", DJANGO_SETTINGS_MODULE="cms.settings.dev", GONGKAI_FIELD_KEY="not-a-key")
    assert result.returncode != 0 and "gongkai.E001" in result.stdout + result.stderr


@pytest.mark.django_db
def test_a_rotated_secret_key_never_destroys_an_identity_number(applied, settings, office_client):
    """The old behaviour: the key came from SECRET_KEY, a failed decryption read as "" and the next save wrote ""."""
    original_token, original_secret = stored(applied), settings.SECRET_KEY
    settings.SECRET_KEY = "rotated-" + original_secret
    application = InformationRequest.objects.get(pk=applied.pk)
    assert isinstance(application.id_number, Undecryptable)
    assert "无法解密" in application.masked_id_number
    office_client.force_login(InformationRequest._meta.apps.get_model("auth", "User").objects.get(username="gongkaiban"))
    page = office_client.get(reverse("applications_detail", args=[application.pk])).content.decode()
    assert "无法解密" in page
    application.status = Status.ACCEPTED
    application.save()  # an ordinary step in the queue
    assert stored(application) == original_token
    settings.SECRET_KEY = original_secret
    assert InformationRequest.objects.get(pk=applied.pk).id_number == ID_NUMBER


@pytest.mark.django_db
def test_rotation_re_encrypts_with_the_newest_key(client, home, settings):
    settings.GONGKAI_FIELD_KEY = OLD
    assert client.post("/apply/", form_data(client)).status_code == 302
    application = InformationRequest.objects.get()
    under_old = stored(application)
    settings.GONGKAI_FIELD_KEY = f"{NEW},{OLD}"  # step 1: the new key in front
    assert InformationRequest.objects.get().id_number == ID_NUMBER
    call_command("rotate_field_key")  # step 2
    assert stored(application) != under_old
    assert Fernet(NEW.encode()).decrypt(stored(application).encode()).decode() == ID_NUMBER
    settings.GONGKAI_FIELD_KEY = NEW  # step 3: the old key dropped
    assert InformationRequest.objects.get().id_number == ID_NUMBER


@pytest.mark.django_db
def test_rotation_reports_values_no_key_opens_and_leaves_them(applied, settings):
    token = stored(applied)
    settings.GONGKAI_FIELD_KEY = NEW  # the key the value was written with is missing
    with pytest.raises(CommandError, match="1 个值无法"):
        call_command("rotate_field_key")
    assert stored(applied) == token
