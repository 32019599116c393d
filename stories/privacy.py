"""The privacy guard: personal data a member may have put in a story without meaning to.

It finds e-mail addresses, Dutch phone numbers, BSNs (checked with the elfproef), postcodes
with a house number, dates of birth and Dutch IBANs (checked with mod 97), so the form can ask
the member to take them out.

Choices, made to keep false alarms rare in stories about youth care:

- Phone numbers are ten digits starting with 0, or +31/0031 and nine digits. National
  helplines (0800-0432, 0800-0113, 113) are shorter and so are not reported; ten-digit business
  numbers (088-...) are, because they can be someone's direct line.
- A postcode is only reported together with a house number ("1234 AB 12",
  "Kerkstraat 12, 1234 AB"): a postcode alone covers a street or part of one and is in every
  organisation's address. "Postbus 123, 3500 AB" is not someone's home and is not reported.
- A date is only reported as a date of birth when "geboren", "geboortedatum", "geb." or "jarig"
  is a few words before or after it in the same sentence, and only as a full date with a year;
  "geboren in 2015" and "op 12 maart 2026 organiseren we" are not reported.
- Names, and a street and house number without a postcode, are not found.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

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

# One separator between digit groups: a space, a dot or a hyphen (with spaces around it).
_SEP = r"(?:\s?-\s?|[ .])"
PHONE = re.compile(
    rf"""
    (?<![\w+/.,-])
    (?:
        (?:\+|00)31{_SEP}?(?:\(0\){_SEP}?)?[1-9](?:{_SEP}?\d){{8}}
      | \(?0[1-9](?:\)?{_SEP}?\d){{8}}
    )
    (?!\d)
    """,
    re.VERBOSE,
)
_COUNTRY_CODE = re.compile(r"^(?:\+|00)31")
_DATE_LIKE = re.compile(r"^\(?\d{2}([-./])\d{2}\1\d{4}")

# Dutch IBANs: NL, two check digits, a four-letter bank code and ten digits.
IBAN = re.compile(r"(?<!\w)NL\d{2}(?:\s?[A-Z]){4}(?:\s?\d){10}(?!\d)", re.IGNORECASE)

BSN = re.compile(
    r"""
    (?<![\w.,-])(?<!\d\s)
    (?:\d{9}|\d{3}([ .])\d{3}\1\d{3}|\d{4}\.\d{2}\.\d{3})
    (?!\w)(?!\s?\d)(?![.,-]\d)
    """,
    re.VERBOSE,
)

# Dutch postcodes never use the letter pairs SA, SD and SS.
_POSTCODE = r"[1-9]\d{3}(?:\s?(?!S[ADS])[A-Z]{2}|(?!s[ads])[a-z]{2})(?!\w)"
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


def find_personal_data(text):
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


def describe_findings(findings):
    """A sentence for the member about each different thing found."""
    seen = set()
    sentences = []
    for finding in findings:
        if (finding.kind, finding.text) not in seen:
            seen.add((finding.kind, finding.text))
            sentences.append(SENTENCES[finding.kind] % {"text": finding.text})
    return sentences


def is_valid_bsn(digits):
    """Whether nine digits pass the elfproef, the check every BSN is issued to pass."""
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return (
        sum(weight * int(digit) for weight, digit in zip(weights, digits, strict=True)) % 11 == 0
    )


def is_valid_iban(iban):
    """Whether an IBAN's check digits are right (ISO 13616, mod 97)."""
    compact = re.sub(r"\s", "", iban).upper()
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _finding(kind, text, start, end):
    return Finding(kind=kind, label=str(LABELS[kind]), text=text, start=start, end=end)


def _from_match(kind, match):
    return _finding(kind, match.group(), match.start(), match.end())


def _emails(text):
    return [_from_match("email", match) for match in EMAIL.finditer(text)]


def _phone_numbers(text):
    return [_from_match("phone", m) for m in PHONE.finditer(text) if _looks_like_phone(m.group())]


def _looks_like_phone(candidate):
    """Whether digits grouped like this are written as a phone number rather than, say, a date."""
    if _DATE_LIKE.match(candidate):
        return False
    international = _COUNTRY_CODE.match(candidate)
    rest = candidate[international.end() :].replace("(0)", "") if international else candidate
    groups = [group for group in re.split(r"[\s.()-]+", rest) if group]
    first_ok = international or groups[0] == "06" or len(groups[0]) >= 3
    return bool(first_ok) and all(len(group) >= 2 for group in groups[1:])


def _bsns(text):
    return [
        _from_match("bsn", match)
        for match in BSN.finditer(text)
        if is_valid_bsn(re.sub(r"\D", "", match.group()))
        and not text[: match.start()].rstrip().endswith("€")
    ]


def _addresses(text):
    findings = [_from_match("address", match) for match in POSTCODE_THEN_NUMBER.finditer(text)]
    for match in NUMBER_THEN_POSTCODE.finditer(text):
        street = match.group("street")
        if street and street.lower() in NOT_A_HOME:
            continue
        findings.append(_from_match("address", match))
    return findings


def _ibans(text):
    return [_from_match("iban", m) for m in IBAN.finditer(text) if is_valid_iban(m.group())]


def _birth_dates(text):
    return [
        _from_match("birth_date", match)
        for match in DATE.finditer(text)
        if _is_real_date(match) and _near_birth_word(text, match)
    ]


def _is_real_date(match):
    if match.group("day_t"):
        day, month = match.group("day_t"), MONTHS[match.group("month_t").lower()]
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


def _near_birth_word(text, match):
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


def _without_overlaps(findings):
    """The findings sorted by position, keeping the longest where two cover the same text."""
    kept = []
    for finding in sorted(findings, key=lambda f: (f.start, f.start - f.end)):
        if not kept or finding.start >= kept[-1].end:
            kept.append(finding)
    return kept
