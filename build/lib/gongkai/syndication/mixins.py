from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class FeedMixin(RoutablePageMixin):
    """A page whose list is also served as RSS 2.0 (feed/rss/) and Atom (feed/atom/)."""

    def has_feed(self):
        return True

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        return self._feed(request, atom=False)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        return self._feed(request, atom=True)

    def _feed(self, request, atom):
        if not self.has_feed():
            raise Http404
        from .views import serve_feed

        return serve_feed(request, self, atom=atom)
