"""A region's page: its ambassadors with photo and what they help with, its upcoming webinars
and its active dialogues (live and public only), in a fixed number of queries."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.ambassadors.factories import region_with_ambassadors
from tests.dialogues.factories import DialogueThreadPageFactory
from tests.stories.factories import ImageFactory, RegionFactory, WebinarPageFactory
from tests.stories.xss_payloads import XSS_PAYLOADS


def in_region(factory, region, **fields):
    page = factory(**fields)
    page.regions.set([region])
    revision = page.save_revision()
    if page.live:
        revision.publish()
    return page


@pytest.fixture
def twente(home):
    return region_with_ambassadors("een@example.org")[0]


def test_an_ambassador_shows_photo_role_and_what_they_help_with(client, home):
    region, (ambassador,) = region_with_ambassadors("een@example.org")
    ambassador.photo = ImageFactory()
    ambassador.help_with = "Pleegzorg & de overstap naar 18+"
    ambassador.save()

    html = client.get(f"/regio/{region.slug}/").text

    assert "Waarmee ik je kan helpen:" in html
    assert "Pleegzorg &amp; de overstap naar 18+" in html
    assert "Jeugdhulpprofessional" in html
    assert f'alt="Foto van {ambassador.name}"' in html
    assert 'width="96" height="96"' in html


def test_the_region_shows_its_next_three_webinars_soonest_first(client, twente):
    now = timezone.now()
    for days in (30, 3, 10, 20):
        in_region(
            WebinarPageFactory,
            twente,
            title=f"Webinar over {days} dagen",
            start=now + datetime.timedelta(days=days),
        )
    in_region(WebinarPageFactory, twente, title="Voorbij", start=now - datetime.timedelta(days=5))
    in_region(WebinarPageFactory, twente, title="Nog een concept", live=False)
    private = in_region(WebinarPageFactory, twente, title="Alleen voor leden")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    WebinarPageFactory(title="Andere regio")

    response = client.get(f"/regio/{twente.slug}/")

    titles = [page.title for page in response.context["upcoming_webinars"]]
    assert titles == ["Webinar over 3 dagen", "Webinar over 10 dagen", "Webinar over 20 dagen"]
    assert "Komende webinars in deze regio" in response.text


def test_the_region_shows_its_active_dialogues_and_no_drafts_or_private_ones(client, twente):
    in_region(DialogueThreadPageFactory, twente, title="Wat helpt bij wachtlijsten?")
    in_region(DialogueThreadPageFactory, twente, title="Concept-dialoog", live=False)
    private = in_region(DialogueThreadPageFactory, twente, title="Besloten dialoog")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    DialogueThreadPageFactory(title="Dialoog zonder regio")

    response = client.get(f"/regio/{twente.slug}/")

    assert [page.title for page in response.context["active_dialogues"]] == [
        "Wat helpt bij wachtlijsten?"
    ]
    assert "Actieve dialogen in deze regio" in response.text
    assert "Concept-dialoog" not in response.text
    assert "Besloten dialoog" not in response.text


def test_a_region_without_webinars_or_dialogues_leaves_those_sections_out(client, home):
    region = RegionFactory(name="Zeeland")

    html = client.get(f"/regio/{region.slug}/").text

    assert "Komende webinars in deze regio" not in html
    assert "Actieve dialogen in deze regio" not in html
    assert "Stel je vraag" not in html


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_region_page_costs_the_same_queries_for_more_ambassadors_webinars_and_dialogues(
    client, home, settings
):
    settings.HVDJ_PAGE_CACHE_SECONDS = 0
    region, ambassadors = region_with_ambassadors("een@example.org", "twee@example.org")
    url = f"/regio/{region.slug}/"
    ambassadors[0].photo = ImageFactory()
    ambassadors[0].save()
    in_region(WebinarPageFactory, region, hero_image=ImageFactory())
    in_region(DialogueThreadPageFactory, region, hero_image=ImageFactory())
    few = queries_for(client, url)

    for ambassador in ambassadors:
        ambassador.photo = ImageFactory()
        ambassador.save()
    for number in range(4):
        in_region(WebinarPageFactory, region, hero_image=ImageFactory())
        in_region(
            DialogueThreadPageFactory, region, title=f"Dialoog {number}", hero_image=ImageFactory()
        )
    more_ambassadors = region_with_ambassadors("drie@example.org", name="Twente 2")[1]
    for ambassador in more_ambassadors:
        ambassador.regions.add(region)
        ambassador.save()
    many = queries_for(client, url)

    assert many == few
    assert many <= 30


def test_markup_in_an_ambassadors_texts_stays_text_on_the_region_page(client, home):
    payloads = iter(XSS_PAYLOADS[::4])
    region, (ambassador,) = region_with_ambassadors("een@example.org")
    for field in ("name", "role", "help_with", "bio"):
        setattr(ambassador, field, next(payloads)[:120])
    ambassador.save()

    html = client.get(f"/regio/{region.slug}/").text

    section = BeautifulSoup(html, "html.parser").select_one("section.ambassadors")
    assert not section.select("script, iframe, object, embed, svg, img[onerror]")
    assert not [
        tag for tag in section.find_all(True) if any(a.startswith("on") for a in tag.attrs)
    ]
    assert section.select_one(".ambassador__name").text == ambassador.name
