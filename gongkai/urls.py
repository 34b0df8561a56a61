"""The public URLs of the 政务公开 apps, for one include() in a site's URLconf, before Wagtail's own
(docs/plugin.md). Inside i18n_patterns they follow the page's language (/en/apply/ …)."""

from django.urls import include, path

from gongkai.applications import views as application_views
from gongkai.interaction import views as interaction_views
from gongkai.reading import views as reading_views
from gongkai.reports import views as report_views
from gongkai.syndication import views as syndication_views

urlpatterns = [
    path("feeds/", syndication_views.feed_list, name="feed_list"),
    path("annual-reports/compare/", report_views.compare, name="annual_report_compare"),
    path("mailbox/", interaction_views.mailbox, name="mailbox"),
    path("mailbox/write/", interaction_views.write, name="mailbox_write"),
    path("mailbox/done/", interaction_views.done, name="mailbox_done"),
    path("mailbox/status/", interaction_views.status, name="mailbox_status"),
    path("apply/", application_views.apply, name="application_apply"),
    path("apply/done/", application_views.done, name="application_done"),
    path("apply/status/", application_views.status, name="application_status"),
    path("apply/status/file/<str:number>/", application_views.reply_file, name="application_reply_file"),
    path("reading/<slug:name>/", reading_views.toggle, name="reading_toggle"),
    path("", include("gongkai.visits.urls")),
]
