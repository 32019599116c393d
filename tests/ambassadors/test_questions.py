"""Stel je vraag aan de regio-ambassadeur: the e-mail to the ambassador, what the page never
shows, and what stops a question (the privacy guard, the rate limit, the honeypot, a mail
server that is down)."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from ambassadors.questions import QUESTIONS_PER_HOUR_PER_ADDRESS
from tests.ambassadors.factories import region_with_ambassadors
from tests.stories.xss_payloads import XSS_PAYLOADS

ADDRESS = "fenna.ambassadeur@example.org"
QUESTION = "Hoe vind ik in Twente een pleeggezin voor een weekend per maand?"


@pytest.fixture
def twente(home):
    region, (ambassador,) = region_with_ambassadors(ADDRESS)
    return region, ambassador


def asking(ambassador, **fields):
    return {
        "ambassador": ambassador.pk,
        "name": "Sam",
        "email": "sam@example.org",
        "question": QUESTION,
        "consent": "on",
        **fields,
    }


def ask(client, region, data):
    return client.post(reverse("ask_ambassador", args=[region.slug]), data)


def test_the_question_goes_to_the_ambassador_with_the_asker_as_reply_to(
    client, twente, mailoutbox
):
    region, ambassador = twente

    response = ask(client, region, asking(ambassador))

    assert response.status_code == 302
    assert response["Location"] == f"/regio/{region.slug}/#ambassadeurs"
    (message,) = mailoutbox
    assert message.to == [ADDRESS]
    assert message.reply_to == ["sam@example.org"]
    assert QUESTION in message.body
    assert "Sam" in message.body
    assert "Twente" in message.subject
    thanks = client.get(response["Location"]).text
    assert "Je vraag is naar Ambassadeur Twente 0 gestuurd" in thanks
    assert ADDRESS not in thanks


def test_the_region_page_and_the_form_page_never_show_the_ambassadors_address(client, twente):
    region, _ambassador = twente

    pages = [
        client.get(f"/regio/{region.slug}/").text,
        client.get(reverse("ask_ambassador", args=[region.slug])).text,
    ]

    for html in pages:
        assert "Stel je vraag aan de regio-ambassadeur" in html
        assert ADDRESS not in html
        assert ADDRESS.split("@")[0] not in html


def test_with_several_ambassadors_the_asker_chooses_and_only_that_one_gets_it(
    client, home, mailoutbox
):
    region, (first, second, without_address) = region_with_ambassadors(
        "een@example.org", "twee@example.org", ""
    )

    page = BeautifulSoup(client.get(f"/regio/{region.slug}/").text, "html.parser")
    choices = {int(radio["value"]) for radio in page.select("input[name=ambassador]")}
    response = ask(client, region, asking(second))

    assert choices == {first.pk, second.pk}
    assert response.status_code == 302
    assert [message.to for message in mailoutbox] == [["twee@example.org"]]
    assert ask(client, region, asking(without_address, email="x@example.org")).status_code == 400


def test_there_is_no_form_when_no_ambassador_has_an_address(client, home):
    region, _ambassadors = region_with_ambassadors("")

    html = client.get(f"/regio/{region.slug}/").text

    assert "Ambassadeurs in deze regio" in html
    assert "Stel je vraag" not in html
    assert client.get(reverse("ask_ambassador", args=[region.slug])).status_code == 404


def test_a_question_with_personal_data_is_held_until_the_asker_confirms_it(
    client, twente, mailoutbox
):
    region, ambassador = twente
    question = "Mijn zoon (BSN 111222333) is geboren op 3 maart 2015. Bel me op 06-12345678."

    warned = ask(client, region, asking(ambassador, question=question))

    assert warned.status_code == 400
    assert "We vonden een telefoonnummer" in warned.text
    assert "We vonden een burgerservicenummer" in warned.text
    assert not mailoutbox
    page = BeautifulSoup(warned.text, "html.parser")
    assert page.select_one("textarea[name=question]").text.strip() == question
    assert page.select_one("input[name=personal_data_ok]") is not None

    sent = ask(client, region, asking(ambassador, question=question, personal_data_ok="on"))

    assert sent.status_code == 302
    assert question in mailoutbox[0].body


def test_the_asker_is_stopped_after_a_few_questions_an_hour(client, twente, mailoutbox):
    region, ambassador = twente
    for number in range(QUESTIONS_PER_HOUR_PER_ADDRESS):
        assert (
            ask(client, region, asking(ambassador, question=f"Vraag {number}")).status_code == 302
        )

    refused = ask(client, region, asking(ambassador, question="Nog een vraag"))

    assert refused.status_code == 400
    assert "al een paar vragen gesteld" in refused.text
    assert "Nog een vraag" in refused.text
    assert len(mailoutbox) == QUESTIONS_PER_HOUR_PER_ADDRESS


def test_a_filled_honeypot_sends_nothing(client, twente, mailoutbox):
    region, ambassador = twente

    response = ask(client, region, asking(ambassador, website="http://spam.example"))

    assert response.status_code == 400
    assert not mailoutbox


def test_a_missing_consent_or_address_keeps_the_input_with_dutch_messages(client, twente):
    region, ambassador = twente

    response = ask(client, region, asking(ambassador, consent="", email="geen-adres"))

    assert response.status_code == 400
    assert "Dit e-mailadres klopt niet" in response.text
    assert "Vink aan dat je naam, e-mailadres en vraag naar de ambassadeur mogen" in response.text
    assert QUESTION in response.text


def test_a_mail_server_that_is_down_gives_a_dutch_message_and_keeps_the_question(
    client, twente, settings
):
    region, ambassador = twente
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2

    response = ask(client, region, asking(ambassador))

    assert response.status_code == 400
    assert "onze e-mail werkt even niet" in response.text
    assert QUESTION in response.text


def test_the_same_form_sent_twice_sends_one_e_mail(client, twente, mailoutbox):
    region, ambassador = twente
    data = asking(ambassador, form_token="een-token-van-dit-formulier-1234")

    first, second = ask(client, region, data), ask(client, region, data)

    assert first.status_code == second.status_code == 302
    assert len(mailoutbox) == 1


def test_a_question_sent_without_javascript_comes_back_filled_in(twente, mailoutbox):
    region, ambassador = twente
    browser = Client(enforce_csrf_checks=True)
    browser.get(f"/regio/{region.slug}/")

    refused = ask(browser, region, asking(ambassador))

    assert refused.status_code == 400
    assert "Je vraag is nog niet verstuurd" in refused.text
    assert QUESTION in refused.text
    assert not mailoutbox
    page = BeautifulSoup(refused.text, "html.parser")
    again = asking(
        ambassador,
        csrfmiddlewaretoken=page.select_one("[name=csrfmiddlewaretoken]")["value"],
        form_token=page.select_one("[name=form_token]")["value"],
    )
    assert ask(browser, region, again).status_code == 302
    assert len(mailoutbox) == 1


@pytest.mark.parametrize("payload", XSS_PAYLOADS[::5])
def test_a_question_with_markup_stays_text(client, twente, mailoutbox, payload):
    region, ambassador = twente

    shown_again = ask(client, region, asking(ambassador, question=payload, consent=""))
    sent = ask(client, region, asking(ambassador, question=payload, personal_data_ok="on"))

    page = BeautifulSoup(shown_again.text, "html.parser")
    assert page.select_one("textarea[name=question]").text.strip() == payload.strip()
    assert not page.select("form.question-form__form script")
    assert sent.status_code == 302
    (message,) = mailoutbox
    assert message.content_subtype == "plain"
    assert not getattr(message, "alternatives", [])


def test_the_region_page_with_the_form_still_comes_from_the_page_cache(twente, settings):
    settings.HVDJ_PAGE_CACHE_SECONDS = 300
    region, _ambassador = twente
    visitor = Client()

    first = visitor.get(f"/regio/{region.slug}/")
    second = visitor.get(f"/regio/{region.slug}/")

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert not first.cookies
    form = BeautifulSoup(second.text, "html.parser").select_one("form.question-form__form")
    assert form.select_one("[name=csrfmiddlewaretoken]")["value"] == ""
    assert form.select_one("[name=form_token]")["value"] == ""
