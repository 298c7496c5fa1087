"""The "Comment moderators" group: may moderate reader comments, may not edit pages.

Wagtail already ships a group called "Moderators" that publishes pages and approves them in its
default workflow; comment moderation gets its own group so neither inherits the other's rights.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Comment moderators"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("comments", "comment", "moderate_comment"),
    ("comments", "comment", "view_comment"),
    ("comments", "comment", "change_comment"),
    ("comments", "bannedword", "add_bannedword"),
    ("comments", "bannedword", "change_bannedword"),
    ("comments", "bannedword", "delete_bannedword"),
    ("comments", "bannedword", "view_bannedword"),
    ("comments", "ban", "add_ban"),
    ("comments", "ban", "change_ban"),
    ("comments", "ban", "view_ban"),
    ("comments", "commentpolicyoverride", "add_commentpolicyoverride"),
    ("comments", "commentpolicyoverride", "change_commentpolicyoverride"),
    ("comments", "commentpolicyoverride", "view_commentpolicyoverride"),
]


def create_group(apps, schema_editor):
    config = apps.get_app_config("comments")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, model, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
