from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SearchTerm",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.CharField(max_length=50, unique=True, verbose_name="词语")),
                ("note", models.CharField(blank=True, max_length=255, verbose_name="说明")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="添加时间")),
            ],
            options={"verbose_name": "搜索词典词语", "verbose_name_plural": "搜索词典", "ordering": ["word"]},
        ),
    ]
