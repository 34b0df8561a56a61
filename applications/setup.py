from django.contrib.auth.models import Group, Permission

OFFICE_GROUP = "公开办"
PERMISSIONS = [
    ("applications", "view_informationrequest"), ("applications", "change_informationrequest"),
    ("applications", "export_informationrequest"), ("applications", "view_exportlog"),
    ("applications", "add_workdayoverride"), ("applications", "change_workdayoverride"),
    ("applications", "delete_workdayoverride"), ("applications", "view_workdayoverride"),
    ("wagtailadmin", "access_admin"),
]


def ensure_office_group():
    """The 政府信息公开办公室: the only group that sees applications (and their personal data)."""
    group, _created = Group.objects.get_or_create(name=OFFICE_GROUP)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return group
