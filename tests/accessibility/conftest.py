"""Browser checks run Debian's Chromium through Playwright, axe-core and the Nu HTML Checker from node_modules.

Without them (a laptop without Chromium), the checks are skipped with the reason; CI sets
GONGKAI_REQUIRE_BROWSER=1, and then a missing tool is a failure, not a skip."""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--no-first-run", "--disable-sync"]


def require(condition, reason):
    if condition:
        return
    if os.environ.get("GONGKAI_REQUIRE_BROWSER"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    require(Path(CHROMIUM).exists(), f"{CHROMIUM} not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "Python Playwright not installed (requirements-dev.txt)")
    # Playwright's sync API refuses to start inside a running event loop; Django's async-unsafe checks must be
    # relaxed for the live server's ORM calls made from this thread.
    was_set = "DJANGO_ALLOW_ASYNC_UNSAFE" in os.environ
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            yield browser
            browser.close()
    finally:
        if not was_set:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture(scope="session")
def axe_source():
    require(AXE.exists(), "axe-core missing: run npm ci")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def vnu_command():
    java = shutil.which("java")
    require(java is not None, "java not installed (needed by the Nu HTML Checker)")
    require(VNU.exists(), "vnu-jar missing: run npm ci")
    return [java, "-jar", str(VNU)]
