from django import template
from wagtail.models import Page, Site

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("core/includes/main_nav.html", takes_context=True)
def main_nav(context, current=None):
    """The first-level columns, in tree order, marking the one the current page belongs to."""
    root = _site_root(context)
    current = current or context.get("page")
    request = context.get("request")
    active_path = getattr(current, "path", "") or ""
    entries = []
    if root:
        entries.append({"title": root.title, "url": root.get_url(request), "current": "page" if active_path == root.path else None})
        for item in root.get_children().live().public().in_menu().specific():
            if active_path == item.path:
                state = "page"
            elif active_path.startswith(item.path):
                state = "true"
            else:
                state = None
            entries.append({"title": item.title, "url": nav_url(item, request), "current": state})
    return {"entries": entries}


@register.inclusion_tag("core/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    ancestors = Page.objects.ancestor_of(page).filter(depth__gte=2) if page else []
    return {"request": context.get("request"), "ancestors": ancestors, "page": page}


@register.filter
def nav_url(page, request=None):
    """A link column's nav entry goes straight to its target."""
    target = getattr(page, "get_link_target", None)
    if getattr(page, "is_link", False) and target:
        return target(request) or page.get_url(request)
    return page.get_url(request)
