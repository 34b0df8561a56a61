"""E-mail for the 科室审核 step: Wagtail mails the groups of a GroupApprovalTask; this task's reviewers are the
heads of the department that owns the page's column, so they get the same message."""

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.admin.mail import EmailNotificationMixin, Notifier
from wagtail.models import Page, TaskState


class DepartmentReviewSubmissionNotifier(EmailNotificationMixin, Notifier):
    notification = "submitted"

    def __init__(self):
        super().__init__((TaskState,))

    def can_handle(self, instance, **kwargs):
        from .models import DepartmentReviewTask

        return super().can_handle(instance, **kwargs) and isinstance(instance.task.specific, DepartmentReviewTask)

    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        context["task"] = task_state.task.specific
        context["object"] = task_state.workflow_state.content_object
        context["model_name"] = context["object"]._meta.verbose_name
        if isinstance(context["object"], Page):
            context["page"] = context["object"].specific
        return context

    def get_recipient_users(self, task_state, **kwargs):
        recipients = task_state.task.specific.reviewers(task_state.workflow_state.content_object)
        if recipients is None:
            recipients = get_user_model().objects.none()
        if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True):
            recipients = recipients | get_user_model().objects.filter(is_superuser=True, is_active=True)
        user = kwargs.get("user")
        if user:
            recipients = recipients.exclude(pk=user.pk)
        return recipients.distinct()


department_review_notifier = DepartmentReviewSubmissionNotifier()
