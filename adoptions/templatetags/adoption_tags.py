"""Template tags that show adoption marks on pages of apps below this one: the story page
(`{% adoptions_of_page page %}`) and the region page (`{% adopted_in_region term %}`), which
load this library by name instead of importing the app."""

from django import template

from dialogues.models import DialogueThreadPage, is_verified_member
from stories.models import Region, StoryPage

from ..forms import AdoptionForm
from ..models import Adoption
from ..services import adoptable_pages

register = template.Library()

REGION_PAGE_ITEMS = 6


def regions_of(adoptions):
    """The distinct regions of the marks, by name."""
    regions = {adoption.region_id: adoption.region for adoption in adoptions}
    return sorted(regions.values(), key=lambda region: region.name)


@register.inclusion_tag("adoptions/includes/page_adoptions.html", takes_context=True)
def adoptions_of_page(context, page):
    """Where a practice example is applied too, and the member's form or mark."""
    if (
        not isinstance(page, StoryPage)
        or isinstance(page, DialogueThreadPage)
        or not page.pk
        or not page.is_practice_example
    ):
        return {"shown": False}
    request = context.get("request")
    user = getattr(request, "user", None)
    approved = list(
        Adoption.objects.approved()
        .filter(page=page)
        .select_related("region")
        .order_by("region__name", "organisation", "pk")
    )
    result = {
        "shown": True,
        "request": request,
        "search_links": context.get("search_links"),
        "page": page,
        "adoptions": approved,
        "regions": regions_of(approved),
        "member": None,
    }
    if user is not None and user.is_authenticated and page.live:
        own = Adoption.objects.filter(page=page, member=user).select_related("region").first()
        form = context.get("adoption_form")
        if form is None and own is None:
            form = AdoptionForm(initial={"region": user.region_id})
        result.update(
            member=user,
            needs_verification=not is_verified_member(user),
            own=own,
            form=form,
            can_adopt=adoptable_pages().filter(pk=page.pk).exists(),
        )
    return result


@register.inclusion_tag("adoptions/includes/region_adoptions.html")
def adopted_in_region(term):
    """The practice examples applied in a region (approved marks on live public pages)."""
    if not isinstance(term, Region):
        return {"adoptions": []}
    adoptions = list(
        Adoption.objects.approved()
        .on_public_pages()
        .filter(region=term)
        .select_related("page")
        .order_by("-decided_at", "-pk")[:REGION_PAGE_ITEMS]
    )
    return {"adoptions": adoptions, "term": term}
