"""The demo site shows the regio-ambassadeurs' features: what they help with, the question
form, and a region page with an upcoming webinar and an active dialogue."""

from ambassadors.region import region_context
from stories.models import Ambassador, Region
from tests.utils import run_command


def test_the_demo_gives_regional_ambassadors_an_address_and_keeps_the_redacties_text(demo, client):
    regional = Ambassador.objects.filter(kind=Ambassador.Kind.REGIONAL)
    assert regional.exists()
    assert all(ambassador.help_with and ambassador.email for ambassador in regional)
    assert all(ambassador.email.endswith(".example.org") for ambassador in regional)
    rijnmond = Region.objects.get(name="Rijnmond")
    context = region_context(rijnmond)
    assert context["question_form"] is not None
    assert context["upcoming_webinars"]
    assert context["active_dialogues"]
    html = client.get(f"/regio/{rijnmond.slug}/").text
    assert "Stel je vraag aan de regio-ambassadeur" in html
    assert "fatma.yilmaz" not in html

    edited = regional.first()
    edited.help_with = "Door de redactie aangepast"
    edited.save()
    run_command("load_demo")

    edited.refresh_from_db()
    assert edited.help_with == "Door de redactie aangepast"
    assert Ambassador.objects.filter(kind=Ambassador.Kind.REGIONAL).count() == regional.count()
