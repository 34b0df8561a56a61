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
