"""The privacy guard: personal data a member may have put in a story without meaning to.

It finds e-mail addresses, phone numbers, BSNs, postcodes with a house number, dates of birth
and IBANs, so the form can ask the member to take them out.

Maintained libraries judge the numbers: `phonenumbers` (libphonenumber's numbering plans for
every country) finds phone numbers and decides whether they are valid; `python-stdnum` checks
BSNs (the elfproef), IBANs of every country (length, bank code, mod 97) and Dutch postcodes.
Hand-written, because no library does it: finding a BSN, IBAN or postcode with a house number
in running text (stdnum validates a number it is given; the patterns below only find
candidates of the right shape), e-mail addresses in text, dates of birth (a date near a word
about birth), and the choices below.

Choices, made to keep false alarms rare in stories about youth care:

- A phone number is one libphonenumber holds valid, written as people dial it: with the 0 of
  a Dutch area code or a country code (+32 ..., 0049 ...). Free (0800), paid (090x) and
  shared-cost numbers are an organisation's service line and are not reported, nor are short
  numbers (112, 113); business numbers (088-...) are, because they can be someone's direct line.
- A postcode is only reported together with a house number ("1234 AB 12",
  "Kerkstraat 12, 1234 AB"): a postcode alone covers a street or part of one and is in every
  organisation's address. "Postbus 123, 3500 AB" is not someone's home and is not reported.
- A date is only reported as a date of birth when "geboren", "geboortedatum", "geb." or "jarig"
  is a few words before or after it in the same sentence, and only as a full date with a year;
  "geboren in 2015" and "op 12 maart 2026 organiseren we" are not reported.
- Names, and a street and house number without a postcode, are not found.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import phonenumbers
from django.utils.translation import gettext_lazy as _
from phonenumbers import PhoneNumberType
from stdnum import iban
from stdnum.nl import bsn, postcode

LABELS = {
    "email": _("e-mailadres"),
    "phone": _("telefoonnummer"),
    "bsn": _("BSN"),
    "address": _("postcode met huisnummer"),
    "birth_date": _("geboortedatum"),
    "iban": _("rekeningnummer"),
}

SENTENCES = {
    "email": _("We vonden een e-mailadres: %(text)s."),
    "phone": _("We vonden een telefoonnummer: %(text)s."),
    "bsn": _("We vonden een burgerservicenummer (BSN): %(text)s."),
    "address": _("We vonden een postcode met huisnummer: %(text)s."),
    "birth_date": _("We vonden een geboortedatum: %(text)s."),
    "iban": _("We vonden een rekeningnummer (IBAN): %(text)s."),
}


@dataclass(frozen=True)
class Finding:
    """One piece of personal data in a text, with where it is."""

    kind: str
    label: str
    text: str
    start: int
    end: int


EMAIL = re.compile(r"(?<![\w.+-])\w[\w.+'-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")

# Numbers of an organisation's service, never someone's own line.
SERVICE_NUMBERS = {
    PhoneNumberType.TOLL_FREE,
    PhoneNumberType.PREMIUM_RATE,
    PhoneNumberType.SHARED_COST,
}

# The shape of an IBAN (country, check digits, 11 to 30 letters and digits, spaces between);
# python-stdnum decides whether it is one.
IBAN = re.compile(r"(?<!\w)[A-Z]{2}\d{2}(?:\s?[A-Z0-9]){11,30}(?!\w)", re.IGNORECASE)

BSN = re.compile(
    r"""
    (?<![\w.,-])(?<!\d\s)
    (?:\d{9}|\d{3}([ .])\d{3}\1\d{3}|\d{4}\.\d{2}\.\d{3})
    (?!\w)(?!\s?\d)(?![.,-]\d)
    """,
    re.VERBOSE,
)

# The shape of a postcode; python-stdnum decides whether it is one (no leading zero, none of
# the letter pairs SA, SD and SS).
_POSTCODE = r"(?P<postcode>\d{4}(?:\s?[A-Z]{2}|[a-z]{2}))(?!\w)"
_HOUSE_NUMBER = r"[1-9]\d{0,4}(?:-?[a-zA-Z](?!\w)|-\d{1,4}(?!\d))?(?!\w)"
POSTCODE_THEN_NUMBER = re.compile(rf"(?<![\w.,-]){_POSTCODE},?\s+{_HOUSE_NUMBER}")
NUMBER_THEN_POSTCODE = re.compile(
    rf"(?:(?P<street>\b[A-Z][\w'.-]*)\s+)?(?<![\w.,-]){_HOUSE_NUMBER},?\s+{_POSTCODE}"
)
NOT_A_HOME = {"postbus", "antwoordnummer"}

MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "maart": 3,
    "mrt": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augustus": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE = re.compile(
    rf"""
    (?<![\w,/-])
    (?:
        (?P<day>\d{{1,2}})(?P<sep>[-/.])(?P<month>\d{{1,2}})(?P=sep)(?P<year>\d{{4}}|\d{{2}})
      | (?P<day_t>\d{{1,2}})\s+(?P<month_t>{_MONTH_NAMES})\.?\s+(?P<year_t>\d{{4}})
      | (?P<year_i>\d{{4}})-(?P<month_i>\d{{2}})-(?P<day_i>\d{{2}})
    )
    (?![\w/-])(?!\.\d)
    """,
    re.VERBOSE | re.IGNORECASE,
)
BIRTH_WORD = re.compile(r"\b(?:geboren|geboortedatum|geboortedag|geb\b\.?|jarig)", re.IGNORECASE)
# At most this many words between the date and the word that makes it a date of birth.
WORDS_BEFORE_DATE = 4
WORDS_AFTER_DATE = 3
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def find_personal_data(text: str) -> list[Finding]:
    """Every piece of personal data in a member's text, in the order it appears."""
    findings = [
        *_emails(text),
        *_phone_numbers(text),
        *_bsns(text),
        *_addresses(text),
        *_birth_dates(text),
        *_ibans(text),
    ]
    return _without_overlaps(findings)


def describe_findings(findings: Iterable[Finding]) -> list[str]:
    """A sentence for the member about each different thing found."""
    seen = set()
    sentences = []
    for finding in findings:
        if (finding.kind, finding.text) not in seen:
            seen.add((finding.kind, finding.text))
            sentences.append(SENTENCES[finding.kind] % {"text": finding.text})
    return sentences


def is_valid_bsn(digits: str) -> bool:
    """Whether nine digits pass the elfproef, the check every BSN is issued to pass."""
    # stdnum also takes eight digits (an old BSN without its leading zero); text shows nine.
    return len(digits) == 9 and digits.isdigit() and bsn.is_valid(digits)


def is_valid_iban(number: str) -> bool:
    """Whether an IBAN of any country has the right length, bank code and check digits."""
    return iban.is_valid(number)


def _finding(kind: str, text: str, start: int, end: int) -> Finding:
    return Finding(kind=kind, label=str(LABELS[kind]), text=text, start=start, end=end)


def _from_match(kind: str, match: re.Match[str]) -> Finding:
    return _finding(kind, match.group(), match.start(), match.end())


def _emails(text: str) -> list[Finding]:
    return [_from_match("email", match) for match in EMAIL.finditer(text)]


def _phone_numbers(text: str) -> list[Finding]:
    matches = phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID)
    return [
        _finding("phone", match.raw_string, match.start, match.end)
        for match in matches
        if phonenumbers.number_type(match.number) not in SERVICE_NUMBERS
    ]


def _bsns(text: str) -> list[Finding]:
    return [
        _from_match("bsn", match)
        for match in BSN.finditer(text)
        if is_valid_bsn(re.sub(r"\D", "", match.group()))
        and not text[: match.start()].rstrip().endswith("€")
    ]


def _addresses(text: str) -> list[Finding]:
    matches = [*POSTCODE_THEN_NUMBER.finditer(text), *NUMBER_THEN_POSTCODE.finditer(text)]
    return [_from_match("address", match) for match in matches if _is_home_address(match)]


def _is_home_address(match: re.Match[str]) -> bool:
    street = match.groupdict().get("street")
    if street and street.lower() in NOT_A_HOME:
        return False
    return postcode.is_valid(match.group("postcode"))


def _ibans(text: str) -> list[Finding]:
    """The longest valid IBAN at the start of each candidate: the pattern may have taken the
    words after it ("BE71 0961 2345 6769 voor de gift")."""
    findings = []
    for match in IBAN.finditer(text):
        candidate = match.group()
        for end in range(len(candidate), 0, -1):
            if (end == len(candidate) or candidate[end].isspace()) and is_valid_iban(
                candidate[:end]
            ):
                findings.append(
                    _finding("iban", candidate[:end], match.start(), match.start() + end)
                )
                break
    return findings


def _birth_dates(text: str) -> list[Finding]:
    return [
        _from_match("birth_date", match)
        for match in DATE.finditer(text)
        if _is_real_date(match) and _near_birth_word(text, match)
    ]


def _is_real_date(match: re.Match[str]) -> bool:
    if match.group("day_t"):
        day, month = match.group("day_t"), str(MONTHS[match.group("month_t").lower()])
        year = match.group("year_t")
    elif match.group("year_i"):
        day, month, year = match.group("day_i", "month_i", "year_i")
    else:
        day, month, year = match.group("day", "month", "year")
    try:
        date(2000 if len(year) == 2 else int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def _near_birth_word(text: str, match: re.Match[str]) -> bool:
    for word in BIRTH_WORD.finditer(text):
        if word.end() <= match.start():
            between, limit = text[word.end() : match.start()], WORDS_BEFORE_DATE
        elif word.start() >= match.end():
            between, limit = text[match.end() : word.start()], WORDS_AFTER_DATE
        else:
            continue
        if len(between.split()) <= limit and not _SENTENCE_END.search(between):
            return True
    return False


def _without_overlaps(findings: list[Finding]) -> list[Finding]:
    """The findings sorted by position, keeping the longest where two cover the same text."""
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, f.start - f.end)):
        if not kept or finding.start >= kept[-1].end:
            kept.append(finding)
    return kept
