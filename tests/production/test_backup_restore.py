"""docs/backup.sh on the demo site, restored into a new database: pages, report tables, applications (with their
encrypted identity numbers) and private files come back intact."""

import os
import subprocess
import tarfile
import uuid
from pathlib import Path

import pytest
from django.db import connection

from tests.helpers import base_rows

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_and_restore_of_the_demo_site(settings, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump needs PostgreSQL (CI runs this test there)")
    from django.core.files.base import ContentFile

    from gongkai.applications.crypto import decrypt
    from gongkai.applications.models import InformationRequest
    from tests.helpers import load_demo

    base_rows()
    load_demo()
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    settings.MEDIA_ROOT = tmp_path / "media"
    application = InformationRequest(applicant_type="natural", name="赵六", id_type="resident", id_number="11010519491231002X",
                                     phone="13800009999", description="备份测试", delivery_form="paper", delivery_method="pickup")
    application.attachment.save("id.pdf", ContentFile(b"%PDF-1.4 backup"), save=False)
    application.save()

    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "MEDIA_ROOT": str(settings.MEDIA_ROOT),
           "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT), "BACKUP_DIR": str(tmp_path / "backup")}
    result = subprocess.run(["bash", str(ROOT / "docs" / "backup.sh")], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    dump, archive = result.stdout.split()

    restored = f"restore_{uuid.uuid4().hex[:8]}"
    server = url.rsplit("/", 1)[0]
    subprocess.run(["psql", f"{server}/postgres", "-c", f"CREATE DATABASE {restored}"], check=True, capture_output=True)
    try:
        subprocess.run(["pg_restore", "--no-owner", f"--dbname={server}/{restored}", dump], check=True, capture_output=True)

        def count(sql, database):
            out = subprocess.run(["psql", f"{server}/{database}", "-tAc", sql], check=True, capture_output=True, text=True)
            return out.stdout.strip()

        for table in ("wagtailcore_page", "gongkai_disclosure_documentpage", "gongkai_reports_annualreportpage", "wagtailcore_revision",
                      "gongkai_applications_informationrequest", "wagtail_localize_stringtranslation"):
            assert count(f"SELECT count(*) FROM {table}", restored) == count(f"SELECT count(*) FROM {table}", db["NAME"]), table
        body = count("SELECT body::text FROM gongkai_reports_annualreportpage WHERE year = 2018 ORDER BY listedpage_ptr_id LIMIT 1", restored)
        assert "政府信息公开" in body
        token = count(f"SELECT id_number FROM gongkai_applications_informationrequest WHERE id = {application.pk}", restored)
        assert "1101" not in token and decrypt(token) == "11010519491231002X"
    finally:
        subprocess.run(["psql", f"{server}/postgres", "-c", f"DROP DATABASE IF EXISTS {restored}"], capture_output=True)

    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert any(name.startswith("private-media/applications/") and name.endswith(".pdf") for name in names)
