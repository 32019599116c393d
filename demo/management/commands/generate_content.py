import datetime
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import RichText

from demo.generator import TAGS, TextGenerator
from dialogues.models import DialogueIndexPage, DialogueThreadPage
from stories.illustrations import draw_illustration
from stories.models import (
    ArticleIndexPage,
    ArticlePage,
    Audience,
    ChangeTask,
    PodcastIndexPage,
    PodcastPage,
    Region,
    StoryPage,
    StoryTag,
    Theme,
    VlogIndexPage,
    VlogPage,
    WebinarIndexPage,
    WebinarPage,
)

# How the generated pages are spread over the types: (page model, index model, share).
MIX = [
    (ArticlePage, ArticleIndexPage, 40),
    (VlogPage, VlogIndexPage, 15),
    (PodcastPage, PodcastIndexPage, 15),
    (WebinarPage, WebinarIndexPage, 10),
    (DialogueThreadPage, DialogueIndexPage, 20),
]
IMAGE_COUNT = 12
BATCH = 1000


class Command(BaseCommand):
    help = "Create N synthetic, varied Dutch story pages of every type, for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many pages to create.")
        parser.add_argument("--seed", type=int, default=1, help="Seed for reproducible text.")
        parser.add_argument(
            "--index",
            action="store_true",
            help="Then rebuild every search index (update_index), so search works at once.",
        )

    def handle(self, *args, count, seed, index, **options):
        if count < 1:
            raise CommandError("--count must be at least 1.")
        started = time.monotonic()
        generator = StoryGenerator(seed=seed)
        for done in generator.generate(count):
            self.stdout.write(f"  {done} pages", ending="\r")
            self.stdout.flush()
        if connection.vendor == "postgresql":
            # Fresh statistics, or the planner keeps its estimates for the empty tables and
            # joins the search index by nested loops.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {count} pages in {seconds:.1f} s ({count / seconds:.0f} pages/s)."
            )
        )
        if index:
            # The whole index, not only the new pages: a complete rebuild is what marks the
            # embedded index built (search/tantivy/availability.py), and it reads the stories
            # in bulk (search/tantivy/bulk.py) faster than pages could be added batch by batch.
            started = time.monotonic()
            call_command("update_index", stdout=self.stdout, verbosity=options["verbosity"])
            seconds = time.monotonic() - started
            self.stdout.write(
                self.style.SUCCESS(f"Indexed every search index in {seconds:.1f} s.")
            )


class StoryGenerator:
    """Inserts story pages in bulk: one INSERT per table and batch, not Wagtail's add_child."""

    def __init__(self, *, seed):
        self.text = TextGenerator(seed)
        self.rng = self.text.rng
        self.now = timezone.now()
        self.parents = {}
        for page_model, index_model, _share in MIX:
            parent = index_model.objects.first()
            if parent is None:
                raise CommandError(
                    f"No {index_model._meta.verbose_name} found: run `manage.py load_demo` first."
                )
            self.parents[page_model] = parent
        self.themes = list(Theme.objects.values_list("pk", flat=True))
        self.change_tasks = list(ChangeTask.objects.values_list("pk", flat=True))
        self.regions = list(Region.objects.values_list("pk", flat=True))
        self.audiences = list(Audience.objects.values_list("pk", flat=True))
        self.tags = [
            Tag.objects.get_or_create(name=name, defaults={"slug": name})[0].pk for name in TAGS
        ]
        self.images = self.ensure_images()

    def ensure_images(self):
        Image = get_image_model()
        images = []
        for number in range(IMAGE_COUNT):
            title = f"Gegenereerde illustratie {number + 1}"
            image = Image.objects.filter(title=title).first()
            if image is None:
                image = Image(title=title, file=draw_illustration(f"generated-{number}", title))
                image.save()
            images.append(image.pk)
        return images

    def generate(self, count):
        weights = [share for _model, _index, share in MIX]
        models = self.rng.choices(
            [model for model, _index, _share in MIX], weights=weights, k=count
        )
        done = 0
        while done < count:
            batch = models[done : done + BATCH]
            for model in dict.fromkeys(batch):
                self.insert(model, batch.count(model))
            done += len(batch)
            yield done

    @transaction.atomic
    def insert(self, model, count):
        parent = Page.objects.select_for_update().get(pk=self.parents[model].pk)
        content_type = ContentType.objects.get_for_model(model)
        first_number = parent.numchild
        pages = []
        for offset in range(count):
            number = first_number + offset + 1
            title = (
                self.text.question(number)
                if model is DialogueThreadPage
                else self.text.title(number)
            )
            slug = f"{slugify(title)[:200]}-{uuid.uuid4().hex[:6]}"
            published = self.now - datetime.timedelta(
                minutes=self.rng.randrange(1, 3 * 365 * 24 * 60)
            )
            pages.append(
                model(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=Page._get_path(parent.path, parent.depth + 1, number),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    locale_id=parent.locale_id,
                    translation_key=uuid.uuid4(),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    intro=self.text.intro(),
                    hero_image_id=self.pick(self.images),
                    **self.type_fields(model, published),
                )
            )
        self.insert_rows(pages)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
        self.parents[model].numchild = parent.numchild + count
        self.insert_relations(pages)

    def pick(self, items):
        return items[self.rng.randrange(len(items))]

    def type_fields(self, model, published):
        if model is ArticlePage:
            return {
                "body": [("paragraph", RichText(f"<p>{p}</p>")) for p in self.text.paragraphs()]
            }
        if model is VlogPage:
            return {"transcript": "\n\n".join(self.text.paragraphs(2))}
        if model is PodcastPage:
            return {
                "episode_number": self.rng.randint(1, 200),
                "season_number": self.rng.randint(1, 5),
                # Bulk inserts skip clean(), which fills the duration from the audio file;
                # these pages have none, so they get a plausible one for the listings.
                "duration": datetime.timedelta(minutes=self.rng.randint(15, 70)),
                "show_notes": f"<p>{self.text.intro()}</p>",
                "transcript": "\n\n".join(self.text.paragraphs(3)),
            }
        if model is WebinarPage:
            start = published + datetime.timedelta(days=self.rng.randint(7, 60))
            return {
                "start": start,
                "end": start + datetime.timedelta(minutes=90),
                "speakers": "Redactie Hart voor de Jeugd",
                "description": f"<p>{self.text.intro()}</p>",
                "capacity": 100,
            }
        return {"explanation": f"<p>{self.text.intro()}</p>"}

    def insert_rows(self, pages):
        """One INSERT per table of the inheritance chain; Django's bulk_create refuses those."""
        Page.objects.bulk_create(pages, batch_size=BATCH)
        for page in pages:
            page.page_ptr_id = page.storypage_ptr_id = page.id
        model = type(pages[0])
        for table_model in (StoryPage, model):
            fields = table_model._meta.local_concrete_fields
            batch_size = connection.ops.bulk_batch_size(fields, pages) or len(pages)
            for start in range(0, len(pages), batch_size):
                table_model._base_manager._insert(pages[start : start + batch_size], fields=fields)

    def insert_relations(self, pages):
        relations = [
            (StoryPage.themes.through, "theme_id", self.themes, 1, 3),
            (StoryPage.change_tasks.through, "changetask_id", self.change_tasks, 0, 2),
            (StoryPage.regions.through, "region_id", self.regions, 1, 2),
            (StoryPage.audiences.through, "audience_id", self.audiences, 1, 2),
        ]
        for through, column, choices, low, high in relations:
            through.objects.bulk_create(
                [
                    through(storypage_id=page.pk, **{column: value})
                    for page in pages
                    for value in self.text.sample(choices, low, high)
                ],
                batch_size=BATCH,
            )
        StoryTag.objects.bulk_create(
            [
                StoryTag(content_object_id=page.pk, tag_id=tag)
                for page in pages
                for tag in self.text.sample(self.tags, 1, 3)
            ],
            batch_size=BATCH,
        )
