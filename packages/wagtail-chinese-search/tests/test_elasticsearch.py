"""The Elasticsearch configuration we generate. No server runs here: the live test runs when ELASTICSEARCH_URL is set."""

import os

import pytest
from django.core.exceptions import ImproperlyConfigured
from modelsearch.backends import get_search_backend
from wagtail_chinese_search.elasticsearch import backend_settings, index_settings

from tests.testapp.models import Article


def es_backend(settings, **options):
    settings.MODELSEARCH_BACKENDS = {"default": backend_settings("http://es1:9200,http://es2:9200", **options)}
    return get_search_backend("default")


def test_cjk_is_the_default_analyzer_with_bigrams_and_unigrams(settings):
    backend = es_backend(settings)
    analysis = backend.settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"] == {
        "type": "custom", "tokenizer": "standard", "filter": ["cjk_width", "lowercase", "cjk_bigram_unigrams"]}
    assert analysis["filter"]["cjk_bigram_unigrams"] == {"type": "cjk_bigram", "output_unigrams": True}
    # modelsearch's own analyzers and filters survive the deep merge.
    assert "ngram_analyzer" in analysis["analyzer"] and "edgengram" in analysis["filter"]
    assert analysis["analyzer"]["edgengram_analyzer"]["filter"] == ["cjk_width", "asciifolding", "lowercase", "edgengram"]
    assert backend.index_prefix == "wagtail_"
    assert [h["host"] for h in backend.hosts] == ["es1", "es2"]


@pytest.mark.parametrize("version, module", [("8", "elasticsearch8"), ("9", "elasticsearch9")])
def test_version_selects_the_backend(settings, version, module):
    backend = es_backend(settings, version=version)
    assert type(backend).__module__ == f"modelsearch.backends.{module}"


def test_ik_indexes_with_max_word_and_searches_with_smart():
    analyzers = index_settings("ik")["settings"]["analysis"]["analyzer"]
    assert analyzers["default"]["tokenizer"] == "ik_max_word"
    assert analyzers["default_search"]["tokenizer"] == "ik_smart"
    assert index_settings("smartcn")["settings"]["analysis"]["analyzer"]["default"]["tokenizer"] == "smartcn_tokenizer"


def test_bad_options_are_refused():
    with pytest.raises(ImproperlyConfigured):
        index_settings("whitespace")
    with pytest.raises(ImproperlyConfigured):
        backend_settings("http://es:9200", version="7")


def test_document_mapping_uses_the_default_chinese_analyzer_for_text(settings):
    backend = es_backend(settings)
    properties = backend.mapping_class(Article).get_mapping()["properties"]
    title = properties["title"]
    assert title["type"] == "text" and "analyzer" not in title  # so the index's default (cjk) applies
    assert properties["document_number"]["type"] == "text"
    assert properties["published_filter"]["type"] == "boolean"
    assert properties["title_edgengrams"]["analyzer"] == "edgengram_analyzer"


@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="needs ELASTICSEARCH_URL (a live Elasticsearch 8/9)")
@pytest.mark.django_db
def test_live_elasticsearch_finds_chinese_words(settings):
    from django.core.management import call_command

    settings.MODELSEARCH_BACKENDS = {"default": backend_settings(
        os.environ["ELASTICSEARCH_URL"], version=os.environ.get("ELASTICSEARCH_VERSION", "8"), index_prefix="chinese_search_test_")}
    Article.objects.create(title="市科技局执法检查", body="查处专利案件150件。")
    call_command("rebuild_modelsearch_index", verbosity=0)
    assert [a.title for a in Article.objects.search("专利")] == ["市科技局执法检查"]


def test_a_synonyms_set_expands_searches_not_indexing():
    analysis = index_settings("cjk", synonyms_set="site_synonyms")["settings"]["analysis"]
    assert analysis["filter"]["chinese_search_synonyms"] == {
        "type": "synonym_graph", "synonyms_set": "site_synonyms", "updateable": True}
    assert analysis["analyzer"]["default"]["filter"] == ["cjk_width", "lowercase", "cjk_bigram_unigrams"]
    # Folded first, as the rules are; the bigrams come after the synonyms.
    assert analysis["analyzer"]["default_search"]["filter"] == [
        "cjk_width", "lowercase", "chinese_search_synonyms", "cjk_bigram_unigrams"]
    ik = index_settings("ik", synonyms_set="s")["settings"]["analysis"]["analyzer"]
    assert ik["default_search"]["tokenizer"] == "ik_smart" and "chinese_search_synonyms" in ik["default_search"]["filter"]
    assert "chinese_search_synonyms" not in index_settings("cjk")["settings"]["analysis"].get("filter", {})


@pytest.mark.django_db
def test_the_rules_command_prints_the_editable_list():
    from io import StringIO

    from django.core.management import call_command
    from wagtail_chinese_search import synonyms

    synonyms.invalidate()
    out = StringIO()
    call_command("sync_search_synonyms", "--print", stdout=out)
    lines = out.getvalue().splitlines()
    assert "社保法 => 社保法, 社会保险法" in lines and len(lines) >= 80


@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="needs a live Elasticsearch (ELASTICSEARCH_URL)")
@pytest.mark.django_db
def test_live_synonyms_set_finds_what_a_short_name_stands_for(settings):
    from django.core.management import call_command

    settings.MODELSEARCH_BACKENDS = {"default": backend_settings(
        os.environ["ELASTICSEARCH_URL"], version=os.environ.get("ELASTICSEARCH_VERSION", "8"),
        index_prefix="wcs_test_syn_", synonyms_set="wcs_test_synonyms")}
    call_command("sync_search_synonyms")
    Article.objects.create(title="社会保险法", body="社会保险。")
    call_command("rebuild_modelsearch_index", verbosity=0)
    assert [a.title for a in Article.objects.search("社保法")][:1] == ["社会保险法"]
