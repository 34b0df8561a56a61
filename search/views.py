from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

MAX_QUERY_LENGTH = 200


def search(request):
    """Site search. Odd input (empty, very long, markup) gets a page with a message, never an error."""
    # NUL characters cannot reach PostgreSQL; they are never part of a meaningful query.
    raw_query = request.GET.get("query", "").replace("\x00", "")
    query = " ".join(raw_query.split())[:MAX_QUERY_LENGTH]
    message = ""
    results = Page.objects.none()
    if not query:
        message = _("请输入要搜索的词语。") if "query" in request.GET else ""
    else:
        if len(raw_query) > MAX_QUERY_LENGTH:
            message = _("搜索词过长，只使用前 %(n)s 个字符。") % {"n": MAX_QUERY_LENGTH}
        site = Site.find_for_request(request)
        pages = Page.objects.live().public()
        if site:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        results = pages.specific().search(query)
    page_obj = Paginator(results, 10).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": page_obj,
            "query_prefix": urlencode({"query": query}) + "&",
            "message": message,
        },
    )
