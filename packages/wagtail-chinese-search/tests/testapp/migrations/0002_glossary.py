from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("testapp", "0001_initial")]
    operations = [
        migrations.CreateModel(
            name="Glossary",
            fields=[
                ("code", models.CharField(max_length=40, primary_key=True, serialize=False)),
                ("term", models.CharField(max_length=100)),
            ],
        ),
    ]
