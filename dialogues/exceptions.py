"""The one refusal every reply action can give: a reply, confirmation, report, like or
unsubscribe link that cannot be accepted, with the reason in Dutch for the person in front of it.
"""


class ReplyRefused(Exception):
    """A reply, confirmation or report that cannot be accepted; the message says why, in Dutch."""
