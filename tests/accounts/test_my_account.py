import io
import json
import re
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry
from wagtail.search.backends import get_search_backend

from accounts.personal_data import registered_personal_data
from adoptions.services import adopt
from dialogues.moderation import approve_reply
from dialogues.replies import post_reply
from follows.services import follow, member_follower
from follows.targets import resolve
from stories.models import ArticlePage, WebinarRegistration
from tests.adoptions.factories import PracticeArticleFactory
from tests.factories import (
    PASSWORD,
    ArticlePageFactory,
    ContributorFactory,
    DialogueThreadPageFactory,
    RegionFactory,
    WebinarPageFactory,
)

PLANTED = "Xylofoonwalvis"


@pytest.fixture
def member(db):
    member = ContributorFactory(display_name=f"Moeder {PLANTED}profiel")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    return member


@pytest.fixture
def logged_in(client, member):
    client.force_login(member)
    return client


def png_named(name):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "#2f6b4f").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def planted_story(member, *, title):
    image = get_image_model()(title=f"Foto {PLANTED}beeld", uploaded_by_user=member)
    image.file = png_named(f"{PLANTED.lower()}bestand.png")
    image.save()
    story = ArticlePageFactory(
        title=title,
        intro=f"Een verhaal over {PLANTED}verhaal en ons gezin.",
        contributor=member,
        owner=member,
        hero_image=image,
    )
    story.save_revision(user=member).publish()
    return story


def planted_reply(member, editor):
    """A visible reply by the member, with a reply by someone else below it."""
    thread = DialogueThreadPageFactory(title="Wat helpt bij ruzie thuis?")
    reply = post_reply(thread=thread, member=member, text=f"Mijn {PLANTED}reactie.", followup=True)
    approve_reply(reply=reply, editor=editor)
    post_reply(thread=thread, member=editor, text="Dank je!", parent=reply)
    return thread


def planted_document(member, editor):
    document = get_document_model()(title=f"{PLANTED}document", uploaded_by_user=member)
    document.file = SimpleUploadedFile(f"{PLANTED.lower()}bijlage.pdf", b"%PDF-1.4\n%%EOF\n")
    document.save()
    return document


def planted_registration(member, editor):
    webinar = WebinarPageFactory()
    return WebinarRegistration.objects.create(
        webinar=webinar, name=f"{PLANTED}aanmelder", email=member.email
    )


# How the test plants each kind of personal data that an app registers (accounts.personal_data).
# A kind registered without a planter here fails test_every_registered_kind_is_planted.
PLANTERS = {
    "stories": lambda member, editor: planted_story(member, title=f"Ons verhaal {PLANTED}titel"),
    "images": lambda member, editor: None,  # the story's photo
    "documents": planted_document,
    "replies": planted_reply,
    "webinar_registrations": planted_registration,
    "follows": lambda member, editor: follow(
        follower=member_follower(member), target=resolve("search", f"q={PLANTED}zoekopdracht")
    ),
    "adoptions": lambda member, editor: adopt(
        member=member,
        page=PracticeArticleFactory(),
        region=RegionFactory(),
        organisation=f"Wijkteam {PLANTED}organisatie",
        note=f"Wij doen het met {PLANTED}toelichting.",
    ),
}


def test_every_registered_kind_is_planted():
    assert sorted(kind.name for kind in registered_personal_data()) == sorted(PLANTERS)


def publicly_found(words):
    """The pks the public search's embedded index finds for `words` (drafts included)."""
    return get_search_backend("tantivy").search_stories(words, public_only=False).ids


def database_text():
    """Every row of every table, as text, to search for what must be gone."""
    rows = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor, include_views=False):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 (names from the database)
            rows.extend(str(row) for row in cursor.fetchall())
    return "\n".join(rows).lower()


def media_text():
    root = Path(settings.MEDIA_ROOT)
    names = [str(path) for path in root.rglob("*")]
    contents = [path.read_bytes().decode("latin-1") for path in root.rglob("*") if path.is_file()]
    return "\n".join(names + contents).lower()


def test_my_account_needs_a_login(client):
    response = client.get("/mijn-account/")

    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")


def test_a_member_changes_display_name_role_and_region(logged_in, member):
    region = RegionFactory(name="Drenthe")

    response = logged_in.post(
        "/mijn-account/", {"display_name": "Sanne B.", "role": "professional", "region": region.pk}
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.display_name, member.role, member.region) == (
        "Sanne B.",
        "professional",
        region,
    )


def test_a_member_downloads_everything_kept_about_them_as_json(logged_in, member, editor):
    planted_story(member, title=f"Ons verhaal {PLANTED}titel")
    planted_reply(member, editor)

    response = logged_in.post("/mijn-account/gegevens/")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == member.email
    assert data["account"]["display_name"] == member.display_name
    assert [story["title"] for story in data["stories"]] == [f"Ons verhaal {PLANTED}titel"]
    assert data["images"][0]["file"].startswith("original_images/")  # under a random name
    assert [reply["tekst"] for reply in data["replies"]] == [f"Mijn {PLANTED}reactie."]
    assert data["replies"][0]["dialoog"] == "Wat helpt bij ruzie thuis?"


def test_exporting_is_only_possible_with_a_post(logged_in):
    assert logged_in.get("/mijn-account/gegevens/").status_code == 405


def test_deleting_needs_the_right_password_and_keeps_the_choice(logged_in, member):
    response = logged_in.post(
        "/mijn-account/verwijderen/", {"stories": "bewaren", "password": "fout"}
    )

    assert response.status_code == 400
    assert "Dit wachtwoord klopt niet." in response.content.decode()
    assert re.search(r'value="bewaren"[^>]*checked', response.content.decode())
    assert get_user_model().objects.filter(pk=member.pk).exists()


def test_deleting_everything_leaves_no_trace_in_database_media_or_search(
    logged_in, member, editor, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    with django_capture_on_commit_callbacks(execute=True):  # the thread is indexed after commit
        planted = {name: plant(member, editor) for name, plant in PLANTERS.items()}
    story, thread = planted["stories"], planted["replies"]
    exported = json.dumps(logged_in.post("/mijn-account/gegevens/").json())
    for name in PLANTERS:
        assert PLANTED in json.dumps(json.loads(exported)[name]), name
    # The reply's words are in the public search's index (the admin's holds titles only).
    assert publicly_found(f"{PLANTED}reactie") == [thread.pk]
    PageLogEntry.objects.log_action(instance=story, action="wagtail.edit", user=member)
    assert PLANTED.lower() in database_text()
    stored_files = [path for path in Path(tmp_path).rglob("*") if path.is_file()]
    assert stored_files  # the photo

    with django_capture_on_commit_callbacks(execute=True):  # files are deleted after commit
        response = logged_in.post(
            "/mijn-account/verwijderen/", {"stories": "verwijderen", "password": PASSWORD}
        )

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=member.pk).exists()
    assert not Page.objects.filter(pk=story.pk).exists()
    assert PLANTED.lower() not in database_text()
    assert PLANTED.lower() not in media_text()
    assert not any(path.exists() for path in stored_files)
    assert list(ArticlePage.objects.search(PLANTED)) == []
    assert publicly_found(f"{PLANTED}reactie") == []
    assert publicly_found(f"{PLANTED}titel") == []
    thread_page = logged_in.get(thread.url).content.decode()
    assert "Deze reactie is verwijderd." in thread_page
    assert "Dank je!" in thread_page
    assert logged_in.get("/mijn-account/").status_code == 302


def test_deleting_but_keeping_stories_credits_them_to_a_former_member(logged_in, member):
    story = planted_story(member, title="Wat ons hielp")

    response = logged_in.post(
        "/mijn-account/verwijderen/", {"stories": "bewaren", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert PLANTED.lower() + "profiel" not in database_text()
    story = ArticlePage.objects.get(pk=story.pk)
    assert story.live
    assert story.contributor is None
    assert story.contributor_name == "Oud-lid"
    assert "Oud-lid" in logged_in.get(story.url).content.decode()
    assert story.get_latest_revision_as_object().contributor_name == "Oud-lid"


def test_unpublished_stories_go_even_when_published_ones_stay(logged_in, member):
    draft = ArticlePageFactory(title="Nog niet klaar", contributor=member, live=False)

    logged_in.post("/mijn-account/verwijderen/", {"stories": "bewaren", "password": PASSWORD})

    assert not Page.objects.filter(pk=draft.pk).exists()
