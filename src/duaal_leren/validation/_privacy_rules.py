"""Rules that keep personal data where it belongs, and out of documents past their date.

The privacy rules look at every text of a document (`duaal_leren.privacy.text_fields`),
walked once per validation and shared by the rules (`duaal_leren.privacy.DocumentTexts`): a
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

import weakref
from collections.abc import Callable, Iterator

from duaal_leren.bewaring import active_policy
from duaal_leren.gespreksverslag import Antwoord
from duaal_leren.privacy import DocumentTexts, health_word_in, used_health_words
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


# The texts of the document each validation is checking, walked once and shared by the
# privacy rules of that validation (they run on one and the same context). An entry lives as
# long as its context: the weak reference's callback drops it when the validation is done.
_WALKS: dict[int, tuple[weakref.ref[Context], object, DocumentTexts]] = {}


def _texts(ctx: Context) -> DocumentTexts:
    """Every text of the document being checked, walked once per validation."""
    key = id(ctx)
    found = _WALKS.get(key)
    if found is not None and found[0]() is ctx and found[1] is ctx.document:
        return found[2]
    texts = DocumentTexts(ctx.document)

    def done(_: weakref.ref[Context]) -> None:
        _WALKS.pop(key, None)

    _WALKS[key] = (weakref.ref(ctx, done), ctx.document, texts)
    return texts


def _contact(texts: DocumentTexts) -> Callable[[int], bool]:
    """Whether a text of ``texts`` is meant for contact details (by its index)."""
    entries = texts.entries

    def contact(i: int) -> bool:
        _, owner, _, _, _, flag = entries[i]
        return flag or (isinstance(owner, Antwoord) and owner.item in _CONTACT_ITEMS)

    return contact


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
    texts = _texts(ctx)
    for i in texts.with_rijksregisternummer():
        yield Hit(
            texts.path(i),
            "dit veld bevat een rijksregisternummer; verwijder het",
            "this field holds a national register number; remove it",
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
    texts = _texts(ctx)
    for i in texts.with_email_address(skip=_contact(texts)):
        yield Hit(
            texts.path(i),
            "dit veld bevat een e-mailadres buiten de contactgegevens",
            "this field holds an e-mail address outside the contact details",
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
    texts = _texts(ctx)
    for i in texts.with_phone_number(skip=_contact(texts)):
        yield Hit(
            texts.path(i),
            "dit veld bevat een telefoonnummer buiten de contactgegevens",
            "this field holds a phone number outside the contact details",
        )


def _support_text(owner: object, field: str) -> bool:
    if isinstance(owner, Screening | Ondersteuning):
        return True
    return (
        isinstance(owner, Antwoord)
        and owner.item in _SUPPORT_ITEMS
        and field in ("tekst", "afspraak")
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
    texts = _texts(ctx)
    words = used_health_words()
    if not words:
        return
    for i in texts.parts_texts():
        text, owner, field, _, _, _ = texts.entries[i]
        if _support_text(owner, field) and health_word_in(text, words):
            yield Hit(
                texts.path(i),
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
