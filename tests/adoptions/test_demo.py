"""The demo site shows "Waar het ook werkt": marks in several regions, one waiting."""

from adoptions.models import Adoption
from stories.models import ArticlePage


def test_the_demo_has_approved_marks_in_several_regions_and_one_waiting(client, demo):
    approved = Adoption.objects.approved()
    story = ArticlePage.objects.get(title__startswith="Het keukentafelgesprek")

    assert approved.values("region").distinct().count() >= 3
    assert Adoption.objects.pending().count() == 1
    page = client.get(story.url).content.decode()
    assert "Toegepast in 3 regio" in page
    assert "Wijkteam Amsterdam-Oost" in page
    listing = client.get("/verhalen/", {"sortering": "meest-toegepast"}).content.decode()
    assert listing.index("Het keukentafelgesprek") < listing.index("Jongeren beoordelen zelf")
