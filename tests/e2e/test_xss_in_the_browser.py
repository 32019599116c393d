"""Every payload of `xss_payloads` through every input visitors and members have, rendered in
Chromium, public pages and the redactie's admin alike: nothing runs and nothing is injected.

"Nothing runs" is watched four ways: `alert`, `confirm`, `prompt` and `print` are recorders,
the `window.__xss` sentinel records being set, `script-src` policy violations are recorded
(the public policy blocks inline script, so an injection there shows up as a violation), and
Playwright dismisses and records any dialog. Requests to other hosts, or to the `x` and `1`
the payloads' images point at, are recorded too: they mean an element got into the page even
if its script was blocked. The admin's policy allows inline script, so there an injection
would simply run; the DOM check (no element or attribute of a payload exists) covers both.
"""

from urllib.parse import urlencode, urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from wagtail.models import Page

from core.sanitise import RICH_TEXT_TAGS, clean_one_line, clean_plain_text
from dialogues.models import DialogueThreadPage, Reply
from dialogues.moderation import approve_reply
from dialogues.replies import post_reply
from dialogues.start import one_line
from search.autocomplete import MAX_QUERY_LENGTH as MAX_SUGGEST_QUERY_LENGTH
from search.engine import clean_query
from sharing.submission import rich_text_from_member
from stories.models import ArticlePage, StoryPage, WebinarRegistration
from tests.core.test_sanitise import DANGEROUS_SCHEMES, elements_in
from tests.e2e.accounts import log_in_to_the_admin
from tests.e2e.test_share_story_flow import log_in_as_member
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ContributorFactory,
    DialogueIndexPageFactory,
    DialogueThreadPageFactory,
    EditorFactory,
    WebinarPageFactory,
)
from tests.stories.xss_payloads import XSS_PAYLOADS
from tests.utils import CONSENT
from webinars.forms import WebinarRegistrationForm
from webinars.registrations import register

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Runs in every document and frame before the page's own scripts.
HOOK = """
(() => {
  const ran = [];
  Object.defineProperty(window, "__ran", { value: ran });
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    window[name] = (...args) => { ran.push(`${name}(${args.join(", ")})`); };
  }
  let sentinel;
  Object.defineProperty(window, "__xss", {
    get: () => sentinel,
    set: (value) => { sentinel = value; ran.push(`window.__xss = ${value}`); },
  });
  document.addEventListener("securitypolicyviolation", (event) => {
    if (event.violatedDirective.startsWith("script-src")) {
      ran.push(`${event.violatedDirective} refused ${event.sample || event.blockedURI}`);
    }
  });
})();
"""

# Everything in the given parts of the page that a payload could have put there. Wagtail's
# own inline scripts and its preview iframe are the admin's, not a payload's.
FIND_INJECTED = """
([selector, inlineScriptsAllowed]) => {
  const found = [];
  const urlAttributes = new Set([
    "href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "background",
    "poster", "lowsrc", "dynsrc", "code", "codebase",
  ]);
  const dangerousUrl = /^(javascript|vbscript|data):/i;
  const foreign = new Set([
    "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "portal",
    "math", "xmp", "noembed", "marquee", "isindex", "keygen",
  ]);
  // The admin has inline scripts of its own; one of a payload's would contain its code.
  const payloadCode = /alert|msgbox|__xss|XSS-uitgevoerd|[.]example|cookie|fetch/i;
  const describe = (element) => element.outerHTML.slice(0, 120);
  if (!inlineScriptsAllowed) {
    for (const script of document.querySelectorAll("script:not([src])")) {
      // Our JSON-LD is a data block, never run; a payload that broke out of it would leave
      // text that is no longer JSON.
      if (script.type === "application/ld+json") {
        try {
          JSON.parse(script.textContent);
          continue;
        } catch (error) {
          found.push(`broken data block: ${describe(script)}`);
        }
      }
      found.push(`inline script: ${describe(script)}`);
    }
  }
  for (const root of document.querySelectorAll(selector)) {
    for (const element of root.querySelectorAll("*")) {
      const tag = element.localName;
      if (tag === "script" && !/json/.test(element.type)) {
        const ours = inlineScriptsAllowed
          ? !payloadCode.test(element.textContent + element.src)
          : element.src && new URL(element.src).origin === location.origin;
        if (!ours) found.push(`script: ${describe(element)}`);
      }
      if (foreign.has(tag) && element.id !== "w-preview-iframe") {
        found.push(`<${tag}>: ${describe(element)}`);
      }
      if (tag === "svg" && element.getAttribute("aria-hidden") !== "true"
          && element.getAttribute("focusable") !== "false") {
        found.push(`<svg>: ${describe(element)}`);
      }
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value.replace(/[\\s\\x00-\\x1f]/g, "");
        if (name.startsWith("on")) found.push(`${name} on <${tag}>: ${describe(element)}`);
        if (urlAttributes.has(name) && dangerousUrl.test(value)) {
          found.push(`${name}=${attribute.value} on <${tag}>`);
        }
        if (name === "style" && /expression|javascript:|behavior/i.test(value)) {
          found.push(`style on <${tag}>: ${attribute.value}`);
        }
      }
    }
  }
  return found;
}
"""

# Where payloads' text shows: the main content, and on the admin its messages as well.
PUBLIC_PARTS = "main#inhoud"
ADMIN_PARTS = "main, .messages"
OTHER_HOSTS_AND_PAYLOAD_TARGETS = ("xss.example", "evil.example")


def text(value):
    """Text as a reader sees it, whitespace aside (line breaks become paragraphs and spaces)."""
    return " ".join(value.split())


def packed(payloads, limit, separator=" "):
    """The payloads in as few groups as fit in `limit` characters when joined; a longer payload
    is cut to the limit, as a browser's maxlength would."""
    groups, group = [], []
    for payload in (payload[:limit] for payload in payloads):
        if group and len(separator.join([*group, payload])) > limit:
            groups.append(group)
            group = []
        group.append(payload)
    return [*groups, group]


class Tab:
    """A browser tab of its own (own cookies) that records everything a payload could do."""

    def __init__(self, browser, base_url):
        self.base_url = base_url
        self.context = browser.new_context(base_url=base_url, locale="nl-NL")
        self.context.add_init_script(HOOK)
        self.strays = []
        self.dialogs = []
        self.context.route(lambda url: not url.startswith(base_url), self.refuse_other_hosts)
        self.page = self.context.new_page()
        self.page.on("dialog", self.dismiss)
        self.page.on("request", self.watch_request)

    def refuse_other_hosts(self, route):
        self.strays.append(route.request.url)
        route.abort()

    def dismiss(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def watch_request(self, request):
        path = urlsplit(request.url).path
        if path.endswith(("/x", "/1", "/xss.htc", "/.j", "/xss.js", "/xss.css")):
            self.strays.append(request.url)

    def visit(self, url, *, admin=False, wait_for=None, status=200):
        """Open `url` and prove that nothing of a payload ran or got into the page."""
        response = self.page.goto(url)
        assert response.status == status, url
        if wait_for:
            self.page.wait_for_selector(wait_for)
        self.assert_inert(url, admin=admin)
        return self.page

    def assert_inert(self, url, *, admin=False):
        page = self.page
        page.wait_for_load_state("load")
        requested = urlsplit(url)
        now = urlsplit(page.url)
        assert (now.netloc, now.path) == (urlsplit(self.base_url).netloc, requested.path), url
        parts = ADMIN_PARTS if admin else PUBLIC_PARTS
        injected = page.evaluate(FIND_INJECTED, [parts, admin])
        assert injected == [], "\n".join([url, *injected])
        assert page.evaluate("window.__ran") == [], url
        assert page.evaluate("window.__xss === undefined"), url
        assert page.title() != "XSS-uitgevoerd", url
        assert self.dialogs == [], url
        assert self.strays == [], url

    def text_of(self, selector):
        return text(" ".join(self.page.locator(selector).all_text_contents()))


@pytest.fixture
def open_tab(browser, live_server):
    """Opens recording tabs on the live server; closes them afterwards."""
    tabs = []

    def open_tab():
        tab = Tab(browser, live_server.url)
        tabs.append(tab)
        return tab

    yield open_tab
    for tab in tabs:
        tab.context.close()


@pytest.fixture
def generous(settings):
    """Rate limits out of the way: these tests send far more than a person would."""
    settings.HVDJ_SUBMISSIONS_PER_HOUR = 10_000
    settings.HVDJ_REPLIES_PER_HOUR = 10_000
    settings.HVDJ_REPLIES_PER_HOUR_PER_IP = 10_000
    settings.HVDJ_REPLY_THREADS_PER_PAGE = 1_000
    return settings


def verified(member):
    EmailAddress.objects.get_or_create(
        user=member, email=member.email, defaults={"verified": True, "primary": True}
    )
    return member


def approve(page, editor):
    """The redactie's "approve" on the page's current workflow task, as the admin does it."""
    page = Page.objects.get(pk=page.pk).specific
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, editor, "approve")


def assert_clean_rich_text(html):
    """Stored rich text has only the members' formatting and outside links, nothing else."""
    for tag, attributes in elements_in(html):
        assert tag in RICH_TEXT_TAGS, html
        assert set(attributes) <= ({"href", "rel"} if tag == "a" else set()), html
        href = "".join((attributes.get("href") or "").split()).lower()
        assert not href.startswith(DANGEROUS_SCHEMES), html


def as_tags(text):
    """The payloads as five tags, each within the tag limit of 50 characters."""
    text = text[:200].replace(",", " ")
    return ", ".join(text[start : start + 40] for start in range(0, len(text), 40))


def test_every_payload_in_a_shared_story_stays_text_for_the_member_the_redactie_and_visitors(
    client, open_tab, generous
):
    ArticleIndexPageFactory()
    member = verified(ContributorFactory(display_name="Sanne"))
    editor = EditorFactory()
    client.force_login(member)
    prefix = "Verhaal {} "
    groups = packed(XSS_PAYLOADS, 150 - len(prefix.format(len(XSS_PAYLOADS))))
    # Each body starts with words of its own: a body of markup alone is refused as empty.
    sent = [
        (prefix.format(number) + " ".join(group), "\n\n".join(["Wat er gebeurde.", *group]))
        for number, group in enumerate(groups)
    ]
    # One story carries every payload whole in its body, for the redactie's editor.
    sent.append(
        ("Alle aanvallen in één verhaal", "\n\n".join(["Wat er gebeurde.", *XSS_PAYLOADS]))
    )

    stories = []
    for number, (title, body) in enumerate(sent):
        # The e-mail address makes the privacy guard stop the story at the check page.
        intro = f"Mail me: lid{number}@example.org. {title}"
        response = client.post(
            "/deel-je-verhaal/artikel/",
            {**CONSENT, "title": title, "intro": intro, "body": body, "tags": as_tags(title)},
        )
        story = ArticlePage.objects.filter(contributor=member).order_by("-pk").first()
        assert response.status_code == 302, title
        assert response["Location"] == reverse("check_story", args=[story.pk])
        # Plain text is kept as typed (a title on one line); pages show it escaped, as text.
        assert story.title == clean_one_line(title)
        assert story.intro == clean_plain_text(intro)
        [paragraph] = story.body
        assert paragraph.value.source == rich_text_from_member(body.strip())
        assert_clean_rich_text(paragraph.value.source)
        stories.append(story)

    own = open_tab()
    log_in_as_member(own.page, member.email)
    for story in stories:
        own.visit(f"/mijn-bijdragen/{story.pk}/controleren/")
        assert f"“{text(story.title)}”" in own.text_of("main")
        assert client.post(f"/mijn-bijdragen/{story.pk}/insturen/").status_code == 302
    own.visit("/mijn-bijdragen/")

    redactie = open_tab()
    log_in_to_the_admin(redactie.page, user=editor)
    redactie.visit("/admin/", admin=True)
    listed = ""
    for number in (1, 2):
        redactie.visit(f"/admin/ingezonden-verhalen/?p={number}", admin=True)
        listed += redactie.text_of("main")
    assert all(text(story.title) in listed for story in stories)
    for story in (stories[0], stories[len(stories) // 2], stories[-1]):
        page = redactie.visit(
            f"/admin/pages/{story.pk}/edit/", admin=True, wait_for=".DraftEditor-root"
        )
        assert page.locator("#id_title").input_value() == story.title

    for story in stories:
        approve(story, editor)
    visitor = open_tab()
    for story in stories:
        story.refresh_from_db()
        assert story.live
        visitor.visit(story.url)
        assert visitor.text_of("h1") == text(story.title)
        assert visitor.text_of(".lead") == text(story.intro)
    visitor.visit("/verhalen/")


def test_every_payload_in_a_reply_and_a_display_name_stays_text_in_the_queue_and_the_thread(
    client, open_tab, generous
):
    thread = DialogueThreadPageFactory(title="Wat heb jij nodig van een wijkteam?")
    editor = verified(EditorFactory())
    written = {}
    for number, payload in enumerate(XSS_PAYLOADS):
        member = verified(ContributorFactory())
        client.force_login(member)
        response = client.post(
            "/mijn-account/", {"display_name": payload[:80], "role": member.role}
        )
        assert response.status_code == 302, payload
        member.refresh_from_db()
        assert member.display_name == clean_one_line(payload[:80])  # as typed, no controls
        if number % 20 == 0:  # a handful through the reply form, the rest as the view does
            response = client.post(reverse("reply", args=[thread.pk]), {"comment": payload})
            assert response.status_code == 302, payload
            reply = Reply.objects.filter(user=member).get()
        else:
            reply = post_reply(thread=thread, member=member, text=payload)
        assert reply.comment == payload.strip()
        assert reply.is_held
        written[reply.pk] = (member.display_name, reply.comment)

    redactie = open_tab()
    log_in_to_the_admin(redactie.page, user=editor)
    queue = ""
    for number in (1, 2, 3):
        redactie.visit(f"/admin/reacties/?status=wachtend&p={number}", admin=True)
        queue += redactie.text_of("main")
    assert all(text(name) in queue for name, _comment in written.values())
    for pk in list(written)[::15]:
        redactie.visit(f"/admin/reacties/{pk}/", admin=True)
        assert text(written[pk][1]) in redactie.text_of("main")
    # Approving in the queue says whose reply it was, in a message with the payload as name.
    redactie.visit("/admin/reacties/?status=wachtend", admin=True)
    for _ in range(5):
        first_row = redactie.page.locator("main tbody tr").first
        with redactie.page.expect_navigation():
            first_row.get_by_role("button", name="Goedkeuren").click()
        redactie.assert_inert("/admin/reacties/", admin=True)
        assert "goedgekeurd" in redactie.text_of(".messages")
    for reply in Reply.objects.filter(is_public=False):
        approve_reply(reply=reply, editor=editor)

    for tab in (open_tab(), redactie):  # a visitor, and a member who sees the like buttons
        tab.visit(thread.url)
        shown = tab.page.eval_on_selector_all(
            "li.reply",
            """items => items.map(item => [
                 item.id,
                 item.querySelector(".reply__author").innerText,
                 item.querySelector(".reply__text").innerText,
               ])""",
        )
        assert {
            int(pk.removeprefix("reactie-")): (text(name), text(comment))
            for pk, name, comment in shown
        } == {pk: (text(name), text(comment)) for pk, (name, comment) in written.items()}


def test_every_payload_in_a_new_dialogue_stays_text_for_the_redactie_and_visitors(
    client, open_tab, generous
):
    DialogueIndexPageFactory()
    member = verified(ContributorFactory())
    editor = EditorFactory()
    client.force_login(member)
    prefix = "Vraag {}: "
    groups = packed(XSS_PAYLOADS, 255 - len(prefix.format(len(XSS_PAYLOADS))))
    dialogues = []
    for number, group in enumerate(groups):
        question = prefix.format(number) + " ".join(group)
        explanation = "\n\n".join(group)
        response = client.post(
            "/start-een-dialoog/", {"question": question, "explanation": explanation}
        )
        assert response.status_code == 302, question
        dialogue = DialogueThreadPage.objects.filter(contributor=member).order_by("-pk").first()
        assert dialogue.title == one_line(question)
        assert "\n" not in dialogue.title
        assert dialogue.explanation == rich_text_from_member(explanation.strip())
        assert_clean_rich_text(dialogue.explanation)
        dialogues.append(dialogue)

    redactie = open_tab()
    log_in_to_the_admin(redactie.page, user=editor)
    redactie.visit("/admin/ingezonden-verhalen/", admin=True)
    listed = redactie.text_of("main")
    assert all(text(dialogue.title) in listed for dialogue in dialogues)
    page = redactie.visit(
        f"/admin/pages/{dialogues[0].pk}/edit/", admin=True, wait_for=".DraftEditor-root"
    )
    assert page.locator("#id_title").input_value() == dialogues[0].title

    for dialogue in dialogues:
        approve(dialogue, editor)
    visitor = open_tab()
    for dialogue in dialogues:
        visitor.visit(dialogue.url)
        assert visitor.text_of("h1") == text(dialogue.title)
    visitor.visit("/dialogen/")


def test_every_payload_as_a_search_query_stays_text_on_the_results_and_in_the_suggestions(
    open_tab,
):
    # Published stories that contain the payloads (editors may type anything in a title),
    # so that the results highlight matches inside them.
    for number, group in enumerate(packed(XSS_PAYLOADS, 600)):
        ArticlePageFactory(
            title=f"Zoekverhaal {number} {group[0]}"[:255],
            slug=f"zoekverhaal-{number}",
            intro=" ".join(group),
        )
    visitor = open_tab()
    for payload in XSS_PAYLOADS:
        visitor.visit("/zoeken/?" + urlencode({"q": payload}))
        assert visitor.page.locator("#zoekterm").input_value() == clean_query(payload)

        response = visitor.page.request.get("/zoeken/suggesties/?" + urlencode({"q": payload}))
        assert response.status == 200
        assert response.headers["content-type"] == "application/json"
        assert response.headers["x-content-type-options"] == "nosniff"
        expected = clean_query(payload)[:MAX_SUGGEST_QUERY_LENGTH].strip()
        assert response.json()["query"] == expected

    # The header's search box shows the suggested titles, which hold payloads, as text.
    visitor.visit("/verhalen/")
    box = visitor.page.locator("#zoek-kop")
    for word in ("Zoekverhaal 1", "Zoekverhaal 4", "Zoekverhaal 9"):
        box.fill(word)
        visitor.page.wait_for_selector(".search-suggestions__title")
        titles = visitor.page.locator(".search-suggestions__title").all_text_contents()
        assert titles
        assert set(titles) <= {
            story.title for story in StoryPage.objects.filter(title__startswith="Zoekverhaal")
        }
        visitor.assert_inert("/verhalen/")
        assert visitor.page.evaluate(FIND_INJECTED, ["header", False]) == []


def test_every_payload_in_a_webinar_registration_stays_text_in_the_redactie_list(
    client, open_tab, mailoutbox
):
    webinar = WebinarPageFactory(title="Samen leren over pleegzorg", capacity=1_000)
    editor = EditorFactory()
    expected = {}
    for number, payload in enumerate(XSS_PAYLOADS):
        email = f"deelnemer{number}@example.org"
        data = {
            "name": payload[:100],
            "email": email,
            "organisation": payload[:150],
            "role": payload[:100],
        }
        if number % 20 == 0:  # a handful through the form on the page, the rest as it does
            response = client.post(webinar.url + "aanmelden/", data)
            registered = response.status_code == 302
        else:
            form = WebinarRegistrationForm(data)
            registered = form.is_valid()
            if registered:
                register(webinar=webinar, **{name: form.cleaned_data[name] for name in data})
        if not registered:  # a name of control characters alone is no name: the form says so
            assert clean_one_line(data["name"]) == "", payload
            continue
        # Kept as typed, on one line; the pages and the admin list show it as text.
        stored = WebinarRegistration.objects.get(email=email)
        assert (stored.name, stored.organisation, stored.role) == (
            clean_one_line(data["name"]),
            clean_one_line(data["organisation"]),
            clean_one_line(data["role"]),
        )
        expected[email] = stored.name

    # A visitor types payloads into the form itself; the page comes back with them as text.
    visitor = open_tab()
    for payload in XSS_PAYLOADS[:: len(XSS_PAYLOADS) // 5]:
        visitor.visit(webinar.url)
        visitor.page.get_by_label("Je naam").fill(payload[:100])
        visitor.page.get_by_label("Je e-mailadres").fill("bezoeker@example.org")
        visitor.page.get_by_label("Organisatie (niet verplicht)").fill(payload[:150])
        with visitor.page.expect_navigation():
            visitor.page.locator("#aanmelden button[type=submit]").click()
        visitor.assert_inert(urlsplit(visitor.page.url).path)
        WebinarRegistration.objects.filter(email="bezoeker@example.org").delete()

    redactie = open_tab()
    log_in_to_the_admin(redactie.page, user=editor)
    listed = ""
    for number in (1, 2):
        redactie.visit(
            "/admin/aanmeldingen/?" + urlencode({"webinar": webinar.pk, "p": number}), admin=True
        )
        listed += redactie.text_of("main")
    assert all(text(name) in listed for name in expected.values())


def test_the_watch_notices_a_payload_that_got_into_a_page(open_tab):
    ArticleIndexPageFactory()
    tab = open_tab()
    tab.visit("/verhalen/")

    tab.page.evaluate(
        """() => {
          document.querySelector("main").insertAdjacentHTML(
            "beforeend", '<img src=x onerror=alert(1)><a href="javascript:alert(2)">klik</a>'
          );
          alert(3);
          window.__xss = 4;
        }"""
    )
    tab.page.wait_for_function("window.__ran.some(entry => entry.startsWith('script-src'))")

    with pytest.raises(AssertionError):
        tab.assert_inert("/verhalen/")
    injected = tab.page.evaluate(FIND_INJECTED, [PUBLIC_PARTS, False])
    assert any("onerror" in found for found in injected)
    assert any("javascript:" in found for found in injected)
    assert tab.page.evaluate("window.__ran")[:2] == ["alert(3)", "window.__xss = 4"]
    assert any(url.endswith("/verhalen/x") for url in tab.strays)
