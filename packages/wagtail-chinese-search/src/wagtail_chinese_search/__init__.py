"""Chinese full-text search for Wagtail and django-modelsearch: word segmentation, Traditional/Simplified, regional
and full-width folding, Chinese numerals, 简称 and synonyms, typo suggestions, a project dictionary, highlighting,
and Elasticsearch analysis settings."""

__version__ = "0.2.0"
