from django.db import migrations

from zaansepas.wallet.triggers import create_statements, drop_statements


def create(apps, schema_editor):
    for sql in create_statements(schema_editor.connection.vendor):
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    for sql in drop_statements(schema_editor.connection.vendor):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("wallet", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
