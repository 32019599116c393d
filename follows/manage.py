"""“Wat je volgt”: the list of someone's follows, each with a “Niet meer volgen” button, and
the choice of a daily or weekly digest. A member finds it under Mijn account; a visitor
without an account opens it by the link in every digest (the follower's token).
"""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .exceptions import FollowRefused
from .forms import PeriodForm
from .models import Follower
from .services import follower_by_token, member_follower, set_period, unfollow
from .targets import describe, target_of
from .views import notice


def follows_page(request, follower: Follower | None, *, back: str):
    """The list (GET) and its two actions (POST): stop one follow, or change the period."""
    form = PeriodForm(initial={"period": follower.period if follower else "weekly"})
    if request.method == "POST" and follower is not None:
        stop = request.POST.get("stoppen", "")
        if stop:
            valid = re.fullmatch(r"[0-9]{1,9}", stop) is not None
            stopped = unfollow(follower=follower, follow_id=int(stop)) if valid else None
            if stopped is not None:
                messages.success(
                    request,
                    _("Je volgt “%(name)s” niet meer.") % {"name": target_of(stopped).name},
                )
            return redirect(back)
        form = PeriodForm(request.POST)
        if form.is_valid():
            set_period(follower=follower, period=form.cleaned_data["period"])
            messages.success(
                request,
                _("Je krijgt voortaan een %(period)s overzicht.")
                % {"period": follower.get_period_display().lower()},
            )
            return redirect(back)
    follows = []
    if follower is not None:
        related = ("theme", "region", "change_task", "dialogue")
        follows = [
            {"follow": item, **describe(item)}
            for item in follower.follows.select_related(*related)
        ]
    return TemplateResponse(
        request,
        "follows/my_follows.html",
        {
            "page_title": _("Wat je volgt"),
            "follower": follower,
            "follows": follows,
            "period_form": form,
            "by_token": not request.path.startswith("/mijn-account/"),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def my_follows(request):
    """/mijn-account/volgen/: what the member follows."""
    follower = Follower.objects.filter(user=request.user).first()
    if follower is None and request.method == "POST":
        follower = member_follower(request.user)
    return follows_page(request, follower, back=request.path)


@never_cache
@require_http_methods(["GET", "POST"])
def manage_by_token(request, token):
    """/volgen/beheren/<token>/: the same list for whoever holds the link from a digest."""
    try:
        follower = follower_by_token(token)
    except FollowRefused as refusal:
        return notice(request, title=_("Link werkt niet"), text=str(refusal), status=404)
    return follows_page(request, follower, back=request.path)
