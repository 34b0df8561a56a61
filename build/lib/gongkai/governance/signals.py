from django.db.models.signals import post_save
from django.dispatch import receiver


@receiver(post_save, dispatch_uid="governance_column_owner")
def column_saved(sender, instance, update_fields=None, **kwargs):
    from gongkai.columns.models import ColumnPage

    if not isinstance(instance, ColumnPage):
        return
    # Saving a draft touches only revision fields; the owner changes when the column itself is saved or published.
    if update_fields is not None and "department" not in update_fields and "department_id" not in update_fields:
        return
    from .permissions import sync_column

    sync_column(instance)


def _connect_review_mail():
    from wagtail.models import TaskState
    from wagtail.signals import task_submitted

    from .notifications import department_review_notifier

    task_submitted.connect(department_review_notifier, sender=TaskState, dispatch_uid="department_review_submitted_email")


_connect_review_mail()
