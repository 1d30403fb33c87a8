from django.db import migrations, models


def copy_household_type(apps, schema_editor):
    Application = apps.get_model("passes", "Application")
    for application in Application.objects.select_related("household"):
        application.household_type = application.household.household_type
        application.save(update_fields=["household_type"])


class Migration(migrations.Migration):
    dependencies = [("passes", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="application",
            name="household_type",
            field=models.CharField(
                choices=[
                    ("alleenstaand", "alleenstaand"),
                    ("alleenstaande_ouder", "alleenstaande ouder"),
                    ("samenwonend", "getrouwd of samenwonend"),
                    ("alleenstaand_aow", "alleenstaand, AOW-leeftijd"),
                    ("samenwonend_aow", "getrouwd of samenwonend, AOW-leeftijd"),
                ],
                default="alleenstaand",
                max_length=30,
                verbose_name="huishouden",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(copy_household_type, migrations.RunPython.noop),
    ]
