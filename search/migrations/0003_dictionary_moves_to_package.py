"""The editable search dictionary moved to the wagtail_chinese_search package: its words are copied there, then
this app's table is dropped."""

from django.db import migrations


def copy_words(apps, schema_editor):
    old = apps.get_model("search", "SearchTerm")
    new = apps.get_model("wagtail_chinese_search", "SearchTerm")
    for term in old.objects.all():
        new.objects.get_or_create(word=term.word, defaults={"note": term.note})


def copy_back(apps, schema_editor):
    old = apps.get_model("search", "SearchTerm")
    new = apps.get_model("wagtail_chinese_search", "SearchTerm")
    for term in new.objects.all():
        old.objects.get_or_create(word=term.word, defaults={"note": term.note})


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_search_index_without_pending_list"),
        ("wagtail_chinese_search", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(copy_words, copy_back),
        migrations.DeleteModel(name="SearchTerm"),
    ]
