import datetime
import io
import re

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.utils.file import hash_filelike

from core.site_address import absolute_url, set_site_address
from demo import media
from demo.content.members import CONTRIBUTORS, MEMBERS
from demo.content.pages import CONTENT_PAGES
from demo.content.recordings import (
    CAPTION_SECONDS,
    PODCAST_MEDIA,
    PODCAST_PASSAGE_SECONDS,
    TAIL_SECONDS,
    VLOG_MEDIA,
    WEBINAR_MEDIA,
)
from demo.content.replies import BLOCKED_WORDS, HELD_REPLY, REPLIES
from demo.content.stories import (
    ARTICLES,
    DIALOGUES,
    PODCASTS,
    VLOGS,
    WEBINAR_REGISTRATIONS,
    WEBINARS,
)
from demo.content.taxonomy import AMBASSADORS, AUDIENCES, CHANGE_TASKS, REGIONS, THEMES
from demo.slides import make_slides
from dialogues.models import BlockedWord, DialogueIndexPage, DialogueThreadPage, Reply
from dialogues.replies import approve_reply, post_reply, report_reply
from home.models import ContentPage, HomeFeaturedItem, HomePage
from stories.illustrations import draw_illustration
from stories.models import (
    Ambassador,
    ArticleIndexPage,
    ArticlePage,
    Audience,
    ChangeTask,
    PodcastIndexPage,
    PodcastPage,
    Region,
    RegistrationStatus,
    Theme,
    VlogIndexPage,
    VlogPage,
    WebinarIndexPage,
    WebinarPage,
    WebinarRegistration,
)

EDITOR_USERNAME = "redactie"
EDITOR_EMAIL = "redactie@hartvoordejeugd.local"
DEFAULT_EDITOR_PASSWORD = "hart-voor-de-jeugd"  # noqa: S105 (demo sites only, printed by make run)

SECTIONS = [
    (
        ArticleIndexPage,
        "verhalen",
        "Verhalen",
        "Artikelen, ervaringen en onderzoek uit de praktijk.",
    ),
    (VlogIndexPage, "vlogs", "Vlogs", "Korte video's van ouders, jongeren en professionals."),
    (PodcastIndexPage, "podcasts", "Podcasts", "Gesprekken over wat werkt in de jeugdhulp."),
    (WebinarIndexPage, "webinars", "Webinars", "Online bijeenkomsten om samen te leren."),
    (
        DialogueIndexPage,
        "dialogen",
        "Dialogen",
        "Vragen en stellingen waarop iedereen kan reageren.",
    ),
]

# The most time between two demo replies in a dialogue, so that recent ones look lively.
MAX_REPLY_GAP = datetime.timedelta(hours=5)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class Command(BaseCommand):
    help = (
        "Load the demo site: page tree, taxonomy, ambassadors, stories of every type, "
        "dialogues with replies, accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--editor-password",
            default=None,
            help="Password of the demo editor (default: DEMO_EDITOR_PASSWORD, else a demo one).",
        )

    def handle(self, *args, **options):
        if not settings.HVDJ_ALLOW_DEMO_CONTENT:
            raise CommandError(
                "Demo content is disabled in these settings (HVDJ_ALLOW_DEMO_CONTENT). "
                "It is meant for local and test installations only."
            )
        password = (
            options["editor_password"] or settings.DEMO_EDITOR_PASSWORD or DEFAULT_EDITOR_PASSWORD
        )
        with_media = media.media_tools_available()
        if not with_media:
            self.stdout.write(
                "imageio-ffmpeg is not installed: podcasts, vlogs and webinars get no audio or "
                "video (pip install -e '.[demo]')."
            )
        created = load_demo(editor_password=password, with_media=with_media)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({created} new pages)."))
        self.stdout.write(
            f"Log in to the admin at {absolute_url('/admin/')} "
            f"with e-mail '{EDITOR_EMAIL}' and password '{password}'."
        )


@transaction.atomic
def load_demo(*, editor_password, with_media=None):
    """Build the demo site; running it again adds nothing that is already there.

    With `with_media` (by default: when ffmpeg is installed), podcasts, vlogs and past webinars
    get real short audio and video made on this machine (demo.media).
    """
    if with_media is None:
        with_media = media.media_tools_available()
    # `make run PORT=...` passes SITE_URL: e-mails and printed links then name that port.
    set_site_address(url=settings.SITE_URL)
    editor = ensure_editor(password=editor_password)
    members = ensure_members()
    taxonomy = ensure_taxonomy()
    ensure_blocked_words()
    home = HomePage.objects.get(depth=2)
    loader = DemoLoader(
        home=home, editor=editor, members=members, taxonomy=taxonomy, with_media=with_media
    )
    loader.load()
    return loader.created


def ensure_editor(*, password):
    user, created = get_user_model().objects.get_or_create(
        username=EDITOR_USERNAME,
        defaults={"email": EDITOR_EMAIL, "display_name": "Redactie", "first_name": "Redactie"},
    )
    if created or not user.check_password(password):
        user.set_password(password)
        user.save()
    user.groups.add(Group.objects.get(name="Redactie"))
    # The admin's login is the site's (allauth), which asks for a verified address.
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def ensure_members():
    """The demo members by username, each with a verified e-mail address and no password."""
    members = {}
    contributors = Group.objects.get(name="Bijdragers")
    for username, email, display_name, role in MEMBERS:
        user, created = get_user_model().objects.get_or_create(
            username=username,
            defaults={"email": email, "display_name": display_name, "role": role},
        )
        if created:
            user.set_unusable_password()
            user.save()
        user.groups.add(contributors)
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        members[username] = user
    return members


def ensure_blocked_words():
    for word, note in BLOCKED_WORDS:
        BlockedWord.objects.get_or_create(word=word, defaults={"note": note})


def ensure_taxonomy():
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
    return {
        "themes": {theme.name: theme for theme in Theme.objects.all()},
        "change_tasks": tasks,
        "regions": regions,
        "audiences": {audience.name: audience for audience in Audience.objects.all()},
    }


def illustration_png(seed, title, drawing_version):
    """The PNG bytes of a demo illustration; `drawing_version` only keys the cache."""
    drawing = draw_illustration(seed, title)
    drawing.seek(0)
    return drawing.read()


def demo_image(title, seed):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title)
        # Drawn once per machine: load_demo runs before every browser test.
        png = media.cached(illustration_png, seed, title, media.source_version(draw_illustration))
        image.file = ImageFile(io.BytesIO(png), name=f"{slugify(title)[:40] or 'illustratie'}.png")
        image.save()
    return image


def demo_document(title, filename, make, *, editor):
    """The Wagtail document called `title`; made from the bytes `make()` returns if missing."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        content = ContentFile(make(), name=filename)
        document = Document(
            title=title,
            file=content,
            file_size=content.size,
            file_hash=hash_filelike(content),
            uploaded_by_user=editor,
        )
        document.save()
    return document


def sentences(text):
    return [sentence for sentence in SENTENCE_END.split(text.strip()) if sentence]


class DemoLoader:
    """Adds the section pages, content pages and stories that are not there yet."""

    def __init__(self, *, home, editor, members, taxonomy, with_media=True):
        self.home = home
        self.editor = editor
        self.members = members
        self.contributors = [members[username] for username in CONTRIBUTORS]
        self.taxonomy = taxonomy
        self.with_media = with_media
        self.now = timezone.now()
        self.created = 0

    def load(self):
        sections = {
            model: self.ensure_section(model, slug, title, intro)
            for model, slug, title, intro in SECTIONS
        }
        for data in CONTENT_PAGES:
            self.ensure_content_page(data)
        for index, data in enumerate(ARTICLES):
            self.ensure_story(
                sections[ArticleIndexPage], ArticlePage, data, index, body=self.article_body(data)
            )
        for index, data in enumerate(VLOGS):
            self.ensure_story(
                sections[VlogIndexPage],
                VlogPage,
                data,
                index,
                files=self.vlog_media,
                transcript=data["transcript"],
            )
        for index, data in enumerate(PODCASTS):
            self.ensure_story(
                sections[PodcastIndexPage],
                PodcastPage,
                data,
                index,
                files=self.podcast_media,
                show_notes=data["show_notes"],
                season_number=1,
                episode_number=data["episode"],
            )
        for index, data in enumerate(WEBINARS):
            start = (self.now + datetime.timedelta(days=data["days_from_now"])).replace(
                hour=14, minute=0, second=0, microsecond=0
            )
            self.ensure_story(
                sections[WebinarIndexPage],
                WebinarPage,
                {**data, "days_ago": max(-data["days_from_now"], 0) + 20},
                index,
                files=self.webinar_media,
                start=start,
                end=start + datetime.timedelta(minutes=90),
                speakers=data["speakers"],
                description=data["description"],
                capacity=data.get("capacity", 100),
                online_link="https://meet.example.org/hartvoordejeugd",
            )
        self.ensure_registrations(sections[WebinarIndexPage])
        for index, data in enumerate(DIALOGUES):
            thread = self.ensure_story(
                sections[DialogueIndexPage],
                DialogueThreadPage,
                data,
                index,
                explanation=data["explanation"],
            )
            self.ensure_replies(thread, REPLIES.get(data["slug"], []))
            if data["slug"] == HELD_REPLY["dialogue"]:
                self.ensure_held_reply(thread, HELD_REPLY)
        self.ensure_featured()

    def ensure_section(self, model, slug, title, intro):
        page = model.objects.child_of(self.home).filter(slug=slug).first()
        if page is None:
            page = model(title=title, slug=slug, intro=intro, show_in_menus=True)
            self.publish(self.home, page)
        return page

    def ensure_content_page(self, data):
        if ContentPage.objects.child_of(self.home).filter(slug=data["slug"]).exists():
            return
        body = []
        for heading, paragraphs in data["sections"]:
            body.append(("heading", {"text": heading, "level": "h2"}))
            body.extend(("paragraph", f"<p>{text}</p>") for text in paragraphs)
        page = ContentPage(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            body=body,
            show_in_menus=True,
        )
        self.publish(self.home, page)

    def article_body(self, data):
        paragraphs = data["body"]
        body = [("paragraph", f"<p>{paragraphs[0]}</p>")]
        body.append(
            ("quote", {"quote": paragraphs[1].split(". ")[0].rstrip(".") + ".", "attribution": ""})
        )
        body.extend(("paragraph", f"<p>{text}</p>") for text in paragraphs[1:])
        body.append(
            (
                "call_to_action",
                {
                    "title": "Heb jij een vergelijkbare ervaring?",
                    "text": "Deel je verhaal of praat mee in een dialoog.",
                    "page": None,
                    "url": "/dialogen/",
                    "button_label": "Naar de dialogen",
                },
            )
        )
        return body

    def ensure_story(self, parent, model, data, index, files=None, **fields):
        """The published story of `data`; `files(data)` gives the fields that hold its files."""
        existing = model.objects.child_of(parent).filter(slug=data["slug"]).first()
        if existing is not None:
            return existing
        if files is not None:
            fields.update(files(data))
        practice = data.get("practice") or {}
        page = model(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            hero_image=demo_image(data["title"], seed=data["slug"]),
            contributor=self.contributors[index % len(self.contributors)] if index % 3 else None,
            practice_aim=practice.get("aim", ""),
            practice_target_group=practice.get("target_group", ""),
            practice_approach=practice.get("approach", ""),
            practice_success_factors=practice.get("success_factors", ""),
            practice_results=practice.get("results", ""),
            practice_contact=practice.get("contact", ""),
            evidence_level=practice.get("evidence_level", ""),
            **fields,
        )
        page.themes = [self.taxonomy["themes"][name] for name in data.get("themes", [])]
        page.change_tasks = [
            self.taxonomy["change_tasks"][slug] for slug in data.get("change_tasks", [])
        ]
        page.regions = [self.taxonomy["regions"][name] for name in data.get("regions", [])]
        page.audiences = [self.taxonomy["audiences"][name] for name in data.get("audiences", [])]
        page.tags.add(*data.get("tags", []))
        published_at = self.now - datetime.timedelta(days=data.get("days_ago", 0), hours=index)
        self.publish(parent, page, published_at=published_at)
        return page

    def document(self, data, kind, extension, make):
        """A demo document for the story of `data`, e.g. "Titel (audio)"."""
        return demo_document(
            f"{data['title']} ({kind})",
            f"{data['slug']}.{extension}",
            make,
            editor=self.editor,
        )

    def podcast_media(self, data):
        """An episode's audio and its timed transcript, whose passages all fall inside it."""
        recording = PODCAST_MEDIA.get(data["slug"])
        if recording is None:
            return {"transcript": data["transcript"]}
        passages = recording["passages"]
        fields = {"transcript": "\n\n".join(passages)}
        if not self.with_media:
            return fields
        seconds = PODCAST_PASSAGE_SECONDS * len(passages) + TAIL_SECONDS
        file_format = recording["format"]
        fields["audio_file"] = self.document(
            data,
            "audio",
            file_format,
            lambda: media.cached(media.make_audio, seconds, file_format),
        )
        fields["transcript_file"] = self.document(
            data,
            "uitgeschreven tekst",
            "vtt",
            lambda: media.make_captions(passages, seconds_each=PODCAST_PASSAGE_SECONDS),
        )
        return fields

    def vlog_media(self, data):
        """A vlog's video with captions (its transcript, a sentence at a time), or its link."""
        recording = VLOG_MEDIA.get(data["slug"], {})
        if "video_url" in recording:
            return {"video_url": recording["video_url"]}
        if not self.with_media or not recording:
            return {}
        captions = sentences(data["transcript"])
        seconds = CAPTION_SECONDS * len(captions) + TAIL_SECONDS
        file_format = recording["format"]
        return {
            "video_file": self.document(
                data,
                "video",
                file_format,
                lambda: media.cached(
                    media.make_video,
                    seconds,
                    file_format,
                    title=data["title"],
                    colour=recording["colour"],
                ),
            ),
            "captions": self.document(
                data,
                "ondertiteling",
                "vtt",
                lambda: media.make_captions(captions, seconds_each=CAPTION_SECONDS),
            ),
            "poster_image": demo_image(
                f"{data['title']} (voorbeeldafbeelding)", seed=f"{data['slug']}-poster"
            ),
        }

    def webinar_media(self, data):
        """A past webinar's recording (a video or a link) and its slides."""
        extra = WEBINAR_MEDIA.get(data["slug"])
        if extra is None:
            return {}
        fields = {
            "slides": demo_document(
                f"{data['title']} (presentatie)",
                f"{data['slug']}-presentatie.pdf",
                lambda: media.cached(
                    make_slides, data["title"], data["speakers"], extra["slides"]
                ),
                editor=self.editor,
            )
        }
        recording = extra["recording"]
        if "url" in recording:
            fields["recording_url"] = recording["url"]
        elif self.with_media:
            fields["recording_file"] = self.document(
                data,
                "opname",
                recording["format"],
                lambda: media.cached(
                    media.make_video,
                    recording["seconds"],
                    recording["format"],
                    title=data["title"],
                    colour=recording["colour"],
                ),
            )
        return fields

    def ensure_registrations(self, section):
        """Seats taken for the demo webinars that show a full house (no e-mails sent)."""
        for slug, people in WEBINAR_REGISTRATIONS.items():
            webinar = WebinarPage.objects.child_of(section).filter(slug=slug).first()
            if webinar is None:
                continue
            for name, email, organisation in people:
                WebinarRegistration.objects.get_or_create(
                    webinar=webinar,
                    email=email,
                    defaults={
                        "name": name,
                        "organisation": organisation,
                        "status": RegistrationStatus.CONFIRMED,
                    },
                )

    def publish(self, parent, page, published_at=None):
        page.owner = page.owner if page.owner_id else self.editor
        parent.add_child(instance=page)
        page.save_revision(user=self.editor, log_action=False).publish(
            user=self.editor, log_action=False
        )
        if published_at:
            Page.objects.filter(pk=page.pk).update(
                first_published_at=published_at, last_published_at=published_at
            )
            page.first_published_at = page.last_published_at = published_at
        self.created += 1

    def ensure_replies(self, thread, replies):
        """Add the demo replies a dialogue lacks, all visible, with their likes.

        They go through the same domain functions as real replies: the redactie approves
        each member's first reply, after which the member's replies appear at once. None of
        them asks for e-mails about follow-ups, so nobody is e-mailed.
        """
        if thread.is_closed:
            return
        step = min(MAX_REPLY_GAP, (self.now - thread.first_published_at) / (count(replies) + 1))
        times = (thread.first_published_at + step * n for n in range(1, count(replies) + 1))
        self.ensure_branch(thread, replies, parent=None, times=times)

    def ensure_branch(self, thread, replies, *, parent, times):
        for data in replies:
            reply = self.ensure_reply(thread, data, parent=parent, submitted=next(times))
            if reply.is_visible:
                self.ensure_branch(thread, data.get("replies", []), parent=reply, times=times)

    def ensure_reply(self, thread, data, *, parent, submitted):
        member = self.members[data["by"]]
        reply = Reply.objects.of_thread(thread).filter(user=member, comment=data["text"]).first()
        if reply is None:
            reply = post_reply(thread=thread, member=member, text=data["text"], parent=parent)
            dates = {"submit_date": submitted}
            if not reply.is_visible:  # the member's first reply
                approve_reply(reply=reply, editor=self.editor)
                dates["moderated_at"] = submitted + MAX_REPLY_GAP / 10
            Reply.objects.filter(pk=reply.pk).update(**dates)
        for username in data.get("liked_by", []):
            CommentFlag.objects.get_or_create(
                comment_id=reply.pk, user=self.members[username], flag=LIKEDIT_FLAG
            )
        report = data.get("reported")
        if report and reply.is_visible and not reply.reports.exists():
            report_reply(
                reply=reply,
                reason=report["reason"],
                note=report["note"],
                member=self.members[report["by"]],
            )
        return reply

    def ensure_held_reply(self, thread, data):
        """A visitor's confirmed first reply, waiting for the redactie (as after the e-mail)."""
        replies = Reply.objects.of_thread(thread)
        if replies.filter(user_email=data["email"], comment=data["text"]).exists():
            return
        Reply.objects.create(
            content_type=Reply.thread_content_type(),
            object_pk=str(thread.pk),
            site_id=settings.SITE_ID,
            user_name=data["name"],
            user_email=data["email"],
            comment=data["text"],
            submit_date=self.now - datetime.timedelta(hours=3),
            is_public=False,
            held_because=Reply.HeldBecause.NEW_AUTHOR,
        )

    def ensure_featured(self):
        if self.home.featured_items.exists():
            return
        slugs = [ARTICLES[0]["slug"], VLOGS[1]["slug"], PODCASTS[0]["slug"]]
        self.home.featured_items = [
            HomeFeaturedItem(page=Page.objects.get(slug=slug).specific, sort_order=order)
            for order, slug in enumerate(slugs)
        ]
        self.home.save_revision(user=self.editor, log_action=False).publish(
            user=self.editor, log_action=False
        )


def count(replies):
    """The number of replies in a nested list of demo replies."""
    return sum(1 + count(data.get("replies", [])) for data in replies)
