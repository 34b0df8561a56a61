"""Page permissions follow column ownership: a department's groups may add and edit pages only in the columns
it owns. Publishing is left to the review workflow, so department groups never get publish permission."""

from django.contrib.auth.models import Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

EDIT_PAGE_PERMISSIONS = ["add_page", "change_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"), ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"), ("wagtaildocs", "choose_document"),
]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant_admin_basics(group):
    """Log in to the admin and upload and choose images and documents."""
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    root = Collection.get_first_root_node()
    if root is None:
        return
    for app_label, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=_permission(app_label, codename))


def department_groups():
    from .models import Department

    ids = []
    for editors_id, heads_id in Department.objects.values_list("editors_id", "heads_id"):
        ids += [editors_id, heads_id]
    return ids


def sync_column(column):
    """Give the column's department (and only it, among departments) the right to add and edit pages there."""
    permissions = [_permission("wagtailcore", codename) for codename in EDIT_PAGE_PERMISSIONS]
    owners = []
    if column.department_id:
        department = column.department
        owners = [department.editors_id, department.heads_id]
    GroupPagePermission.objects.filter(page_id=column.pk, group_id__in=department_groups()).exclude(group_id__in=owners).delete()
    for group_id in owners:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group_id=group_id, page_id=column.pk, permission=permission)
