"""Existing sites: a column named 要闻 becomes a 要闻 column (its items 要闻), and columns holding annual reports or
consultations take those kinds, so each offers the page types that belong in it."""

from django.db import migrations


def set_kinds(apps, schema_editor):
    ColumnPage = apps.get_model("gongkai_columns", "ColumnPage")
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    by_child = {"reports": ("gongkai_reports", "annualreportpage"), "consultation": ("gongkai_interaction", "consultationpage")}
    for column in ColumnPage.objects.filter(kind="news"):
        children = Page.objects.filter(path__startswith=column.path, depth=column.depth + 1)
        if column.title.strip() == "要闻" or column.slug == "headlines":
            column.kind = "featured"
            column.save(update_fields=["kind"])
            ListedPage = apps.get_model("gongkai_core", "ListedPage")
            ListedPage.objects.filter(path__startswith=column.path, depth__gt=column.depth).update(featured=True)
            continue
        for kind, (app_label, model) in by_child.items():
            content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
            if content_type and children.filter(content_type=content_type).exists():
                column.kind = kind
                column.save(update_fields=["kind"])
                break


class Migration(migrations.Migration):
    dependencies = [
        ("gongkai_columns", "0003_column_kinds"),
        ("gongkai_core", "0004_column_kinds"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(set_kinds, migrations.RunPython.noop)]
