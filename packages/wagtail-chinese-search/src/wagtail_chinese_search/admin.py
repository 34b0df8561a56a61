"""The editable dictionary in Wagtail's admin (optional: only imported when wagtail.snippets is installed)."""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SearchTerm


class SearchTermViewSet(SnippetViewSet):
    model = SearchTerm
    icon = "search"
    list_display = ["word", "note", "created_at"]
    search_fields = ["word", "note"]
    panels = [FieldPanel("word"), FieldPanel("note")]


def register():
    register_snippet(SearchTermViewSet)
