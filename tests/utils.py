"""Helpers for tests that are not fixtures."""

import ast
import io
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.core.management import call_command


def run_command(name, *args, **options):
    """Run a management command and return what it wrote, so that tests stay silent."""
    out = io.StringIO()
    call_command(name, *args, stdout=out, stderr=out, **options)
    return out.getvalue()


def link_path_in_mail(mailoutbox, *, to, pattern):
    """The path of the one link matching `pattern` in the e-mails sent to `to`."""
    [link] = [
        match.group()
        for message in mailoutbox
        if to in message.to and (match := pattern.search(message.body))
    ]
    return urlsplit(link).path


class _HiddenInputs(HTMLParser):
    """The hidden fields of a page's forms (CSRF token, one-time form tokens)."""

    def __init__(self):
        super().__init__()
        self.values = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "input" and attributes.get("type") == "hidden" and attributes.get("name"):
            self.values[attributes["name"]] = attributes.get("value") or ""


def post_form(client, path, data, *, action=None, **options):
    """Open the form at `path` and send it, as a browser would, to `action` (default: `path`)
    with `data` and the form's own hidden fields."""
    hidden = _HiddenInputs()
    hidden.feed(client.get(path).content.decode())
    return client.post(action or path, {**hidden.values, **data}, **options)


# The consent boxes every share form asks for, all ticked.
CONSENT = {
    "recognisable_people_agreed": "on",
    "no_identifying_details": "on",
    "house_rules_accepted": "on",
}


# A complete sign-up form of a new member.
NEW_MEMBER = {
    "email": "nieuw@example.org",
    "display_name": "Nieuw",
    "role": "ouder",
    "accept_rules": "on",
    "password1": "een-lang-wachtwoord-42",
    "password2": "een-lang-wachtwoord-42",
}


def imported_top_level_packages(path):
    """(top-level package, line) of every absolute import in the Python file at `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.partition(".")[0], node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.partition(".")[0], node.lineno
