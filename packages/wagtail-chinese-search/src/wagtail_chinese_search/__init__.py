"""Chinese full-text search for Wagtail and django-modelsearch: word segmentation, Traditional/Simplified and
full-width folding, a project dictionary, highlighting, and Elasticsearch analysis settings."""

__version__ = "0.1.0"
