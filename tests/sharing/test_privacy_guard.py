import pytest

from sharing.privacy import (
    Finding,
    describe_findings,
    find_personal_data,
    is_valid_bsn,
    is_valid_iban,
)


def found(text):
    return [(finding.kind, finding.text) for finding in find_personal_data(text)]


# --- E-mail addresses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Mail me gerust: jan.de.vries@gemeente-utrecht.nl.", "jan.de.vries@gemeente-utrecht.nl"),
        ("Vragen? moeder+school@gmail.com", "moeder+school@gmail.com"),
        ("(info@jeugdteam-oost.amsterdam)", "info@jeugdteam-oost.amsterdam"),
        ("Stuur het naar ANOUK_B@Hotmail.COM, dan kijk ik ernaar.", "ANOUK_B@Hotmail.COM"),
        ("E-mail: sanne.o'brien@voorbeeld.nl", "sanne.o'brien@voorbeeld.nl"),
        ("Schrijf naar 'jan@voorbeeld.nl'.", "jan@voorbeeld.nl"),
    ],
)
def test_email_addresses_are_found(text, address):
    assert ("email", address) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Volg ons op Instagram via @hartvoordejeugd.",
        "De bijeenkomst is @ het buurthuis om 19.30 uur.",
        "Kijk op www.hartvoordejeugd.nl voor meer verhalen.",
    ],
)
def test_handles_and_web_addresses_are_not_email_addresses(text):
    assert found(text) == []


# --- Phone numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "06-12345678",
        "06 1234 5678",
        "0612345678",
        "06 12 34 56 78",
        "06-1234 5678",
        "06.12.34.56.78",
        "+31 6 12345678",
        "+31612345678",
        "+31 (0)6 12345678",
        "+31-6-1234-5678",
        "0031 6 12345678",
        "0031612345678",
        "020-1234567",
        "010 123 4567",
        "030 - 123 45 67",
        "(020) 123 4567",
        "0318-123456",
        "(0318) 12 34 56",
        "+31 20 123 4567",
        "+31 (0)20 123 45 67",
        "088-1234567",
    ],
)
def test_dutch_phone_numbers_are_found_however_they_are_written(number):
    text = f"Je kunt me bellen op {number}, ook 's avonds."
    assert found(text) == [("phone", number)]


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 begonnen we met veertien gezinnen.",
        "De gemeente trok € 1.500 uit voor elk gezin, samen € 1.250.000.",
        "We werken samen met 14 gemeenten in de regio.",
        "Kinderen van 0 - 4 jaar en van 4 - 12 jaar.",
        "Voor jongeren van 0 tot 18 jaar, 24 uur per dag.",
        "Op 06-02-2015 12:30 uur begon het gesprek.",
        "Op 01-02-2015 12 30 was het zover.",
        "Het rapport telt 1234567890 woorden.",
        "Ons kvk-nummer is 12345678.",
        "Versie 0.12.3456 van de app.",
        "Bel de Kindertelefoon: 0800-0432, gratis en anoniem.",
        "Denk je aan zelfdoding? Bel 113 of 0800-0113.",
        "Veilig Thuis is bereikbaar op 0800-2000.",
        "In nood: bel 112.",
    ],
)
def test_years_amounts_counts_dates_and_helplines_are_not_phone_numbers(text):
    assert [kind for kind, _text in found(text)] == []


def test_a_number_glued_to_a_longer_run_of_digits_is_not_a_phone_number():
    assert found("Kenmerk 061234567890.") == []
    assert found("Ordernummer A0612345678") == []


def test_a_phone_number_followed_by_another_number_is_still_found():
    assert found("Bel 06-12345678 2 keer als ik niet opneem.") == [("phone", "06-12345678")]


@pytest.mark.parametrize(
    "number", ["+32 470 12 34 56", "0032 470 12 34 56", "+44 20 7946 0958", "+49 30 1234567"]
)
def test_foreign_phone_numbers_with_their_country_code_are_found(number):
    assert found(f"Mijn broer woont in het buitenland: {number}.") == [("phone", number)]


@pytest.mark.parametrize(
    "text",
    [
        "Bel gratis met de infolijn: 0800-1234567.",
        "De betaalde servicelijn is 0900-1234567.",
        "Het nummer 06-1234567 mist een cijfer.",
        "Het Belgische nummer +32 9 123 45 67 bestaat niet.",
    ],
)
def test_service_numbers_and_numbers_no_numbering_plan_has_are_not_reported(text):
    assert found(text) == []


# --- BSN and the elfproef ---------------------------------------------------------------------


def test_the_elfproef_weighs_the_digits_nine_down_to_two_and_the_last_minus_one():
    # 9*1 + 8*1 + 7*1 + 6*2 + 5*2 + 4*2 + 3*3 + 2*3 - 1*3 = 66 = 6 * 11
    assert is_valid_bsn("111222333")
    # 9*1 + 8*2 + 7*3 + 6*4 + 5*5 + 4*6 + 3*7 + 2*8 - 1*9 = 147 = 13 * 11 + 4
    assert not is_valid_bsn("123456789")
    # ... - 1*2 = 154 = 14 * 11
    assert is_valid_bsn("123456782")


@pytest.mark.parametrize("value", ["000000000", "12345678", "1234567820", "12345678a", ""])
def test_zeros_and_anything_but_nine_digits_fail_the_elfproef(value):
    assert not is_valid_bsn(value)


@pytest.mark.parametrize(
    "bsn", ["111222333", "123456782", "111.222.333", "111 222 333", "1112.22.333"]
)
def test_a_bsn_that_passes_the_elfproef_is_found_in_each_way_it_is_written(bsn):
    assert found(f"Het BSN van mijn zoon is {bsn}.") == [("bsn", bsn)]


@pytest.mark.parametrize(
    "text",
    [
        "Het dossiernummer is 123456789.",
        "Het BSN van mijn zoon is 123456789.",
        "Noteer 111.222.334 als kenmerk.",
        "Het budget was € 111.222.333 in totaal.",
        "Bij 1.234.567 inwoners",
        "Het BSN 111222333444 is te lang.",
    ],
)
def test_nine_digits_that_fail_the_elfproef_or_are_an_amount_are_no_bsn(text):
    assert [kind for kind, _text in found(text)] == []


# --- Postcodes with a house number ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("We wonen op 1234 AB 12 sinds vorig jaar.", "1234 AB 12"),
        ("Adres: 1234AB 12a.", "1234AB 12a"),
        ("Kom langs op 3511 LK 7-2.", "3511 LK 7-2"),
        ("Kom langs op 3511lk 7.", "3511lk 7"),
        ("Ons huis staat op de Kerkstraat 12, 1234 AB Utrecht.", "Kerkstraat 12, 1234 AB"),
        ("Stuur het naar Dorpsweg 3b 9901 XY Appingedam.", "Dorpsweg 3b 9901 XY"),
    ],
)
def test_a_postcode_with_a_house_number_is_found_in_either_order(text, address):
    assert found(text) == [("address", address)]


@pytest.mark.parametrize(
    "text",
    [
        "Wij wonen in 3511 LK, vlak bij het station.",
        "Het jeugdteam zit in postcodegebied 1012 AB.",
        "Postbus 1234, 3500 AB Utrecht.",
        "Antwoordnummer 567, 2500 VB Den Haag.",
        "Tussen 2019 en 2020 kwamen 12 nieuwe gezinnen.",
        "1234 SA 12 is geen geldige postcode, en 1234 SS 5 ook niet.",
        "Ook 1234 SD 7 is geen postcode.",
        "In 0123 AB 5 begint een postcode nooit met een nul.",
    ],
)
def test_postcodes_alone_mailboxes_and_non_postcodes_are_not_reported(text):
    assert found(text) == []


# --- Dates of birth ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "birth_date"),
    [
        ("Mijn dochter is geboren op 12 maart 2015.", "12 maart 2015"),
        ("Sanne (geb. 03-05-2012) zit nu in groep 7.", "03-05-2012"),
        ("Geboortedatum: 12/03/2015", "12/03/2015"),
        ("Daan, geboren in Utrecht op 7 mrt. 2013, houdt van voetbal.", "7 mrt. 2013"),
        ("Op 3 mei 2012 werd onze zoon geboren.", "3 mei 2012"),
        ("Op 12 maart 2015 is onze zoon geboren.", "12 maart 2015"),
        ("Hij is jarig op 21-11-2010.", "21-11-2010"),
        ("geboortedatum 2012-05-03", "2012-05-03"),
        ("geb 1.2.2014", "1.2.2014"),
        ("GEBOREN OP 1 JANUARI 2016", "1 JANUARI 2016"),
    ],
)
def test_a_full_date_near_a_word_about_birth_is_a_date_of_birth(text, birth_date):
    assert found(text) == [("birth_date", birth_date)]


@pytest.mark.parametrize(
    "text",
    [
        "Op 12 maart 2026 organiseren we een webinar over pleegzorg.",
        "Het webinar van 12-03-2026 is terug te kijken.",
        "Zij is geboren. Op 12 maart 2026 organiseren we een webinar.",
        "Mijn zoon is geboren in 2015.",
        "Ze is geboren op 12 maart, net als haar opa.",
        "Hij is geboren op 31-02-2015 volgens het formulier.",
        "Geboren en getogen in Zwolle; op 4 april 2024 kwam ik bij het jeugdteam.",
        "Vroeg geboren baby's krijgen extra zorg; de training is op 9 oktober 2025.",
        "We hebben het over pasgeboren kinderen op 12 maart 2026.",
    ],
)
def test_other_dates_and_dates_without_a_year_are_not_dates_of_birth(text):
    assert found(text) == []


# --- IBAN -------------------------------------------------------------------------------------


def test_a_dutch_iban_with_correct_check_digits_is_found_not_mistaken_for_a_phone_number():
    assert found("Steun ons op NL91 ABNA 0417 1643 00.") == [("iban", "NL91 ABNA 0417 1643 00")]
    assert found("Rekening NL91ABNA0417164300") == [("iban", "NL91ABNA0417164300")]
    assert is_valid_iban("NL91ABNA0417164300")
    assert not is_valid_iban("NL92ABNA0417164300")


@pytest.mark.parametrize(
    "iban",
    [
        "BE71 0961 2345 6769",
        "DE89 3704 0044 0532 0130 00",
        "GB82 WEST 1234 5698 7654 32",
        "FR14 2004 1010 0505 0001 3M02 606",
    ],
)
def test_an_iban_from_another_country_is_found_without_the_words_after_it(iban):
    assert found(f"Mijn rekening is {iban} voor de gift.") == [("iban", iban)]


@pytest.mark.parametrize(
    "text",
    [
        "Rekening NL92ABNA0417164300",
        "Rekening BE71 0961 2345 6768 heeft een verkeerd controlegetal.",
        "Code AB12 CDEF GHIJ KLMN OP is geen rekeningnummer.",
    ],
)
def test_an_iban_with_wrong_check_digits_or_no_iban_at_all_is_not_reported(text):
    assert found(text) == []


# --- Several at once, positions and descriptions ----------------------------------------------


def test_findings_come_in_the_order_of_the_text_with_their_positions():
    text = (
        "Ik ben Marieke, moeder van Tim (geboren op 4 juni 2014). Bel me op 06-12345678 "
        "of mail marieke@voorbeeld.nl. We wonen op Lindelaan 8, 6821 BK Arnhem. "
        "Het BSN van Tim is 111222333."
    )

    findings = find_personal_data(text)

    assert [f.kind for f in findings] == ["birth_date", "phone", "email", "address", "bsn"]
    assert all(text[f.start : f.end] == f.text for f in findings)
    assert findings[1] == Finding(
        kind="phone",
        label="telefoonnummer",
        text="06-12345678",
        start=text.index("06-"),
        end=text.index("06-") + 11,
    )


def test_labels_are_dutch_words_for_people():
    text = "geboren op 4 juni 2014, 06-12345678, a@b.nl, 1234 AB 5, 111222333"
    labels = {f.kind: f.label for f in find_personal_data(text)}

    assert labels == {
        "birth_date": "geboortedatum",
        "phone": "telefoonnummer",
        "email": "e-mailadres",
        "address": "postcode met huisnummer",
        "bsn": "BSN",
    }


def test_a_finding_cannot_be_changed():
    finding = find_personal_data("Bel 06-12345678")[0]
    with pytest.raises(AttributeError):
        finding.text = "iets anders"


def test_an_ordinary_story_has_no_findings():
    story = (
        "Toen onze zoon in 2019 vastliep op school, zochten we hulp bij het wijkteam. "
        "Na 14 gesprekken en een budget van € 1.500 vonden we een aanpak die werkt. "
        "Op 12 maart 2026 vertellen we er meer over in een webinar voor 250 ouders. "
        "Bel bij zorgen over een kind de Kindertelefoon: 0800-0432."
    )
    assert find_personal_data(story) == []


def test_the_member_reads_one_sentence_per_different_finding():
    text = "Bel 06-12345678 of mail a.jansen@voorbeeld.nl; nogmaals: 06-12345678."

    assert describe_findings(find_personal_data(text)) == [
        "We vonden een telefoonnummer: 06-12345678.",
        "We vonden een e-mailadres: a.jansen@voorbeeld.nl.",
    ]


def test_every_kind_has_a_sentence():
    text = "geboren op 4 juni 2014, 06-12345678, a@b.nl, 1234 AB 5, 111222333, NL91ABNA0417164300"
    sentences = describe_findings(find_personal_data(text))

    assert sentences == [
        "We vonden een geboortedatum: 4 juni 2014.",
        "We vonden een telefoonnummer: 06-12345678.",
        "We vonden een e-mailadres: a@b.nl.",
        "We vonden een postcode met huisnummer: 1234 AB 5.",
        "We vonden een burgerservicenummer (BSN): 111222333.",
        "We vonden een rekeningnummer (IBAN): NL91ABNA0417164300.",
    ]


def test_no_findings_mean_no_sentences():
    assert describe_findings([]) == []
