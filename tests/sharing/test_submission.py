from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from stories.models import ArticlePage, PodcastPage, StoryConsent, StoryPage, VlogPage
from tests.factories import (
    ArticleIndexPageFactory,
    ContributorFactory,
    PodcastIndexPageFactory,
    ThemeFactory,
    VlogIndexPageFactory,
)
from tests.samples import PDF, image_bytes, mp3_bytes, mp4_bytes
from tests.utils import CONSENT


@pytest.fixture
def sections(db):
    return {
        "artikel": ArticleIndexPageFactory(),
        "vlog": VlogIndexPageFactory(),
        "podcast": PodcastIndexPageFactory(),
    }


@pytest.fixture
def member(db):
    member = ContributorFactory(display_name="Marloes")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    return member


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def logged_in(client, member):
    client.force_login(member)
    return client


def stored_files(root):
    return sorted(str(path.relative_to(root)) for path in Path(root).rglob("*") if path.is_file())


def upload(name, content):
    return SimpleUploadedFile(name, content)


def share(client, kind, **data):
    return client.post(f"/deel-je-verhaal/{kind}/", {**CONSENT, **data})


def assert_submitted_draft(page, member):
    assert not page.live
    assert page.owner == member
    assert page.contributor == member
    assert page.workflow_in_progress
    assert page.current_workflow_state.requested_by == member


def test_sharing_needs_a_verified_email_address(client, sections):
    member = ContributorFactory()
    client.force_login(member)

    response = client.get("/deel-je-verhaal/artikel/")

    assert response.status_code == 200
    assert "account/verified_email_required.html" in [t.name for t in response.templates]
    assert not StoryPage.objects.exists()


def test_an_article_with_an_image_becomes_a_draft_in_the_redactie_workflow(
    logged_in, member, sections, media
):
    theme = ThemeFactory(name="Pleegzorg")
    response = share(
        logged_in,
        "artikel",
        title="Wat ons hielp",
        intro="Een kort verhaal over hulp die werkte.",
        body="Eerste alinea.\n\nTweede alinea met <b>nadruk</b>.",
        themes=[theme.pk],
        tags="school, netwerk",
        hero_image=upload("foto.jpg", image_bytes("JPEG")),
        hero_image_alt="Een moeder en kind aan tafel",
    )

    assert response.status_code == 302
    assert response["Location"] == "/mijn-bijdragen/"
    page = ArticlePage.objects.get(title="Wat ons hielp")
    assert_submitted_draft(page, member)
    assert page.get_parent().specific == sections["artikel"]
    assert list(page.themes.all()) == [theme]
    assert sorted(page.tags.names()) == ["netwerk", "school"]
    assert "<b>nadruk</b>" in str(page.body[0].value)
    assert page.hero_image.uploaded_by_user == member
    assert page.consent.recognisable_people_agreed


def test_a_vlog_with_an_uploaded_video_and_a_podcast_with_audio_are_stored(
    logged_in, member, sections, media
):
    share(
        logged_in,
        "vlog",
        title="Onze vlog",
        intro="Een dag uit ons leven.",
        video_file=upload("vlog.mp4", mp4_bytes()),
    )
    share(
        logged_in,
        "podcast",
        title="Onze podcast",
        intro="Een gesprek met een pleegouder.",
        audio_file=upload("gesprek.mp3", mp3_bytes()),
    )

    vlog = VlogPage.objects.get(title="Onze vlog")
    podcast = PodcastPage.objects.get(title="Onze podcast")
    assert_submitted_draft(vlog, member)
    assert_submitted_draft(podcast, member)
    assert vlog.video_file.uploaded_by_user == member
    assert podcast.audio_file.file.name.endswith(".mp3")


def test_a_vlog_can_be_a_youtube_link_instead_of_a_file(logged_in, member, sections):
    share(
        logged_in,
        "vlog",
        title="Op YouTube",
        intro="Onze vlog staat op YouTube.",
        video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    )

    assert_submitted_draft(VlogPage.objects.get(title="Op YouTube"), member)


def test_a_link_to_research_with_a_pdf_becomes_an_article(logged_in, member, sections, media):
    share(
        logged_in,
        "link",
        title="Onderzoek naar wijkteams",
        intro="Een rapport dat laat zien wat werkt.",
        source_url="https://example.org/rapport",
        attachment=upload("rapport.pdf", PDF),
    )

    page = ArticlePage.objects.get(title="Onderzoek naar wijkteams")
    assert_submitted_draft(page, member)
    assert page.source_url == "https://example.org/rapport"
    assert page.attachment.file.name.endswith(".pdf")


def test_an_mp3_that_is_really_a_png_is_refused_and_nothing_is_left_behind(
    logged_in, sections, media
):
    response = share(
        logged_in,
        "podcast",
        title="Nep-podcast",
        intro="Dit is eigenlijk een plaatje.",
        audio_file=upload("aflevering.mp3", image_bytes("PNG")),
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "PNG" in html
    assert 'value="Nep-podcast"' in html
    assert not StoryPage.objects.filter(title="Nep-podcast").exists()
    assert get_document_model().objects.count() == 0
    assert stored_files(media) == []


def test_a_hero_image_that_is_too_narrow_is_refused_and_the_text_is_kept(
    logged_in, sections, media
):
    response = share(
        logged_in,
        "artikel",
        title="Klein plaatje",
        intro="Met een te kleine foto.",
        body="Ons verhaal.",
        hero_image=upload("klein.png", image_bytes("PNG", size=(400, 300))),
        hero_image_alt="Klein",
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "400 pixels breed" in html
    assert "Ons verhaal." in html
    assert get_image_model().objects.count() == 0
    assert stored_files(media) == []


def test_consent_about_a_child_must_say_who_agreed_for_which_media_and_until_when(
    logged_in, sections
):
    response = share(
        logged_in,
        "artikel",
        title="Over onze zoon",
        intro="Hoe het ging op school.",
        body="Ons verhaal.",
        concerns_child="on",
        child_age_group="12_tot_16",
        consent_given_by="ouder",
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "de ouder of voogd én de jongere" in html
    assert "Vul in voor welke media de toestemming geldt." in html
    assert not StoryPage.objects.filter(title="Over onze zoon").exists()


def test_consent_about_a_child_is_kept_with_the_story(logged_in, sections):
    share(
        logged_in,
        "artikel",
        title="Over onze dochter",
        intro="Hoe het ging op school.",
        body="Ons verhaal.",
        concerns_child="on",
        child_age_group="vanaf_16",
        consent_given_by="jongere",
        consent_media="tekst",
        consent_valid_until="2031-01-01",
    )

    consent = StoryConsent.objects.get(page__title="Over onze dochter")
    assert (consent.given_by, consent.media, str(consent.valid_until)) == (
        "jongere",
        "tekst",
        "2031-01-01",
    )


def test_missing_consent_is_refused(logged_in, sections):
    response = logged_in.post(
        "/deel-je-verhaal/artikel/",
        {"title": "Zonder toestemming", "intro": "Kort.", "body": "Tekst."},
    )

    assert response.status_code == 400
    assert not StoryPage.objects.filter(title="Zonder toestemming").exists()


def test_personal_data_waits_for_the_member_before_it_goes_to_the_redactie(
    logged_in, member, sections
):
    response = share(
        logged_in,
        "artikel",
        title="Bel me gerust",
        intro="Mijn nummer is 06-12345678.",
        body="Ons adres is 1234 AB 12.",
    )

    page = ArticlePage.objects.get(title="Bel me gerust")
    assert response["Location"] == f"/mijn-bijdragen/{page.pk}/controleren/"
    assert not page.workflow_in_progress
    assert {finding["kind"] for finding in page.privacy_findings} == {"phone", "address"}
    check = logged_in.get(response["Location"]).content.decode()
    assert "06-12345678" in check
    assert f"/mijn-bijdragen/{page.pk}/aanpassen/" in check

    logged_in.post(f"/mijn-bijdragen/{page.pk}/insturen/")

    page.refresh_from_db()
    assert_submitted_draft(page, member)


def test_a_member_cannot_see_or_send_another_members_story(client, member, sections):
    other = ContributorFactory()
    EmailAddress.objects.create(user=other, email=other.email, verified=True, primary=True)
    client.force_login(member)
    share(client, "artikel", title="Van mij", intro="06-12345678", body="Tekst.")
    page = ArticlePage.objects.get(title="Van mij")
    client.force_login(other)

    assert client.get(f"/mijn-bijdragen/{page.pk}/controleren/").status_code == 404
    assert client.post(f"/mijn-bijdragen/{page.pk}/insturen/").status_code == 404
    assert "Van mij" not in client.get("/mijn-bijdragen/").content.decode()


def test_the_honeypot_stops_bots(logged_in, sections):
    response = share(
        logged_in, "artikel", title="Spam", intro="Koop nu.", body="Spam.", website="x"
    )

    assert response.status_code == 400
    assert not StoryPage.objects.filter(title="Spam").exists()


def test_a_member_can_share_only_a_few_stories_an_hour(logged_in, sections, settings):
    settings.HVDJ_SUBMISSIONS_PER_HOUR = 2
    for number in range(3):
        response = share(
            logged_in, "artikel", title=f"Verhaal {number}", intro="Kort.", body="Tekst."
        )

    assert response.status_code == 400
    assert "Probeer het later opnieuw." in response.content.decode()
    assert StoryPage.objects.filter(title__startswith="Verhaal").count() == 2


def test_my_contributions_shows_each_story_with_its_status(logged_in, member, sections):
    share(logged_in, "artikel", title="In behandeling", intro="Kort.", body="Tekst.")
    share(logged_in, "artikel", title="Met nummer", intro="06-12345678", body="Tekst.")
    published = ArticlePage.objects.get(title="In behandeling")

    html = logged_in.get("/mijn-bijdragen/").content.decode()
    assert "Bij de redactie" in html
    assert "Nog niet ingestuurd" in html

    published.get_latest_revision().publish()
    html = logged_in.get("/mijn-bijdragen/").content.decode()
    assert "Gepubliceerd" in html
    assert published.url in html


def test_unknown_kinds_are_not_found(logged_in, sections):
    assert logged_in.get("/deel-je-verhaal/roman/").status_code == 404


def test_pages_stay_a_valid_tree_after_submissions(logged_in, sections):
    share(logged_in, "artikel", title="Boom", intro="Kort.", body="Tekst.")

    assert Page.find_problems() == ([], [], [], [], [])


@pytest.mark.parametrize(
    ("name", "image_format"),
    # An iPhone's HEIC photo is shared as a JPEG, which every browser shows.
    [("gezin.jpg", "JPEG"), ("IMG_0042.HEIC", "HEIF")],
)
def test_a_shared_photo_keeps_no_gps_coordinates(logged_in, sections, media, name, image_format):
    from tests.stories.test_image_metadata import GPS_IFD, metadata_of, photo_with_gps

    share(
        logged_in,
        "artikel",
        title="Met foto",
        intro="Kort.",
        body="Tekst.",
        hero_image=upload(name, photo_with_gps(image_format)),
        hero_image_alt="Gezin",
    )

    image = ArticlePage.objects.get(title="Met foto").hero_image
    with image.file.open("rb") as stored:
        assert Image.open(stored).format == "JPEG"
    assert (image.width, image.height) == (900, 600)
    exif, gps, _info = metadata_of(image.file)
    assert gps == {} and GPS_IFD not in exif
    assert metadata_of(image.get_rendition("fill-640x360").file)[1] == {}
