from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import content_changed

for signal in (page_published, page_unpublished, post_page_move):
    signal.connect(content_changed, dispatch_uid=f"syndication-{id(signal)}")


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        content_changed()


post_delete.connect(_page_deleted, dispatch_uid="syndication-page-deleted")


def _shown_model_saved(sender, **kwargs):
    """Things shown on public pages besides pages: settings (footer, site name), taxonomies, published replies, who
    may see a page, search promotions."""
    content_changed()


def _connect_shown_models():
    from django.apps import apps
    from django.db.models.signals import post_save

    for label in ("gongkai_core.SiteSettings", "gongkai_disclosure.TopicCategory", "gongkai_interaction.Message", "gongkai_interaction.ConsultationComment",
                  "gongkai_governance.Department", "wagtailcore.Site", "wagtailcore.Locale",
                  "wagtailcore.PageViewRestriction", "wagtailsearchpromotions.SearchPromotion"):
        model = apps.get_model(label)
        post_save.connect(_shown_model_saved, sender=model, dispatch_uid=f"content-version-save-{label}")
        post_delete.connect(_shown_model_saved, sender=model, dispatch_uid=f"content-version-delete-{label}")
    # A search query's row: the search page keeps it (search/promotions.py). Each new query adds one, which changes
    # nothing shown; deleting one (the garbage collector, the admin) must not leave a kept id behind.
    post_delete.connect(_shown_model_saved, sender=apps.get_model("wagtailsearchpromotions.Query"),
                        dispatch_uid="content-version-delete-search-query")


_connect_shown_models()
