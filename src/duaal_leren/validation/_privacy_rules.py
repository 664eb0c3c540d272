"""Rules that keep personal data where it belongs, and out of documents past their date.

The privacy rules walk every text of a document (`duaal_leren.privacy.text_fields`): a
valid national register number (rijksregisternummer) anywhere is an error; an e-mail address
or a phone number outside the fields meant for contact details is a warning; a word that
suggests health data in the screening and support texts is a warning that asks whether it
must be there. A finding names the field, never the value it found. The retention rule
warns about a document past the date of the school's retention policy, only when a policy
is set (`duaal_leren.bewaring.retention_policy`).

References:
    GDPR (Regulation (EU) 2016/679) art. 5(1)(c) (data minimisation) and 5(1)(e) (storage
        limitation), art. 9 (health data), art. 25 (data protection by design). That a
        national register number has no place in these documents is the library's policy:
        no source on dual learning asks for it there (Decreet 10-06-2016 and Decreet
        30-03-2018 name no such field of the opleidingsplan or the follow-up); override
        the severity where a school's policy differs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from duaal_leren.bewaring import active_policy
from duaal_leren.gespreksverslag import Antwoord
from duaal_leren.privacy import (
    TextField,
    email_addresses,
    health_word_in,
    phone_numbers,
    rijksregisternummers,
    text_fields,
)
from duaal_leren.traject import Ondersteuning, Screening
from duaal_leren.validation._engine import RULES, Context, Hit

__all__: list[str] = []

_GDPR = "GDPR art. 5(1)(c) (minimale gegevensverwerking / data minimisation), art. 25"
_POLICY = f"{_GDPR}; beleid van de bibliotheek / library policy (configurable severity)"

# Items of the shipped start-up catalogue (opstartgesprek) whose answer is contact details:
# an e-mail address or a phone number belongs there.
_CONTACT_ITEMS = frozenset(
    {"contactpersoon-wie", "contactpersoon-bereikbaarheid", "contactgegevens-lerende"}
)
# Items whose answer is about the screening or the learner's support needs (the catalogue's
# section "Extra ondersteuning": "taalvaardigheid, attitude, aanwezigheden, bezorgdheden").
_SUPPORT_ITEMS = frozenset(
    {"screening-arbeidsrijpheid", "aandachtspunten-leertraject", "ondersteuning-door-school"}
)


def _texts(ctx: Context) -> Iterator[TextField]:
    """Every text of the document being checked, once per document.

    The rules run on the plan context, which every traject and every plan document has
    exactly once; a conversation record stands alone or inside its traject.
    """
    yield from text_fields(ctx.document)


def _contact(field: TextField) -> bool:
    return field.contact or (
        isinstance(field.owner, Antwoord) and field.owner.item in _CONTACT_ITEMS
    )


def _found(
    ctx: Context, find: Callable[[str], list[tuple[int, int]]], nl: str, en: str, *, contact: bool
) -> Iterator[Hit]:
    for field in _texts(ctx):
        if contact and _contact(field):
            continue
        if find(field.text):
            yield Hit(field.path, nl, en)


@RULES.rule(
    "privacy-rijksregisternummer",
    titel="Geen rijksregisternummer in een document",
    titel_en="No national register number in a document",
    severity="error",
    source=_POLICY,
    target="document",
    fix="Remove the national register number; the school's own records hold it, the "
    "traject names the learner by a pseudonymous id.",
)
def privacy_rijksregisternummer(ctx: Context) -> Iterator[Hit]:
    """A valid national register number (rijksregisternummer) in any text of the document.

    Nothing in dual learning needs it in a traject, a plan or a record; in a file that is
    shared and kept in repositories it identifies the learner for good. The check digits
    decide (python-stdnum's ``stdnum.be.nn``, with the numbers of people born from 2000
    on): a date or another number of eleven digits is not one. The message names the
    field, never the number.
    """
    yield from _found(
        ctx,
        rijksregisternummers,
        "dit veld bevat een rijksregisternummer; verwijder het",
        "this field holds a national register number; remove it",
        contact=False,
    )


@RULES.rule(
    "privacy-email",
    titel="E-mailadressen alleen in de contactgegevens",
    titel_en="E-mail addresses only in the contact details",
    severity="warning",
    source=_GDPR,
    target="document",
    fix="Move the e-mail address to the contact details of the person (contact.email), or "
    "remove it.",
)
def privacy_email(ctx: Context) -> Iterator[Hit]:
    """An e-mail address in a text outside the fields meant for contact details.

    There no marking keeps it out of a redacted copy or a log. The contact details
    (``contact`` of a person) and the answers about contact details of the start-up
    conversation are meant for it. The message names the field, never the address.
    """
    yield from _found(
        ctx,
        email_addresses,
        "dit veld bevat een e-mailadres buiten de contactgegevens",
        "this field holds an e-mail address outside the contact details",
        contact=True,
    )


@RULES.rule(
    "privacy-telefoon",
    titel="Telefoonnummers alleen in de contactgegevens",
    titel_en="Phone numbers only in the contact details",
    severity="warning",
    source=_GDPR,
    target="document",
    fix="Move the phone number to the contact details of the person (contact.telefoon), or "
    "remove it.",
)
def privacy_telefoon(ctx: Context) -> Iterator[Hit]:
    """A Belgian phone number in a text outside the fields meant for contact details.

    As ``privacy-email``, for numbers such as ``0470 12 34 56`` or ``+32 9 000 00 01``; a
    company number (``0456.712.325``) is none. The message names the field, never the
    number.
    """
    yield from _found(
        ctx,
        phone_numbers,
        "dit veld bevat een telefoonnummer buiten de contactgegevens",
        "this field holds a phone number outside the contact details",
        contact=True,
    )


def _support_text(field: TextField) -> bool:
    if isinstance(field.owner, Screening | Ondersteuning):
        return True
    return (
        isinstance(field.owner, Antwoord)
        and field.owner.item in _SUPPORT_ITEMS
        and field.field in ("tekst", "afspraak")
    )


@RULES.rule(
    "privacy-gezondheid",
    titel="Gezondheidsgegevens alleen waar nodig",
    titel_en="Health data only where needed",
    severity="warning",
    source="GDPR art. 9 (bijzondere categorie / special category), art. 5(1)(c)",
    target="document",
    fix="Check whether the health information must be in the document; record the support "
    "agreed rather than the diagnosis.",
)
def privacy_gezondheid(ctx: Context) -> Iterator[Hit]:
    """A word that suggests health data in the screening or the support texts.

    The screening (``lerende.screening``), the support needs and agreements
    (``lerende.ondersteuning``) and the answers of the start-up conversation on the
    screening and on extra support can hold health data, a special category of personal
    data. The finding asks whether it must be there: what the workplace needs is usually
    the support agreed, not the diagnosis. The words are `duaal_leren.privacy.HEALTH_WORDS`
    or those set with `duaal_leren.privacy.health_words`.
    """
    for field in _texts(ctx):
        if _support_text(field) and health_word_in(field.text):
            yield Hit(
                field.path,
                "dit veld lijkt gezondheidsgegevens te bevatten; moeten ze hier staan?",
                "this field seems to hold health data; must it be here?",
            )


@RULES.rule(
    "bewaring-voorbij",
    titel="Een document wordt niet langer bewaard dan het bewaarbeleid van de school toelaat",
    titel_en="A document is not kept longer than the school's retention policy allows",
    severity="warning",
    source="GDPR art. 5(1)(e) (opslagbeperking / storage limitation); bewaarbeleid van de "
    "school / the school's retention policy",
    target="document",
    fix="Delete the document (duaal-leren retention --delete), or archive it outside the "
    "repository as the school's policy says.",
)
def bewaring_voorbij(ctx: Context) -> Iterator[Hit]:
    """A traject, a conversation record or an attendance record past its retention date.

    Only when a policy is set (``[tool.duaal-leren.bewaring]``, or
    `duaal_leren.bewaring.retention_policy` in Python): the library has no default period,
    because the period is the school's decision, not a rule of dual learning.
    """
    policy = active_policy()
    document = ctx.document
    if policy is None:
        return
    # A record counted from the end of its traject's contract needs that traject.
    trajecten = {ctx.traject.id: ctx.traject} if ctx.traject is not None else None
    date = policy.vervaldatum(document, trajecten)
    if date is not None and date < ctx.today:
        yield Hit(
            "$",
            f"het document is voorbij zijn bewaartermijn (tot {date.isoformat()})",
            f"the document is past its retention date ({date.isoformat()})",
        )
