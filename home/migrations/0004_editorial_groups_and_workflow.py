"""The Redactie and Bijdragers groups and the Redactie's approval workflow over the whole tree."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REDACTIE = "Redactie"
BIJDRAGERS = "Bijdragers"
WORKFLOW_NAME = "Goedkeuring door de redactie"
TASK_NAME = "Redactie keurt goed"

PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}
MODEL_PERMISSIONS = {
    "stories": ["theme", "changetask", "region", "audience", "ambassador"],
    "wagtailsearchpromotions": ["searchpromotion"],
    "wagtailredirects": ["redirect"],
}


def ensure_permissions(apps):
    # Permissions are normally created after all migrations ran; we need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_groups_and_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    Task = apps.get_model("wagtailcore.Task")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    ensure_permissions(apps)

    # Wagtail's default groups and workflow are replaced by ours, so editors see one set-up.
    default_groups = Group.objects.filter(name__in=["Moderators", "Editors"])
    Task.objects.filter(groupapprovaltask__groups__in=default_groups).delete()
    Workflow.objects.filter(workflow_tasks__isnull=True).delete()
    default_groups.delete()

    redactie, _ = Group.objects.get_or_create(name=REDACTIE)
    Group.objects.get_or_create(name=BIJDRAGERS)

    redactie.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for app_label, models in MODEL_PERMISSIONS.items():
        for model in models:
            redactie.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label,
                    codename__in=[
                        f"{action}_{model}" for action in ("add", "change", "delete", "view")
                    ],
                )
            )

    root = Page.objects.get(depth=1)
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=redactie,
            page=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    root_collection = Collection.objects.get(depth=1)
    for app_label, codenames in COLLECTION_PERMISSIONS.items():
        for permission in Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        ):
            GroupCollectionPermission.objects.get_or_create(
                group=redactie, collection=root_collection, permission=permission
            )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.set([redactie])
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.filter(page=root).delete()
    WorkflowPage.objects.create(page=root, workflow=workflow)


def remove_groups_and_workflow(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore.Task").objects.filter(name=TASK_NAME).delete()
    apps.get_model("auth.Group").objects.filter(name__in=[REDACTIE, BIJDRAGERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_create_homepage"),
        ("stories", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(create_groups_and_workflow, remove_groups_and_workflow)]
