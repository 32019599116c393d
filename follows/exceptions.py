"""The one refusal every follow action can give, with the reason in Dutch for the person in
front of it."""


class FollowRefused(Exception):
    """A follow, confirmation or unsubscribe link that cannot be accepted; the message says why."""
