"""A real bureau's first day: exactly the manage.py commands of docs/deploy.md ("first-day" block), with the
production settings, on an empty PostgreSQL database; then an editor's page goes through the three reviews to
publication, through the admin, as the bureau's people would do it."""

import os
import re
import shlex
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
FIELD_KEY = "Vq3kD8ZbYz5cM1uR9xT0wL2nA7eF4hJ6gK8pS1dQ3rE="

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

# Run in the deployed site's own process (production settings): users as the 办公室 would add them in the admin
# (设置 → 科室, 用户), then an editor's notice through 科室审核 → 办公室审核 → 领导签发.
REVIEW_WALK = r"""
import django
django.setup()
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import TaskState

from gongkai.governance.models import Department
from gongkai.importer.service import ContentImporter
from gongkai.news.models import ArticlePage
from tests.helpers import add_url, article_form  # the same form the governance tests send

class HttpsClient(Client):  # the site is served over HTTPS only (SECURE_SSL_REDIRECT)
    def generic(self, *args, **kwargs):
        kwargs["secure"] = True
        return super().generic(*args, **kwargs)

office_department = Department.objects.get(name="办公室")
User = get_user_model()
def user(name, group):
    account = User.objects.create_user(name, f"{name}@example.com", "a-long-password-2026")
    account.groups.add(group)
    return account
editor, head = user("editor", office_department.editors), user("head", office_department.heads)
office, leader = user("office", Group.objects.get(name="办公室审核")), user("leader", Group.objects.get(name="局领导签发"))

notices = ContentImporter.resolve_parent("column:notices")
client = HttpsClient(HTTP_HOST="kjj.example.gov.cn")
client.force_login(editor)
response = client.post(add_url(notices), article_form(slug="week"))
assert response.status_code == 302, (response.status_code, response.get("Location"), response.wsgi_request.is_secure())
page = ArticlePage.objects.get(slug="week")
steps = []
for reviewer in (head, office, leader):
    task_state = page.current_workflow_state.current_task_state
    steps.append(task_state.task.name)
    client.force_login(reviewer)
    client.post(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]), {"comment": ""})
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED, (reviewer, task_state.task.name)
    page.refresh_from_db()
public = HttpsClient(HTTP_HOST="kjj.example.gov.cn")
print("steps", "|".join(steps), "live", page.live, "status", public.get(page.url).status_code,
      "home", public.get("/").status_code, "apply", public.get("/apply/").status_code)
"""


def first_day_commands():
    text = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- first-day[^>]*-->\s*```sh\n(.*?)```", text, re.S).group(1)
    commands = [shlex.split(line[line.index("manage.py"):]) for line in block.splitlines() if "manage.py" in line]
    assert [command[1] for command in commands] == ["migrate", "collectstatic", "setup_site", "createsuperuser"]
    return commands


def test_the_documented_first_day_on_an_empty_database_then_a_page_through_three_reviews(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the deployment guide's database is PostgreSQL (CI runs this test there)")
    db = connection.settings_dict
    server = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    name = f"first_day_{uuid.uuid4().hex[:8]}"
    subprocess.run(["psql", f"{server}/postgres", "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.production", "SECRET_KEY": "first-day-" + uuid.uuid4().hex * 2,
           "ALLOWED_HOSTS": "kjj.example.gov.cn", "DATABASE_URL": f"{server}/{name}", "GONGKAI_FIELD_KEY": FIELD_KEY,
           "STATIC_ROOT": str(tmp_path / "static"), "MEDIA_ROOT": str(tmp_path / "media"),
           "PRIVATE_MEDIA_ROOT": str(tmp_path / "private-media"), "DJANGO_SUPERUSER_PASSWORD": "a-long-password-2026"}
    env.pop("REDIS_URL", None)
    try:
        outputs = []
        for command in first_day_commands():
            if command[1] == "createsuperuser":  # the documented command asks at the terminal; the same, unattended
                command += ["--noinput", "--username", "admin", "--email", "admin@example.gov.cn"]
            result = subprocess.run([sys.executable, *command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
            assert result.returncode == 0, (command, result.stderr[-3000:])
            outputs.append(result.stdout)
        assert "栏目 12 个" in outputs[2] and "三级审核流程" in outputs[2]
        again = subprocess.run([sys.executable, *first_day_commands()[2]], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert again.returncode == 0 and "已创建" not in again.stdout  # a second run creates nothing

        walk = subprocess.run([sys.executable, "-c", REVIEW_WALK], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert walk.returncode == 0, walk.stderr[-3000:]
        assert "steps 科室审核|办公室审核|领导签发 live True status 200 home 200 apply 200" in walk.stdout, walk.stdout
    finally:
        subprocess.run(["psql", f"{server}/postgres", "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], capture_output=True)
