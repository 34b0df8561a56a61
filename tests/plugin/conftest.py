"""A fresh virtual environment with this working tree's two distributions installed (wagtail-chinese-search and
gongkai), shared by the tests that build a new `wagtail start` project in it: one install for both."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def run(args, cwd, env, timeout=600):
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, (args, result.stdout[-2000:], result.stderr[-3000:])
    return result.stdout


@pytest.fixture(scope="session")
def fresh_venv(tmp_path_factory):
    """(python, env) of a new virtual environment holding both distributions, built from a copy of the working tree."""
    if connection.vendor == "postgresql":
        pytest.skip("the new project has its own SQLite database; run once, in the SQLite pass")
    base = tmp_path_factory.mktemp("fresh")
    env = {key: value for key, value in os.environ.items() if key not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "PYTHONPATH")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    venv = base / "venv"
    run([sys.executable, "-m", "venv", str(venv)], base, env)
    python = str(venv / "bin" / "python")
    # From a copy of the working tree: pip builds in the source folder, and a build/ left there by an earlier run
    # could put deleted modules back into the package.
    source = base / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".venv", "node_modules", "build", "*.egg-info", ".git", "var", "media", "private-media", "static", "db.sqlite3*",
        "__pycache__", ".hypothesis", "benchmarks", "tests"))
    run([python, "-m", "pip", "install", "-q", str(source / "packages" / "wagtail-chinese-search"), str(source)], base, env,
        timeout=900)
    return python, env
