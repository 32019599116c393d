"""The demo site's taxonomy snippets: change tasks, regions, themes, audiences and ambassadors."""

from django.utils.text import slugify

from demo.content.taxonomy import AMBASSADORS, AUDIENCES, CHANGE_TASKS, REGIONS, THEMES
from stories.models import Ambassador, Audience, ChangeTask, Region, Theme


def ensure_taxonomy():
    """Add the missing taxonomy; return every kind of it by name (change tasks by slug)."""
    for slug, name, description in CHANGE_TASKS:
        ChangeTask.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
    for name, province in REGIONS:
        Region.objects.get_or_create(
            slug=slugify(name), defaults={"name": name, "province": province}
        )
    for name, description in THEMES:
        Theme.objects.get_or_create(
            slug=slugify(name), defaults={"name": name, "description": description}
        )
    for name, description in AUDIENCES:
        Audience.objects.get_or_create(
            slug=slugify(name), defaults={"name": name, "description": description}
        )
    regions = {region.name: region for region in Region.objects.all()}
    tasks = {task.slug: task for task in ChangeTask.objects.all()}
    for data in AMBASSADORS:
        ambassador, created = Ambassador.objects.get_or_create(
            name=data["name"],
            defaults={
                "kind": data["kind"],
                "role": data["role"],
                "bio": data["bio"],
                "change_task": tasks.get(data["change_task"]),
            },
        )
        if created:
            ambassador.regions.set([regions[name] for name in data["regions"]])
            ambassador.save()
        # Fields added later (issue 17) fill in on a demo site loaded before; what the
        # redactie wrote stays.
        missing = {
            field: data[field]
            for field in ("help_with", "email")
            if data.get(field) and not getattr(ambassador, field)
        }
        if missing:
            for field, value in missing.items():
                setattr(ambassador, field, value)
            ambassador.save(update_fields=list(missing))
    return {
        "themes": {theme.name: theme for theme in Theme.objects.all()},
        "change_tasks": tasks,
        "regions": regions,
        "audiences": {audience.name: audience for audience in Audience.objects.all()},
    }
