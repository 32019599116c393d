"""The full URLs that e-mails about follows carry: unsubscribe from one follow, from
everything, and the page where a follower manages what they follow.

Each link holds the follow's or the follower's own unguessable token, so it works without
logging in; the pages it opens ask before they act (mail scanners open links), and the two
unsubscribe URLs also take RFC 8058's one-click POST for the List-Unsubscribe header.
"""

from django.urls import reverse

from core.site_address import absolute_url

from .models import Follow, Follower


def unsubscribe_url(follow: Follow) -> str:
    """Stop this one follow."""
    return absolute_url(reverse("unsubscribe_follow", args=[follow.token]))


def unsubscribe_all_url(follower: Follower) -> str:
    """Stop every follow of this follower: no more digests at all."""
    return absolute_url(reverse("unsubscribe_all_follows", args=[follower.token]))


def manage_url(follower: Follower) -> str:
    """The page listing what the follower follows, with the choice of daily or weekly."""
    return absolute_url(reverse("manage_follows", args=[follower.token]))
