"""The editable dictionary in Wagtail's admin (optional: only imported when wagtail.snippets is installed)."""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SearchSynonym, SearchTerm


class SearchTermViewSet(SnippetViewSet):
    model = SearchTerm
    icon = "search"
    list_display = ["word", "note", "created_at"]
    search_fields = ["word", "note"]
    panels = [FieldPanel("word"), FieldPanel("note")]


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    list_display = ["term", "meanings", "kind", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["term", "meanings", "note"]
    panels = [FieldPanel("term"), FieldPanel("meanings"), FieldPanel("kind"), FieldPanel("note")]


def register():
    register_snippet(SearchTermViewSet)
    register_snippet(SearchSynonymViewSet)
