"""Editors, Moderators and Translators, and the moderation workflow on the whole site.

Wagtail's own first migrations create Editors, Moderators and a "Moderators approval"
workflow on the root page; this sets each group's permissions to exactly what its role
needs, adds Translators, and puts contacts through the same workflow as pages.
Translators may be limited to one language by giving a group the page permissions on
that language's Home page instead of the root (Settings → Groups).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Page permissions, granted on the root page so they cover every language's tree.
PAGE_PERMISSIONS = {
    "Editors": ["add_page", "change_page", "lock_page"],
    "Moderators": [
        "add_page",
        "change_page",
        "lock_page",
        "unlock_page",
        "publish_page",
        "bulk_delete_page",
    ],
    "Translators": ["add_page", "change_page"],
}
# Image and document permissions, granted on the root collection.
COLLECTION_PERMISSIONS = {
    "Editors": [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    "Moderators": [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtailimages.delete_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtaildocs.delete_document",
    ],
    "Translators": ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
}
# Model permissions: snippets, settings, redirects and translation.
MODEL_PERMISSIONS = {
    "Editors": [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "pages.add_contact",
        "pages.change_contact",
        "pages.view_contact",
        "pages.add_searchpromotion",
        "pages.change_searchpromotion",
        "pages.delete_searchpromotion",
        "pages.view_searchpromotion",
    ],
    "Moderators": [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "pages.add_contact",
        "pages.change_contact",
        "pages.delete_contact",
        "pages.publish_contact",
        "pages.lock_contact",
        "pages.unlock_contact",
        "pages.view_contact",
        "pages.add_searchpromotion",
        "pages.change_searchpromotion",
        "pages.delete_searchpromotion",
        "pages.view_searchpromotion",
        "pages.change_sitesettings",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
    ],
    "Translators": [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "pages.add_contact",
        "pages.change_contact",
        "pages.view_contact",
    ],
}
WORKFLOW_NAME = "Moderators approval"


# Wagtail adds these to moderated snippets after migrating; the groups need them now.
SNIPPET_EXTRA_PERMISSIONS = {"publish_contact", "lock_contact", "unlock_contact"}


def _permission(apps, dotted: str):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    app_label, codename = dotted.split(".")
    if codename in SNIPPET_EXTRA_PERMISSIONS:
        action, model = codename.split("_", 1)
        permission, _ = Permission.objects.get_or_create(
            content_type=ContentType.objects.get(app_label=app_label, model=model),
            codename=codename,
            defaults={"name": f"Can {action} {model}"},
        )
        return permission
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def configure(apps, schema_editor):
    # Permissions of models created in this same run exist only after post_migrate.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    groups = {}
    for name in PAGE_PERMISSIONS:
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.set([_permission(apps, p) for p in MODEL_PERMISSIONS[name]])
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.create(
                group=group,
                page=root_page,
                permission=_permission(apps, f"wagtailcore.{codename}"),
            )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for dotted in COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.create(
                group=group, collection=root_collection, permission=_permission(apps, dotted)
            )

    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    ContentType = apps.get_model("contenttypes", "ContentType")

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=WORKFLOW_NAME,
            content_type=ContentType.objects.get_for_model(GroupApprovalTask),
            active=True,
        )
    task.groups.set([groups["Moderators"]])
    if not WorkflowTask.objects.filter(workflow=workflow, task=Task.objects.get(pk=task.pk)):
        WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(apps.get_model("pages", "Contact")),
        defaults={"workflow": workflow},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0007_contact_moderation"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(configure, migrations.RunPython.noop)]
