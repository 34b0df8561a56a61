"""Elasticsearch 8/9 for large sites, with Chinese analysis.

A site's settings call `backend_settings(url)` for WAGTAILSEARCH_BACKENDS["default"]. Chinese text is analysed by the
server, not segmented in Python as the database backends do:
- `cjk` (default, built into Elasticsearch): full-width folding, lower case, overlapping bigrams plus single
  characters, so two-character words and single-character queries both match;
- `smartcn`: the analysis-smartcn plugin's word segmentation;
- `ik`: the analysis-ik plugin, `ik_max_word` when indexing and `ik_smart` when searching.
Traditional→Simplified folding needs a plugin such as analysis-stconvert; without one, Traditional queries
match only Traditional text on Elasticsearch (the database backends fold them)."""

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


def index_settings(analyzer="cjk"):
    """INDEX_SETTINGS for modelsearch, deep-merged into its own: our analyzer becomes every text field's default."""
    if analyzer not in ANALYZERS:
        raise ImproperlyConfigured(f"ELASTICSEARCH_ANALYZER must be one of {', '.join(ANALYZERS)}, not {analyzer!r}.")
    analysis = {key: dict(value) for key, value in ANALYZERS[analyzer].items()}
    # Autocomplete keeps modelsearch's edge n-grams, folded the same way as the rest of the text.
    analysis.setdefault("analyzer", {})["edgengram_analyzer"] = {
        "type": "custom", "tokenizer": "standard", "filter": ["cjk_width", "asciifolding", "lowercase", "edgengram"],
    }
    return {"settings": {"analysis": analysis}}


def backend_settings(url, version="8", analyzer="cjk", index_prefix="wagtail_"):
    if str(version) not in BACKENDS:
        raise ImproperlyConfigured(f"ELASTICSEARCH_VERSION must be 8 or 9, not {version!r}.")
    return {
        "BACKEND": BACKENDS[str(version)],
        "URLS": [u.strip() for u in url.split(",") if u.strip()],
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": 10,
        "INDEX_SETTINGS": index_settings(analyzer),
    }
