"""Follow-up conversations (opvolgingsgesprekken) and the scale competences are rated on.

During the year the trajectbegeleider, the mentor and usually the learner meet to discuss
the learner's progress at school and at the workplace, to set the learning focus (leerfocus)
for the next begeleidingsperiode, and to look for solutions when a competence can no longer
be taught where the plan put it. An `Opvolgingsgesprek` records one such conversation: when
and where, who took part, the agenda (consultation goals of the progress guide, by id), the
`Observatie` of each competence discussed (a level on the `Beheersingsschaal`, who gave it,
evidence), feedback on technical competences and on attitude kept apart, the leerfocus,
agreed actions, extra learning opportunities and competences that can no longer be taught
where planned.

The participants (`Deelnemer`, in a `Gespreksrol`) and the actions (`Actie`) are those of
every conversation: the records of conversations held with a leidraad
(`duaal_leren.gespreksverslag`) use them too.

The conversations are part of the traject document (``Traject.opvolgingsgesprekken``); the
progress computed from them is in `duaal_leren.voortgang`.

References:
    "Wat bespreek ik omtrent de leervooruitgang?", theme sheet of the brochure "Samen werken
        aan duaal": the three themes and eight consultation goals of a follow-up conversation.
    Leidraad opstartgesprek voor leerwerkplekken (2023), "Feedback geven": feedback on
        technical competences and on attitude.
    R-SCALE: dualimento.be opleidingstool (a single source): the four-level scale.
    R-CONTACT: scanjeschoolvoorduaal.be 02-3 (a single source): contact moments are agreed at
        the start; no legal minimum number exists.
"""

from __future__ import annotations

import enum
import functools
import itertools
from collections.abc import Sequence

import attrs
import pendulum

from duaal_leren._validators import (
    PERSONAL,
    FieldError,
    as_day,
    each,
    in_range,
    non_empty,
    optional,
    typed_fields,
    validator,
)
from duaal_leren.competentie import Leerplaats
from duaal_leren.opleidingsplan import Opleidingsplan, Verplaatsing

__all__ = [
    "Actie",
    "Agendapunt",
    "Beheersingsschaal",
    "Beoordelaar",
    "Deelnemer",
    "Feedback",
    "Gesprekslocatie",
    "Gespreksrol",
    "Gespreksstatus",
    "Leerfocus",
    "Leerkans",
    "NietAanleerbaar",
    "Niveau",
    "Observatie",
    "Opvolgingsgesprek",
]

_optional_text = optional(non_empty)

# A level of a scale or a rating lies from -1000 to 1000. A rating does not know its
# traject's scale: whether its level is on the scale is a rule of the whole document
# (opvolging-niveau). The bound keeps a mistyped number of hundreds of digits out of the
# arithmetic of progress, matrices and plots; real scales have a handful of levels.
_level = in_range(-1000, 1000)


# --- the scale -------------------------------------------------------------------------


@attrs.frozen(field_transformer=typed_fields)
class Niveau:
    """One level of a `Beheersingsschaal`.

    Attributes:
        waarde: The level as a number; higher is better.
        label: What the level means, as the scale words it ("kan het onder begeleiding").
        omschrijving: A longer explanation, if the scale gives one.
    """

    waarde: int = attrs.field(validator=_level)
    label: str = attrs.field(validator=non_empty)
    omschrijving: str | None = attrs.field(default=None, validator=_optional_text)


def _check_ascending(name: str, value: Sequence[Niveau]) -> None:
    if not value:
        raise FieldError(
            name, "een schaal heeft minstens één niveau", "a scale has at least one level"
        )
    for before, after in itertools.pairwise(value):
        if after.waarde <= before.waarde:
            raise FieldError(
                name,
                f"de niveaus moeten oplopen zonder dubbels; {after.waarde} volgt op {before.waarde}",
                f"the levels must ascend without duplicates; {after.waarde} follows {before.waarde}",
            )


_ascending = validator(_check_ascending, {"minItems": 1})


# The values of the levels of the scale asked last, with the levels they were read from
# (held, so that no other tuple can take their place): every rating of a traject is
# checked against the same scale, mostly the default one. One tuple, replaced whole.
_LAST_WAARDEN: list[tuple[object, tuple[int, ...], frozenset[int]]] = [(None, (), frozenset())]


def _waarden(niveaus: tuple[Niveau, ...]) -> tuple[tuple[int, ...], frozenset[int]]:
    last = _LAST_WAARDEN[0]
    if last[0] is niveaus:
        return last[1], last[2]
    values = tuple(n.waarde for n in niveaus)
    _LAST_WAARDEN[0] = (niveaus, values, frozenset(values))
    return values, frozenset(values)


@attrs.frozen(field_transformer=typed_fields)
class Beheersingsschaal:
    """A scale of mastery: labelled levels and the level from which a competence is mastered.

    A traject uses the scale it names (``Traject.beheersingsschaal``), or else the default
    four-level scale of the sector tools, `Beheersingsschaal.standaard`.

    Attributes:
        niveaus: The levels, lowest first; their values ascend without duplicates.
        drempel: The mastery threshold: a competence rated at this level or higher is
            mastered (beheerst). It should be one of the levels' values.
        naam: The scale's name.
        bron: Where the scale comes from.

    Example:
        >>> from duaal_leren.opvolging import Beheersingsschaal
        >>> schaal = Beheersingsschaal.standaard()
        >>> [n.waarde for n in schaal.niveaus], schaal.drempel
        ([1, 2, 3, 4], 3)
        >>> schaal.label(2), schaal.beheerst(2), schaal.beheerst(3)
        ('kan het onder begeleiding', False, True)

    References:
        R-SCALE: dualimento.be opleidingstool (a single source).
    """

    niveaus: tuple[Niveau, ...] = attrs.field(validator=_ascending)
    drempel: int
    naam: str | None = attrs.field(default=None, validator=_optional_text)
    bron: str | None = attrs.field(default=None, validator=_optional_text)

    @classmethod
    def standaard(cls) -> Beheersingsschaal:
        """The default scale of four levels, mastered from level 3.

        The levels are 1 beheerst onvoldoende, 2 kan het onder begeleiding, 3 beheerst
        voldoende and 4 kan het zelfstandig. The threshold (3) is the library's default, not
        a source's: a traject can name its own scale. The scale is read from a data file of
        the package (``data/beheersingsschaal-4-niveaus.json``) the first time it is asked
        for, and checked by the same validators as a scale built in code.

        References:
            R-SCALE: dualimento.be opleidingstool, for the levels (a single source).
        """
        return _default_scale()

    @property
    def waarden(self) -> tuple[int, ...]:
        """The values of the levels, lowest first."""
        return _waarden(self.niveaus)[0]

    @property
    def laagste(self) -> int:
        """The value of the lowest level."""
        return self.niveaus[0].waarde

    @property
    def hoogste(self) -> int:
        """The value of the highest level."""
        return self.niveaus[-1].waarde

    def __contains__(self, waarde: object) -> bool:
        """Whether ``waarde`` is one of the scale's levels: ``3 in schaal``."""
        values, lookup = _waarden(self.niveaus)
        try:
            return waarde in lookup
        except TypeError:  # unhashable: compared one by one
            return waarde in values

    def niveau(self, waarde: int) -> Niveau:
        """The level with this value.

        Raises:
            KeyError: The scale has no such level.
        """
        for niveau in self.niveaus:
            if niveau.waarde == waarde:
                return niveau
        raise KeyError(waarde)

    def label(self, waarde: int) -> str:
        """The label of a level, or the bare number for a value not on the scale."""
        return self.niveau(waarde).label if waarde in self else str(waarde)

    def beheerst(self, waarde: int) -> bool:
        """Whether a competence rated ``waarde`` is mastered: at or above the threshold."""
        return waarde >= self.drempel

    def fractie(self, waarde: int) -> float:
        """Where ``waarde`` lies on the scale, from 0.0 (lowest level) to 1.0 (highest).

        Values outside the scale are clipped, so that scales of different lengths can share
        one colour scale.
        """
        if self.hoogste == self.laagste:
            return 1.0
        # Clipped before dividing: an int too large for a float cannot be divided into one.
        waarde = min(max(waarde, self.laagste), self.hoogste)
        return (waarde - self.laagste) / (self.hoogste - self.laagste)


_SCALE_FILE = "beheersingsschaal-4-niveaus.json"


@functools.cache
def _default_scale() -> Beheersingsschaal:
    # The package's own data: JSON, so that the model reads it with the standard library
    # and checks it with its own validators, as strictly as any scale built in code (an
    # unknown key is a TypeError). A model does not import the readers, which sit above it.
    import importlib.resources
    import json

    resource = importlib.resources.files("duaal_leren") / "data" / _SCALE_FILE
    data = json.loads(resource.read_text(encoding="utf-8"))
    levels = tuple(Niveau(**level) for level in data.pop("niveaus"))
    return Beheersingsschaal(niveaus=levels, **data)


# --- the conversation ------------------------------------------------------------------


class Gesprekslocatie(enum.Enum):
    """Where a follow-up conversation takes place."""

    WERKPLEK = "werkplek"
    """At the company workplace."""
    SCHOOL = "school"
    """At school."""
    ONLINE = "online"
    """In a video call."""


class Gespreksstatus(enum.Enum):
    """Whether a conversation is still to come, took place, or was called off."""

    GEPLAND = "gepland"
    """Planned; nothing is recorded of it yet, or only what was prepared."""
    GEHOUDEN = "gehouden"
    """Held: its record is complete."""
    GEANNULEERD = "geannuleerd"
    """Called off; its observations do not count."""


class Gespreksrol(enum.Enum):
    """The role in which someone takes part in a conversation.

    Used by the participants (`Deelnemer`) of follow-up conversations and of the records of
    conversations held with a leidraad (`duaal_leren.gespreksverslag`).
    """

    LERENDE = "lerende"
    """The learner."""
    MENTOR = "mentor"
    """The company's trainer of the learner."""
    TRAJECTBEGELEIDER = "trajectbegeleider"
    """The school's coordinator who follows the learner at the workplace."""
    VAKLEERKRACHT = "vakleerkracht"
    """A subject teacher."""
    CONTACTPERSOON_SCHOOL = "contactpersoon-school"
    """The company's contact person at the school, or another member of the school staff."""
    MEDEWERKER_BEDRIJF = "medewerker-bedrijf"
    """Someone else of the company: HR, directie, ploegbaas, a colleague."""
    OUDER = "ouder"
    """A parent or guardian of the learner."""
    ANDER = "ander"
    """Anyone else (a sector consultant, an interpreter, ...)."""


class Beoordelaar(enum.Enum):
    """Who rated a competence.

    The learner's own rating is a self-assessment (zelfevaluatie): it is kept and shown
    beside the rating of mentor and school, and never mixed into it.
    """

    MENTOR = "mentor"
    """The mentor, at the workplace."""
    VAKLEERKRACHT = "vakleerkracht"
    """A subject teacher, at school."""
    TRAJECTBEGELEIDER = "trajectbegeleider"
    """The trajectbegeleider, a member of the school staff."""
    LERENDE = "lerende"
    """The learner: a self-assessment (zelfevaluatie)."""


@attrs.frozen(field_transformer=typed_fields)
class Deelnemer:
    """Someone who takes part in a conversation: a follow-up conversation or a record.

    Attributes:
        rol: The role in which they take part.
        naam: Their name; leave it out for the learner, whom the traject names by a
            pseudonymous id. Personal data (of a parent, the mentor, a colleague): a
            redacted copy leaves it out, the role stays.
        functie: Their function, such as ``HR`` or ``coördinator duaal leren``.
    """

    rol: Gespreksrol
    naam: str | None = attrs.field(
        default=None, validator=_optional_text, repr=False, metadata=PERSONAL
    )
    functie: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(field_transformer=typed_fields)
class Agendapunt:
    """An item on the agenda: an item of a guide (leidraad), referred to by id.

    For a follow-up conversation these are the consultation goals (overlegdoelen) and themes
    of the progress guide "Wat bespreek ik omtrent de leervooruitgang?", such as the goal to
    assess growth and level per competence.

    Attributes:
        leidraad: The id of the guide, such as ``leervooruitgang``.
        item: The id of the item in that guide, such as ``groei-en-niveau``.
        notitie: What was said about it.
    """

    leidraad: str = attrs.field(validator=non_empty)
    item: str = attrs.field(validator=non_empty)
    notitie: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(field_transformer=typed_fields)
class Observatie:
    """A rating of one competence: its level, who gave it, when, and on what evidence.

    Attributes:
        competentie: The code of the competence in the learner's plan.
        niveau: The level, a value of the traject's `Beheersingsschaal`.
        beoordelaar: Who gave it: mentor, vakleerkracht, trajectbegeleider, or the learner
            (a self-assessment).
        datum: When it was given; by default the day of the conversation.
        toelichting: Evidence or comment: what the learner did, where, how well.
        bewijs: References to evidence (a work order, a photo, a test), as text.
        vastgesteld: The level was set explicitly (agreed by mentor and school, or decided
            by the klassenraad): it wins over every rating. A self-assessment cannot set a
            level.

    Example:
        >>> from duaal_leren.opvolging import Beoordelaar, Observatie
        >>> o = Observatie("ELT-03", 2, Beoordelaar.MENTOR, toelichting="met hulp op de werf")
        >>> o.zelfevaluatie
        False
    """

    competentie: str = attrs.field(validator=non_empty)
    niveau: int = attrs.field(validator=_level)
    beoordelaar: Beoordelaar
    datum: pendulum.Date | None = None
    toelichting: str | None = attrs.field(default=None, validator=_optional_text)
    bewijs: tuple[str, ...] = attrs.field(default=(), validator=each(non_empty))
    vastgesteld: bool = False

    @property
    def zelfevaluatie(self) -> bool:
        """Whether this is the learner's self-assessment."""
        return self.beoordelaar is Beoordelaar.LERENDE


@attrs.frozen(field_transformer=typed_fields)
class Feedback:
    """Feedback given to the learner, on technical competences or on attitude.

    Attributes:
        tekst: The feedback.
        door: Who gave it.
        competenties: Codes of the competences it is about, if any.
    """

    tekst: str = attrs.field(validator=non_empty)
    door: Gespreksrol | None = None
    competenties: tuple[str, ...] = attrs.field(default=(), validator=each(non_empty))


@attrs.frozen(field_transformer=typed_fields)
class Leerfocus:
    """The learning focus for the next begeleidingsperiode.

    Attributes:
        competenties: Codes of the competences to focus on.
        omschrijving: The tasks, skills and knowledge to focus on, in words.
        tot: The end of the period: usually the day of the next conversation.
    """

    competenties: tuple[str, ...] = attrs.field(default=(), validator=each(non_empty))
    omschrijving: str | None = attrs.field(default=None, validator=_optional_text)
    tot: pendulum.Date | None = None


@attrs.frozen(field_transformer=typed_fields)
class Actie:
    """An agreement or action made in a conversation, with its owner and due date.

    Attributes:
        omschrijving: What is agreed or to be done.
        eigenaar: Who does it: a name, a role, or both.
        vervaldatum: By when; an action without a due date is never late.
        item: The id of the item of the leidraad it follows from, if any.
        afgerond: The day it was done; empty while it is not.

    Example:
        >>> import pendulum
        >>> from duaal_leren.opvolging import Actie
        >>> actie = Actie("Werkpostfiche bezorgen", "mentor", pendulum.date(2025, 9, 10))
        >>> actie.te_laat("2025-10-01"), actie.te_laat(pendulum.date(2025, 9, 10))
        (True, False)
    """

    omschrijving: str = attrs.field(validator=non_empty)
    eigenaar: str = attrs.field(validator=non_empty)
    vervaldatum: pendulum.Date | None = None
    item: str | None = attrs.field(default=None, validator=_optional_text)
    afgerond: pendulum.Date | None = None

    def te_laat(self, today: pendulum.Date | str) -> bool:
        """Whether the action is not done and its due date lies before ``today``.

        Args:
            today: The day to check against, as a date or as ISO text (``2025-10-01``).

        Raises:
            FieldError: ``today`` is text that is not a date written as ``YYYY-MM-DD``.
        """
        # Read first, so that a bad day is an error for a done action too.
        day = as_day(today)
        return self.afgerond is None and self.vervaldatum is not None and self.vervaldatum < day


@attrs.frozen(field_transformer=typed_fields)
class Leerkans:
    """An extra learning opportunity at the workplace.

    Attributes:
        omschrijving: The opportunity: a task, a site, a colleague to learn from.
        competenties: Codes of the competences it helps with.
    """

    omschrijving: str = attrs.field(validator=non_empty)
    competenties: tuple[str, ...] = attrs.field(default=(), validator=each(non_empty))


@attrs.frozen(field_transformer=typed_fields)
class NietAanleerbaar:
    """A competence that can no longer be taught where the plan puts it.

    When a solution is found (``naar``), it becomes a move of the competence in the
    individual plan: see `Opvolgingsgesprek.verplaatsingen`.

    Attributes:
        competentie: The code of the competence.
        waar: Where it can no longer be taught (school or werkplek).
        reden: Why not, for example that the company no longer does the work.
        naar: Where it will be learned instead, once agreed.
        aanbieder: The outside provider, when ``naar`` is ``extern``.
    """

    competentie: str = attrs.field(validator=non_empty)
    waar: Leerplaats
    reden: str | None = attrs.field(default=None, validator=_optional_text)
    naar: Leerplaats | None = None
    aanbieder: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(field_transformer=typed_fields)
class Opvolgingsgesprek:
    """A follow-up conversation on the learner's progress.

    Attributes:
        datum: The day of the conversation.
        plaats: Where: at the workplace, at school or online.
        status: Planned, held or cancelled.
        deelnemers: Who takes part, with their roles.
        agenda: The items of the progress guide to discuss, by id.
        observaties: The ratings of competences given in or for this conversation.
        feedback_technisch: Feedback on technical competences.
        feedback_attitude: Feedback on attitude, kept apart from the technical feedback.
        leerfocus: The learning focus for the next begeleidingsperiode.
        acties: Agreements and actions, each with an owner and a due date.
        extra_leerkansen: Extra learning opportunities at the workplace.
        niet_aanleerbaar: Competences that can no longer be taught where planned.
        verslag: Notes of the conversation.

    Example:
        >>> import duaal_leren
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> gesprek = traject.opvolgingsgesprekken[0]
        >>> gesprek.datum.isoformat(), gesprek.plaats.value, gesprek.status.value
        ('2025-11-20', 'werkplek', 'gehouden')
        >>> sorted(gesprek.competenties())[:3]
        ['ELT-02', 'ELT-03', 'ELT-04']
    """

    datum: pendulum.Date
    plaats: Gesprekslocatie
    status: Gespreksstatus = Gespreksstatus.GEPLAND
    deelnemers: tuple[Deelnemer, ...] = ()
    agenda: tuple[Agendapunt, ...] = ()
    observaties: tuple[Observatie, ...] = ()
    feedback_technisch: tuple[Feedback, ...] = ()
    feedback_attitude: tuple[Feedback, ...] = ()
    leerfocus: Leerfocus | None = None
    acties: tuple[Actie, ...] = ()
    extra_leerkansen: tuple[Leerkans, ...] = ()
    niet_aanleerbaar: tuple[NietAanleerbaar, ...] = ()
    verslag: str | None = attrs.field(default=None, validator=_optional_text)

    @property
    def gehouden(self) -> bool:
        """Whether the conversation took place."""
        return self.status is Gespreksstatus.GEHOUDEN

    def observaties_gedateerd(self) -> tuple[Observatie, ...]:
        """The observations, each with its date filled in (the conversation's by default)."""
        return tuple(
            o if o.datum is not None else attrs.evolve(o, datum=self.datum)
            for o in self.observaties
        )

    def competenties(self) -> frozenset[str]:
        """The codes of every competence the conversation refers to."""
        codes: set[str] = {o.competentie for o in self.observaties}
        for feedback in (*self.feedback_technisch, *self.feedback_attitude):
            codes.update(feedback.competenties)
        if self.leerfocus is not None:
            codes.update(self.leerfocus.competenties)
        for kans in self.extra_leerkansen:
            codes.update(kans.competenties)
        codes.update(n.competentie for n in self.niet_aanleerbaar)
        return frozenset(codes)

    def verplaatsingen(self, plan: Opleidingsplan) -> tuple[Verplaatsing, ...]:
        """The moves of the individual plan that the solutions found in this conversation ask.

        Every competence that can no longer be taught where planned and for which a new
        leerplaats was agreed (``naar``) gives a `Verplaatsing` from its current leerplaats
        in ``plan``, with the reason. Competences not in the plan, and those without a
        solution yet, give none.

        Example:
            >>> import duaal_leren
            >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
            >>> gesprek = traject.opvolgingsgesprekken[-1]
            >>> [(v.code, v.van.value, v.naar.value)
            ...  for v in gesprek.verplaatsingen(traject.opleidingsplan)]
            [('ELT-16', 'werkplek', 'school')]
        """
        known = {c.code: c for c in plan.competenties}
        moves: list[Verplaatsing] = []
        for item in self.niet_aanleerbaar:
            competentie = known.get(item.competentie)
            if competentie is None or item.naar is None or item.naar is competentie.leerplaats:
                continue
            moves.append(
                Verplaatsing(item.competentie, competentie.leerplaats, item.naar, item.reden)
            )
        return tuple(moves)
