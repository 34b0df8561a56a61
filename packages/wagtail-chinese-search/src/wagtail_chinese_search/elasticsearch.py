"""Elasticsearch 8/9 for large sites, with Chinese analysis.

A site's settings call `backend_settings(url)` for WAGTAILSEARCH_BACKENDS["default"]. Chinese text is analysed by the
server, not segmented in Python as the database backends do:
- `cjk` (default, built into Elasticsearch): full-width folding, lower case, overlapping bigrams plus single
  characters, so two-character words and single-character queries both match;
- `smartcn`: the analysis-smartcn plugin's word segmentation;
- `ik`: the analysis-ik plugin, `ik_max_word` when indexing and `ik_smart` when searching.
Traditional→Simplified folding needs a plugin such as analysis-stconvert; without one, Traditional queries
match only Traditional text on Elasticsearch (the database backends fold them).

简称 and synonyms: with `synonyms_set="…"`, searches go through a `synonym_graph` filter reading that Elasticsearch
synonyms set (Elasticsearch 8.10+), so 社保法 also finds 社会保险法 as on the database backends. The set is filled
from the editable list by `manage.py sync_search_synonyms` (PUT _synonyms/<set>; run it after editing the list, or
`--print` the rules for a synonyms file). Searches only: no re-index when the list changes."""

from django.core.exceptions import ImproperlyConfigured

ANALYZERS = {
    "cjk": {
        "analyzer": {
            "default": {"type": "custom", "tokenizer": "standard", "filter": ["cjk_width", "lowercase", "cjk_bigram_unigrams"]},
        },
        "filter": {"cjk_bigram_unigrams": {"type": "cjk_bigram", "output_unigrams": True}},
    },
    "smartcn": {
        "analyzer": {
            "default": {"type": "custom", "tokenizer": "smartcn_tokenizer", "filter": ["cjk_width", "lowercase"]},
        },
    },
    "ik": {
        "analyzer": {
            "default": {"type": "custom", "tokenizer": "ik_max_word", "filter": ["cjk_width", "lowercase"]},
            "default_search": {"type": "custom", "tokenizer": "ik_smart", "filter": ["cjk_width", "lowercase"]},
        },
    },
}
BACKENDS = {"8": "modelsearch.backends.elasticsearch8", "9": "modelsearch.backends.elasticsearch9"}


def index_settings(analyzer="cjk", synonyms_set=None):
    """INDEX_SETTINGS for modelsearch, deep-merged into its own: our analyzer becomes every text field's default;
    with a synonyms set, searches (not indexing) also expand 简称 and synonyms."""
    if analyzer not in ANALYZERS:
        raise ImproperlyConfigured(f"ELASTICSEARCH_ANALYZER must be one of {', '.join(ANALYZERS)}, not {analyzer!r}.")
    analysis = {key: {name: dict(value) for name, value in entries.items()} for key, entries in ANALYZERS[analyzer].items()}
    if synonyms_set:
        analysis.setdefault("filter", {})["chinese_search_synonyms"] = {
            "type": "synonym_graph", "synonyms_set": synonyms_set, "updateable": True}
        search = dict(analysis["analyzer"].get("default_search") or analysis["analyzer"]["default"])
        # cjk_width and lowercase first (as the rules are folded), then the synonyms, then the rest (bigrams).
        filters = list(search["filter"])
        at = max(i for i, name in enumerate(filters) if name in ("cjk_width", "lowercase")) + 1
        search["filter"] = [*filters[:at], "chinese_search_synonyms", *filters[at:]]
        analysis["analyzer"]["default_search"] = search
    # Autocomplete keeps modelsearch's edge n-grams, folded the same way as the rest of the text.
    analysis.setdefault("analyzer", {})["edgengram_analyzer"] = {
        "type": "custom", "tokenizer": "standard", "filter": ["cjk_width", "asciifolding", "lowercase", "edgengram"],
    }
    return {"settings": {"analysis": analysis}}


def backend_settings(url, version="8", analyzer="cjk", index_prefix="wagtail_", synonyms_set=None):
    if str(version) not in BACKENDS:
        raise ImproperlyConfigured(f"ELASTICSEARCH_VERSION must be 8 or 9, not {version!r}.")
    return {
        "BACKEND": BACKENDS[str(version)],
        "URLS": [u.strip() for u in url.split(",") if u.strip()],
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": 10,
        "INDEX_SETTINGS": index_settings(analyzer, synonyms_set),
    }


def synonym_rules():
    """The editable list as Elasticsearch synonym rules ("社保法 => 社保法, 社会保险法")."""
    from .synonyms import elasticsearch_rules

    return elasticsearch_rules()


def sync_synonyms(client, synonyms_set):
    """Replace the Elasticsearch synonyms set with the editable list; returns how many rules were sent."""
    rules = synonym_rules()
    client.perform_request(
        "PUT", f"/_synonyms/{synonyms_set}", headers={"content-type": "application/json", "accept": "application/json"},
        body={"synonyms_set": [{"id": f"rule-{number}", "synonyms": rule} for number, rule in enumerate(rules, start=1)]})
    return len(rules)
