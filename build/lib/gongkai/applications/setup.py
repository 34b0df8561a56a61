from django.contrib.auth.models import Group, Permission

OFFICE_GROUP = "公开办"
PERMISSIONS = [
    ("gongkai_applications", "view_informationrequest"), ("gongkai_applications", "change_informationrequest"),
    ("gongkai_applications", "export_informationrequest"), ("gongkai_applications", "view_exportlog"),
    ("gongkai_applications", "add_workdayoverride"), ("gongkai_applications", "change_workdayoverride"),
    ("gongkai_applications", "delete_workdayoverride"), ("gongkai_applications", "view_workdayoverride"),
    ("wagtailadmin", "access_admin"),
]


def ensure_office_group():
    """The 政府信息公开办公室: the only group that sees applications (and their personal data)."""
    group, _created = Group.objects.get_or_create(name=OFFICE_GROUP)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return group
