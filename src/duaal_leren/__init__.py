"""duaal-leren: a typed model of Flemish dual learning (duaal leren).

A learner's dual trajectory (`Traject`) between a school and a company workplace, the
training plan (`Opleidingsplan`: the `StandaardOpleidingsplan` of a course and the
`IndividueelOpleidingsplan` of one learner) with its competences (`Competentie`) and where
each is learned (`Leerplaats`), read from and written to YAML and JSON files.

Example:
    >>> import duaal_leren
    >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
    >>> traject.werkplek.onderneming
    'Elektro Vermeulen bv'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from duaal_leren._lazy import lazy_exports

# The public names, once: type checkers read these imports, and at run time the package
# reads the same lines from its source and imports each name on first use, so that
# `import duaal_leren` costs little: a tool that only reads files never pays for the
# calendar, the guides or the planner.
if TYPE_CHECKING:
    from duaal_leren.aanwezigheid import (
        Aanwezigheden,
        Aanwezigheid,
        Aanwezigheidsstatus,
        Melding,
    )
    from duaal_leren.competentie import Competentie, Leerplaats, Referenties
    from duaal_leren.documents import (
        Format,
        Kind,
        dump,
        from_dict,
        json_schema,
        kind_of,
        kinds,
        load,
        load_standaardplan,
        load_traject,
        loads,
        save,
        to_dict,
    )
    from duaal_leren.exceptions import (
        DocumentError,
        DocumentTypeError,
        DuaalLerenError,
        FieldError,
        MissingDependencyError,
        Problem,
        WriteError,
        default_lang,
        set_default_lang,
    )
    from duaal_leren.gespreksverslag import Gespreksverslag
    from duaal_leren.ical import save_ical, to_ical
    from duaal_leren.kalender import (
        KalenderError,
        SchooleigenKalender,
        Schooljaar,
        Schoolkalender,
        Vrijeperiode,
        schoolkalender,
    )
    from duaal_leren.leidraad._meegeleverd import leidraden
    from duaal_leren.leidraad.model import Leidraad
    from duaal_leren.opleidingsplan import (
        Handtekening,
        IndividueelOpleidingsplan,
        Opleidingsplan,
        Partij,
        PlanReferentie,
        Planstatus,
        StandaardOpleidingsplan,
        Toevoeging,
        Verplaatsing,
        Weglating,
    )
    from duaal_leren.opvolging import (
        Actie,
        Agendapunt,
        Beheersingsschaal,
        Beoordelaar,
        Deelnemer,
        Feedback,
        Gesprekslocatie,
        Gespreksrol,
        Gespreksstatus,
        Leerfocus,
        Leerkans,
        NietAanleerbaar,
        Niveau,
        Observatie,
        Opvolgingsgesprek,
    )
    from duaal_leren.planning import (
        Cadans,
        Caseload,
        ElkeNWeken,
        Opvolgingsschema,
        PerSchooljaar,
        PlanningError,
        VoorAnkers,
        Voorkeur,
        plan_caseload,
        plan_opvolging,
    )
    from duaal_leren.privacy import pseudonymise, redact
    from duaal_leren.traject import (
        PERSOONSGEGEVEN,
        Afspraak,
        Bedrijfscontact,
        Contact,
        Erkenning,
        Leerwerkplek,
        Lerende,
        Meldingsafspraak,
        Meldpartij,
        Mentor,
        Ondersteuning,
        Onderwijsinstelling,
        Overeenkomst,
        Overeenkomstsoort,
        Persoon,
        Persoonsgegevens,
        PraktischeAfspraken,
        Rooster,
        Roosterwijziging,
        Rotatie,
        Screening,
        Traject,
        Weekdag,
        Weekpatroon,
        Werkdag,
        WerkdagPlaats,
    )
    from duaal_leren.uren import Urenoverzicht, Urenperiode, urenoverzichten
    from duaal_leren.vakantie import Vakantieuitzondering
    from duaal_leren.vakantieregeling import Vakantiebalans, vakantiebalans
    from duaal_leren.validation import (
        Finding,
        Report,
        Reports,
        RuleError,
        Severity,
        validate,
        validate_files,
    )
    from duaal_leren.voortgang import Rollup, TrajectVoortgang
    from duaal_leren.werkdagen import (
        Werkdagen,
        WerkdagenError,
        schooldagen,
        werkplekdagen,
        werkplekuren_gemiddeld,
    )

__version__ = "0.1.0"

__all__ = [
    "PERSOONSGEGEVEN",
    "Aanwezigheden",
    "Aanwezigheid",
    "Aanwezigheidsstatus",
    "Actie",
    "Afspraak",
    "Agendapunt",
    "Bedrijfscontact",
    "Beheersingsschaal",
    "Beoordelaar",
    "Cadans",
    "Caseload",
    "Competentie",
    "Contact",
    "Deelnemer",
    "DocumentError",
    "DocumentTypeError",
    "DuaalLerenError",
    "ElkeNWeken",
    "Erkenning",
    "Feedback",
    "FieldError",
    "Finding",
    "Format",
    "Gesprekslocatie",
    "Gespreksrol",
    "Gespreksstatus",
    "Gespreksverslag",
    "Handtekening",
    "IndividueelOpleidingsplan",
    "KalenderError",
    "Kind",
    "Leerfocus",
    "Leerkans",
    "Leerplaats",
    "Leerwerkplek",
    "Leidraad",
    "Lerende",
    "Melding",
    "Meldingsafspraak",
    "Meldpartij",
    "Mentor",
    "MissingDependencyError",
    "NietAanleerbaar",
    "Niveau",
    "Observatie",
    "Ondersteuning",
    "Onderwijsinstelling",
    "Opleidingsplan",
    "Opvolgingsgesprek",
    "Opvolgingsschema",
    "Overeenkomst",
    "Overeenkomstsoort",
    "Partij",
    "PerSchooljaar",
    "Persoon",
    "Persoonsgegevens",
    "PlanReferentie",
    "PlanningError",
    "Planstatus",
    "PraktischeAfspraken",
    "Problem",
    "Referenties",
    "Report",
    "Reports",
    "Rollup",
    "Rooster",
    "Roosterwijziging",
    "Rotatie",
    "RuleError",
    "SchooleigenKalender",
    "Schooljaar",
    "Schoolkalender",
    "Screening",
    "Severity",
    "StandaardOpleidingsplan",
    "Toevoeging",
    "Traject",
    "TrajectVoortgang",
    "Urenoverzicht",
    "Urenperiode",
    "Vakantiebalans",
    "Vakantieuitzondering",
    "Verplaatsing",
    "VoorAnkers",
    "Voorkeur",
    "Vrijeperiode",
    "Weekdag",
    "Weekpatroon",
    "Weglating",
    "Werkdag",
    "WerkdagPlaats",
    "Werkdagen",
    "WerkdagenError",
    "WriteError",
    "__version__",
    "default_lang",
    "dump",
    "from_dict",
    "json_schema",
    "kind_of",
    "kinds",
    "leidraden",
    "load",
    "load_standaardplan",
    "load_traject",
    "loads",
    "plan_caseload",
    "plan_opvolging",
    "pseudonymise",
    "redact",
    "save",
    "save_ical",
    "schooldagen",
    "schoolkalender",
    "set_default_lang",
    "to_dict",
    "to_ical",
    "urenoverzichten",
    "vakantiebalans",
    "validate",
    "validate_files",
    "werkplekdagen",
    "werkplekuren_gemiddeld",
]

__getattr__, __dir__ = lazy_exports(__name__)
