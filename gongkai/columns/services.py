"""Public services a column can link to (局长信箱, 依申请公开, 征求意见 …), shown as a box of entry points on the column.

The apps that provide a service register it here from their AppConfig.ready(), so the columns app knows none of
them; a column lists the names an editor ticked (栏目 → 服务入口)."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Service:
    name: str
    label: str  # lazy, shown to editors and as the box's heading
    template: str
    context: Callable = None  # (request, column) -> dict for the template
    order: int = 100


_services = {}


def register(service):
    _services[service.name] = service


def registered():
    return sorted(_services.values(), key=lambda service: (service.order, service.name))


def choices():
    return [(service.name, service.label) for service in registered()]


def names(column):
    """The service names a column stores, separated by commas."""
    return [name for name in (column.services or "").split(",") if name]


def for_column(column, request):
    """[(service, its entry's HTML)] for the services a column links to, in registration order."""
    from django.template.loader import render_to_string

    wanted = set(names(column))
    return [(service, render_to_string(service.template, service.context(request, column) if service.context else {},
                                       request=request))
            for service in registered() if service.name in wanted]
