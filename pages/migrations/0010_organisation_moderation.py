"""Organisations of the directory go through the same moderation as contacts."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_PERMISSIONS = {
    "Editors": ["add", "change", "view"],
    "Moderators": ["add", "change", "delete", "publish", "lock", "unlock", "view"],
    "Translators": ["add", "change", "view"],
}
WORKFLOW_NAME = "Moderators approval"


def configure(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.get(app_label="pages", model="organisation")
    for name, actions in GROUP_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_organisation",
                defaults={"name": f"Can {action} organisation"},
            )
            group.permissions.add(permission)
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.update_or_create(
        content_type=content_type,
        defaults={"workflow": Workflow.objects.get(name=WORKFLOW_NAME)},
    )


class Migration(migrations.Migration):
    dependencies = [("pages", "0009_content_types")]

    operations = [migrations.RunPython(configure, migrations.RunPython.noop)]
