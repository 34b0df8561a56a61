import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_models_and_migrations_are_in_step():
    call_command("makemigrations", "--check", "--dry-run", stdout=io.StringIO())


def test_system_checks_pass():
    call_command("check", stdout=io.StringIO())


def test_every_setting_the_plugin_reads_has_a_default():
    """A host site (docs/plugin.md) sets none of Gongkai's own settings: the plugin reads each with a default."""
    import re
    from pathlib import Path

    from django.conf import global_settings

    root = Path(__file__).resolve().parents[1] / "gongkai"
    bare = []
    for path in root.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for name in re.findall(r"(?<!getattr\()\bsettings\.([A-Z][A-Z0-9_]+)", line):
                # Django's own settings always exist; the cache and lockout settings belong to django-axes.
                if not hasattr(global_settings, name) and not name.startswith("AXES_") and name != "WAGTAIL_PAGE_MODEL":
                    bare.append(f"{path.relative_to(root.parent)}:{number} {name}")
    assert bare == []


def test_no_app_of_the_plugin_clashes_with_a_wagtail_start_project_or_a_well_known_package():
    from django.apps import apps

    plugin = [config for config in apps.get_app_configs() if config.name.startswith("gongkai.")]
    assert plugin and all(config.label.startswith("gongkai_") for config in plugin)
    labels = {config.label for config in plugin}
    assert not labels & {"home", "search", "core", "two_factor", "news", "reports", "columns"}
