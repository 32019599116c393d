"""`{% follow_button kind thing %}`, `{% follow_term_button term %}` and
`{% follow_search_button %}`: the follow buttons that
theme, region, dialogue and search pages show (templates of lower apps load this library;
their Python never imports `follows`)."""

import functools

from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language

from ..exceptions import FollowRefused
from ..forms import VisitorFollowForm
from ..models import Follow, Follower
from ..services import find_follow
from ..targets import FOLLOW_LABELS, FOLLOWING_LABELS, TERM_MODELS, Target, resolve

register = template.Library()
TEMPLATE = "follows/includes/follow_button.html"
AUTO_ID = "volgen-%s"


@functools.cache
def empty_visitor_fields(language):
    """The e-mail, period and honeypot fields of an empty visitor's form as HTML: the same on
    every page with a button, so rendered once per process and language (the form's own
    rendering took a tenth of a search page)."""
    form = VisitorFollowForm(auto_id=AUTO_ID)
    return render_to_string("follows/includes/visitor_fields.html", {"form": form})


def button_context(request, target):
    context = {
        "request": request,
        "target": target,
        "label": FOLLOW_LABELS[target.kind],
        "following_label": FOLLOWING_LABELS[target.kind],
        "next": request.get_full_path(),
    }
    if request.user.is_authenticated:
        follower = Follower.objects.filter(user=request.user).first()
        context["existing"] = find_follow(follower, target)
    else:
        context["form"] = VisitorFollowForm(
            initial={"kind": target.kind, "value": target.value}, auto_id=AUTO_ID
        )
        context["empty_fields"] = empty_visitor_fields(get_language())
    return context


@register.inclusion_tag(TEMPLATE, takes_context=True)
def follow_button(context, kind, thing):
    """The button for a theme, region, change task or dialogue page."""
    return button_context(context["request"], Target(kind, obj=thing))


@register.inclusion_tag(TEMPLATE, takes_context=True)
def follow_term_button(context, term):
    """The button on a theme's or region's page (the kind follows from the term's model)."""
    kind = next(kind for kind, model in TERM_MODELS.items() if isinstance(term, model))
    return button_context(context["request"], Target(kind, obj=term))


@register.inclusion_tag(TEMPLATE, takes_context=True)
def follow_search_button(context):
    """The button on the search page: this search, or the change task when the search is
    nothing but one change task's filter. Nothing when there is nothing to follow."""
    request = context["request"]
    try:
        target = resolve(Follow.Kind.SEARCH, request.GET.urlencode())
    except FollowRefused:
        return {"hidden": True}
    if target.query.startswith("opgave=") and "&" not in target.query:
        try:
            target = resolve(Follow.Kind.CHANGE_TASK, target.query.removeprefix("opgave="))
        except FollowRefused:
            return {"hidden": True}
    return button_context(request, target)
