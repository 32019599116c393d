"""Builds the demo site (`load_demo`): the page tree, stories of every type and the dialogues.

Running it again adds only what is missing. Accounts, taxonomy, files and replies come from
their own modules beside this one.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from core.site_address import set_site_address
from demo import media
from demo.accounts import ensure_editor, ensure_members
from demo.adoptions import ensure_adoptions
from demo.content.articles import ARTICLES
from demo.content.dialogues import DIALOGUES
from demo.content.members import CONTRIBUTORS
from demo.content.pages import CONTENT_PAGES
from demo.content.podcasts import PODCASTS
from demo.content.replies import HELD_REPLY, REPLIES
from demo.content.vlogs import VLOGS
from demo.content.webinars import WEBINAR_REGISTRATIONS, WEBINARS
from demo.files import demo_image, podcast_files, vlog_files, webinar_files
from demo.follows import ensure_follows
from demo.replies import ensure_blocked_words, ensure_held_reply, ensure_replies
from demo.taxonomy import ensure_taxonomy
from dialogues.models import DialogueIndexPage, DialogueThreadPage
from home.models import ContentPage, HomeFeaturedItem, HomePage
from stories.models import (
    ArticleIndexPage,
    ArticlePage,
    PodcastIndexPage,
    PodcastPage,
    RegistrationStatus,
    VlogIndexPage,
    VlogPage,
    WebinarIndexPage,
    WebinarPage,
    WebinarRegistration,
)

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
    ensure_follows(members)
    ensure_adoptions(members, editor)
    return loader.created


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
                files=vlog_files,
                transcript=data["transcript"],
            )
        for index, data in enumerate(PODCASTS):
            self.ensure_story(
                sections[PodcastIndexPage],
                PodcastPage,
                data,
                index,
                files=podcast_files,
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
                files=webinar_files,
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
            ensure_replies(
                thread,
                REPLIES.get(data["slug"], []),
                members=self.members,
                editor=self.editor,
                now=self.now,
            )
            if data["slug"] == HELD_REPLY["dialogue"]:
                ensure_held_reply(thread, HELD_REPLY, now=self.now)
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
        """The published story of `data`; `files(data, ...)` gives the fields for its files."""
        existing = model.objects.child_of(parent).filter(slug=data["slug"]).first()
        if existing is not None:
            return existing
        if files is not None:
            fields.update(files(data, editor=self.editor, with_media=self.with_media))
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
