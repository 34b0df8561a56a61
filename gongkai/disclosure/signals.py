"""A document and its 解读 are reviewed as a pair: approving one at a step of the review chain approves the other
where it waits at the same step and the reviewer may approve it, so both reach 领导签发, and publication, together."""

import threading

from django.utils.translation import gettext as _
from wagtail.models import Page, TaskState

_approving = threading.local()


def approve_pair(sender, instance, user=None, **kwargs):
    if getattr(_approving, "active", False):  # the pair's own approval: one step, not a chain through other pairs
        return
    from .interpretations import paired_pages

    page = instance.workflow_state.content_object
    if not isinstance(page, Page) or user is None:
        return
    _approving.active = True
    try:
        for other in paired_pages(page):
            state = other.current_workflow_state
            current = state.current_task_state if state else None
            if current is None or current.status != TaskState.STATUS_IN_PROGRESS or current.task_id != instance.task_id:
                continue
            task = current.task.specific
            if any(action == "approve" for action, *_rest in task.get_actions(other, user)):
                task.on_action(current, user, "approve", comment=_("与《%(title)s》一同审核通过") % {"title": page.title})
    finally:
        _approving.active = False


def connect():
    from wagtail.signals import task_approved

    task_approved.connect(approve_pair, dispatch_uid="disclosure_approve_pair")
