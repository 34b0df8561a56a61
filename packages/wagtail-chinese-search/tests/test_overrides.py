"""Fails loudly when a modelsearch release changes code this package overrides or relies on."""

import modelsearch
from wagtail_chinese_search import overrides


def test_modelsearch_code_we_override_is_the_code_we_tested_with():
    changed = overrides.changed()
    assert not changed, (
        f"modelsearch {modelsearch.__version__} (tested with {overrides.TESTED_WITH}) changed what wagtail_chinese_search "
        "overrides; review each and update its fingerprint in overrides.py:\n"
        + "\n".join(f"  modelsearch.{path}: {expected} → {found} (ours: {where})" for path, expected, found, where in changed)
    )


def test_a_changed_fingerprint_is_reported(monkeypatch):
    path = next(iter(overrides.OVERRIDES))
    monkeypatch.setitem(overrides.OVERRIDES, path, ("000000000000", "test"))
    assert [entry[0] for entry in overrides.changed()] == [path]


def test_every_override_names_existing_modelsearch_code():
    for path in overrides.OVERRIDES:
        assert len(overrides.fingerprint(path)) == 12, path
