from django.db import migrations, models


def load_starting_list(apps, schema_editor):
    """The starting list (synonyms.txt) into the editable table; entries already there are left as editors made them."""
    from wagtail_chinese_search.synonyms import read_file

    SearchSynonym = apps.get_model("wagtail_chinese_search", "SearchSynonym")
    existing = set(SearchSynonym.objects.values_list("term", flat=True))
    SearchSynonym.objects.bulk_create([
        SearchSynonym(term=term, meanings="，".join(meanings), kind=kind, note=note)
        for term, meanings, kind, note in read_file() if term not in existing
    ])


class Migration(migrations.Migration):
    dependencies = [("wagtail_chinese_search", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="SearchSynonym",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("term", models.CharField(help_text="如：社保法、手机、APP", max_length=50, unique=True, verbose_name="用户输入的词")),
                ("meanings", models.CharField(help_text="文件中使用的说法，如：社会保险法。有几种说法时用逗号分开，任一说法都能被找到。", max_length=255, verbose_name="对应的规范用语")),
                ("kind", models.CharField(choices=[("abbreviation", "简称"), ("synonym", "同义词"), ("regional", "地区用语"), ("english", "英文缩写")], default="abbreviation", max_length=20, verbose_name="类别")),
                ("note", models.CharField(blank=True, max_length=255, verbose_name="说明")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="修改时间")),
            ],
            options={"verbose_name": "搜索同义词", "verbose_name_plural": "搜索同义词", "ordering": ["kind", "term"]},
        ),
        migrations.RunPython(load_starting_list, migrations.RunPython.noop),
    ]
