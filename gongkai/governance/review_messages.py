"""What the review chain tells the editor after each step: what happened and what comes next.

Wagtail says "页面…已被更新" after every workflow action, and nothing at all when a reviewer acts from the
dashboard. The workflow's own signals record what happened during the request; after the view has run, the
generic success message is replaced by one built from where the page now stands:
“…”已提交科室审核 / 科室审核通过，等待办公室审核 / 已签发并发布 / 已退回给作者修改，附意见：…"""

import contextvars

from django.contrib import messages
from django.utils.translation import gettext as _

_events = contextvars.ContextVar("review_events", default=None)
# The later in this list, the more it says about the outcome of the request.
ORDER = ["submitted", "approved", "rejected", "published"]


def _recorder(kind):
    def record(sender, instance, **kwargs):
        events = _events.get()
        if events is not None:
            events.append((kind, instance))

    return record


def connect():
    from wagtail.signals import task_approved, task_rejected, task_submitted, workflow_approved

    task_submitted.connect(_recorder("submitted"), dispatch_uid="review_message_submitted", weak=False)
    task_approved.connect(_recorder("approved"), dispatch_uid="review_message_approved", weak=False)
    task_rejected.connect(_recorder("rejected"), dispatch_uid="review_message_rejected", weak=False)
    workflow_approved.connect(_recorder("published"), dispatch_uid="review_message_published", weak=False)


def outcome(events):
    """The sentence for the last, most telling event of a request."""
    kind, instance = max(events, key=lambda event: ORDER.index(event[0]))
    workflow_state = getattr(instance, "workflow_state", instance)
    obj = workflow_state.content_object
    title = getattr(obj, "get_admin_display_title", lambda: str(obj))()
    if kind == "published":
        obj.refresh_from_db()
        if getattr(obj, "live", False):
            return _("“%(title)s”已签发并发布。") % {"title": title}
        if getattr(obj, "go_live_at", None):
            return _("“%(title)s”已签发，将按定时于 %(when)s 发布。") % {
                "title": title, "when": obj.go_live_at.astimezone().strftime("%Y-%m-%d %H:%M")}
        return _("“%(title)s”已签发。") % {"title": title}
    if kind == "rejected":
        author = workflow_state.requested_by
        name = (author.get_full_name() or author.get_username()) if author else _("作者")
        comment = instance.get_comment() if hasattr(instance, "get_comment") else ""
        if comment:
            return _("“%(title)s”已退回给%(author)s修改，附意见：%(comment)s") % {"title": title, "author": name, "comment": comment}
        return _("“%(title)s”已退回给%(author)s修改。") % {"title": title, "author": name}
    current = workflow_state.current_task_state
    waiting = current.task.name if current and current.status == current.STATUS_IN_PROGRESS else None
    if kind == "approved":
        if waiting:
            return _("“%(title)s”：%(step)s通过，等待%(next)s。") % {"title": title, "step": instance.task.name, "next": waiting}
        return _("“%(title)s”：%(step)s通过。") % {"title": title, "step": instance.task.name}
    return _("“%(title)s”已提交%(step)s。") % {"title": title, "step": waiting or instance.task.name}


class ReviewMessagesMiddleware:
    """Listed after MessageMiddleware: the replaced message is stored with the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST":
            return self.get_response(request)
        token = _events.set([])
        try:
            response = self.get_response(request)
            events = _events.get()
        finally:
            _events.reset(token)
        storage = getattr(request, "_messages", None)
        if events and storage is not None:
            # Django keeps this request's messages in _queued_messages until the response stores them.
            storage._queued_messages = [m for m in storage._queued_messages if m.level != messages.SUCCESS]
            messages.success(request, outcome(events))
        return response
