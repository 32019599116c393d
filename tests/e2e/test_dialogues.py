"""A visitor replies in a dialogue with the keyboard alone, confirms by e-mail, the redactie
approves the reply in the Wagtail admin; and the dialogue pages pass axe."""

import re

import pytest
from django.contrib.auth import get_user_model

from dialogues.models import DialogueThreadPage, Reply
from dialogues.moderation import remove_reply
from tests.e2e.accounts import log_in_to_the_admin
from tests.e2e.test_share_story_flow import assert_no_violations, log_in_as_member
from tests.factories import PASSWORD, EditorFactory
from tests.utils import link_path_in_mail

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

THREAD_SLUG = "wat-heb-jij-nodig-van-een-wijkteam"
TEXT = "Bij ons hielp het dat de wijkcoach ook naar mijn zoon luisterde, niet alleen naar mij."
CONFIRMATION_LINK = re.compile(r"https?://\S+/dialogen/reactie-bevestigen/\S+/")
MAX_TABS = 80


@pytest.fixture
def thread(demo_site):
    return DialogueThreadPage.objects.get(slug=THREAD_SLUG)


@pytest.fixture
def editor_page(browser, demo_site):
    """A tab in a browser context of its own (its own cookies), next to the visitor's `page`."""
    context = browser.new_context(base_url=demo_site.url, locale="nl-NL")
    yield context.new_page()
    context.close()


def is_focused(locator):
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator):
    """Press Tab until `locator` has the focus, as someone without a mouse would."""
    for _ in range(MAX_TABS):
        if is_focused(locator):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{MAX_TABS} times Tab did not reach {locator}")


def demo_reply(thread, beginning):
    """The demo reply in `thread` whose text begins with `beginning`."""
    return Reply.objects.of_thread(thread).get(comment__startswith=beginning)


def confirmation_path(mailoutbox, email):
    """The path of the link in the e-mail that asks `email` to confirm a reply."""
    return link_path_in_mail(mailoutbox, to=email, pattern=CONFIRMATION_LINK)


def approve_in_reply_queue(page, *, editor, text):
    log_in_to_the_admin(page, user=editor)

    page.goto("/admin/reacties/?status=wachtend")
    row = page.locator("tr", has_text=text)
    with page.expect_navigation():
        row.get_by_role("button", name="Goedkeuren").click()
    assert "goedgekeurd" in page.locator(".messages").inner_text()


def test_a_visitor_replies_with_the_keyboard_and_the_redactie_approves_it(
    page, editor_page, thread, mailoutbox
):
    yara = demo_reply(thread, "Dat ze eerst met mij praten")
    page.goto(thread.url)

    tab_to(page, page.get_by_role("link", name="Reageer op Yara (17)"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", name="Reageer op Yara (17)").is_visible()

    tab_to(page, page.get_by_label("Je reactie"))
    page.keyboard.type(TEXT)
    tab_to(page, page.get_by_label("Je naam"))
    page.keyboard.type("Noor")
    tab_to(page, page.get_by_label("Je e-mailadres"))
    page.keyboard.type("noor@example.org")
    followup = page.get_by_label("Stuur me een e-mail als er nieuwe reacties")
    tab_to(page, followup)
    page.keyboard.press("Space")
    assert followup.is_checked()
    tab_to(page, page.get_by_role("button", name="Plaats je reactie"))
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "we hebben je een e-mail gestuurd" in page.locator(".messages").inner_text()
    assert not Reply.objects.filter(comment=TEXT).exists()

    page.goto(confirmation_path(mailoutbox, "noor@example.org"))
    assert not Reply.objects.filter(comment=TEXT).exists()
    assert_no_violations(page)
    tab_to(page, page.get_by_role("button", name="Plaats mijn reactie"))
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "De redactie bekijkt hem eerst" in page.locator(".messages").inner_text()
    assert TEXT not in page.locator("#reacties").inner_text()
    reply = Reply.objects.get(comment=TEXT)
    assert reply.is_held
    assert reply.held_because == Reply.HeldBecause.NEW_AUTHOR
    assert reply.parent_id == yara.pk
    assert reply.followup

    approve_in_reply_queue(editor_page, editor=EditorFactory(username="redacteur"), text=TEXT)

    reply.refresh_from_db()
    assert reply.is_visible
    page.goto(thread.url)
    answers = page.locator(f"#reactie-{yara.pk} .reply-list--nested")
    assert answers.locator(f"#reactie-{reply.pk}").get_by_text(TEXT).is_visible()
    assert answers.locator(f"#reactie-{reply.pk} .reply__author").inner_text() == "Noor"


def test_a_reply_sent_without_javascript_comes_back_filled_in_and_goes_through_again(
    browser, demo_site, thread, mailoutbox
):
    # The thread page is one the page cache shares: its form has no tokens until a script
    # fetches them. Without JavaScript the server shows the form again, filled in, with them.
    context = browser.new_context(
        base_url=demo_site.url, locale="nl-NL", java_script_enabled=False
    )
    page = context.new_page()
    page.goto(thread.url)
    page.get_by_label("Je reactie").fill(TEXT)
    page.get_by_label("Je naam").fill("Noor")
    page.get_by_label("Je e-mailadres").fill("noor@example.org")
    with page.expect_navigation():
        page.get_by_role("button", name="Plaats je reactie").click()

    assert "Je reactie is nog niet geplaatst" in page.locator("#reageren").inner_text()
    assert page.get_by_label("Je reactie").input_value() == TEXT
    assert not Reply.objects.filter(comment=TEXT).exists()
    with page.expect_navigation():
        page.get_by_role("button", name="Plaats je reactie").click()

    assert "we hebben je een e-mail gestuurd" in page.locator(".messages").inner_text()
    assert confirmation_path(mailoutbox, "noor@example.org")
    context.close()


def test_the_dialogue_pages_have_no_wcag_21_aa_violations(page, thread, subtests):
    fatima = demo_reply(thread, "Herkenbaar, en eerlijk gezegd")
    remove_reply(
        reply=fatima,
        editor=get_user_model().objects.get(username="redactie"),
        reason="Een test van de plaatshouder.",
    )
    marloes = demo_reply(thread, "Dat ze terugbellen")
    kevin = demo_reply(thread, "Helemaal mee eens")

    with subtests.test(page="thread with nested replies and a removed one"):
        assert page.goto(thread.url).status == 200
        assert page.locator(".reply-list--nested .reply-list--nested").count() > 0
        assert page.locator(".reply__placeholder").inner_text() == "Deze reactie is verwijderd."
        assert_no_violations(page)

    with subtests.test(page="reply form answering a reply"):
        page.goto(f"{thread.url}?antwoord={marloes.pk}#reageren")
        assert page.locator(".reply-form__quote").is_visible()
        assert_no_violations(page)

    with subtests.test(page="reply form with errors"):
        page.get_by_role("button", name="Plaats je reactie").click()
        page.wait_for_selector(".form-summary")
        assert_no_violations(page)

    with subtests.test(page="report page"):
        assert page.goto(f"/dialogen/reactie/{kevin.pk}/melden/").status == 200
        assert_no_violations(page)

    with subtests.test(page="helplines after a child-safety report"):
        page.get_by_label("Zorgen over de veiligheid van een kind").check()
        page.get_by_role("button", name="Melden bij de redactie").click()
        page.wait_for_selector(".helplines")
        assert_no_violations(page)

    with subtests.test(page="thread as a member, with the like buttons"):
        member = get_user_model().objects.get(username="ans")
        member.set_password(PASSWORD)
        member.save()
        log_in_as_member(page, member.email)
        page.goto(thread.url)
        pressed = page.locator(".reply__like button[aria-pressed='true']")
        assert pressed.count() > 0
        assert page.locator(".reply__like button[aria-pressed='false']").count() > 0
        assert_no_violations(page)
