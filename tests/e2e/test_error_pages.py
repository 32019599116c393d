"""The error pages in Chromium: accessible, in Dutch, and an expired form keeps what was typed."""

import pytest
from django.template import loader
from playwright.sync_api import expect

from dialogues.models import DialogueThreadPage
from tests.e2e.test_account_pages import assert_no_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REPLY = "Bij ons hielp het dat de mentor elke week even belde."


def test_a_reply_sent_with_an_expired_form_comes_back_on_an_accessible_page(page):
    thread = DialogueThreadPage.objects.live().order_by("path").first()
    page.goto(thread.url)
    form = page.locator("form.reply-form__form")
    form.locator("[name=name]").fill("Sanne")
    form.locator("[name=email]").fill("sanne@example.org")
    form.locator("[name=comment]").fill(REPLY)
    # The page's script fetches the form's tokens when it is first touched; once they are in,
    # the form stays open past the session: its CSRF cookie is gone.
    expect(form.locator("[name=csrfmiddlewaretoken]")).not_to_have_value("")
    page.context.clear_cookies()

    with page.expect_response(lambda response: response.request.method == "POST") as sent:
        form.get_by_role("button", name="Plaats je reactie").click()
    page.wait_for_load_state()

    # A reply form is one the page cache shares: a send without a valid CSRF cookie comes back
    # as the thread with the form filled in and fresh tokens (dialogues/views.py), not as
    # the generic 403 page.
    assert sent.value.status == 400
    assert "Je reactie is nog niet geplaatst" in page.locator("#reageren").inner_text()
    kept = [area.input_value() for area in page.locator("textarea").all()]
    assert REPLY in kept
    assert_no_violations(page)


@pytest.mark.parametrize(
    ("template", "context"),
    [
        ("400.html", {}),
        ("403.html", {}),
        ("500.html", {}),
        ("503.html", {"kept": [("comment", REPLY)]}),
    ],
)
def test_the_error_pages_have_no_wcag_21_aa_violations(page, template, context):
    page.goto("/")  # the site's origin, so that the page gets the site's style sheet
    page.set_content(loader.get_template(template).render(context))

    assert page.locator("html").get_attribute("lang") == "nl"
    assert_no_violations(page)
