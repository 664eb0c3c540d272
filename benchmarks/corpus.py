"""A seeded, deterministic corpus of synthetic traject documents for the benchmarks.

Every document is a ``duaal-leren/traject@1`` document that `duaal_leren.load` reads: one
fictional learner in a three-school-year dual course (the contract mostly runs from the
first weekday of September of 2023, 2024 or 2025 to 30 June three years later), with school,
workplace and its recognition, mentor, contract, weekly pattern, company contacts and
practical agreements; an individual opleidingsplan of 40 to 150 competences (clusters,
prerequisites on earlier competences only, termijnen within the contract, references to BK,
Competent and ESCO, startcompetenties, moves, additions, omissions and the three
signatures); and about six follow-up conversations per school year, those before `TODAY`
held (participants, agenda, 4 to 12 ratings, feedback, leerfocus, actions), the later ones
planned. A small share of the documents carries the slips real files have (a late
signature, a recognition that expires during the contract, a mentor training not recorded,
an agreed cadence the summer holiday breaks), so that `duaal_leren.validate` with
``today=TODAY`` finds a realistic mix: most documents without errors, some warnings.

Everything is invented: people's names are drawn from small fixed word lists, companies,
schools, streets and towns are made up, e-mail addresses use ``example.org``, phone numbers
are made up (``0400 ...`` and ``09 000 ...``, as in the examples), and company numbers are
random digits with a valid check digit.

`traject_data` gives the plain data of one document, a function of ``(index, seed)`` only.
`write_corpus` writes ``n`` documents as JSON and YAML files in parallel, then a
``manifest.json``; a directory whose manifest matches is reused as it is. From the command
line::

    python benchmarks/corpus.py --n 2000 --seed 2026 --out /tmp/corpus-2000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import random
import sys
import time
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = ["FORMATS", "GENERATOR_VERSION", "TODAY", "Corpus", "traject_data", "write_corpus"]

GENERATOR_VERSION: int = 2
"""The version of the generator's output; bump it whenever a document changes."""

TODAY: str = "2026-11-16"
"""The fixed day the corpus is written for: conversations before it are held, later ones
planned. Pass it as ``today`` to `duaal_leren.validate` for the intended findings."""

FORMATS: tuple[str, ...] = ("json", "yaml")
"""The file formats `write_corpus` can write."""

SCHEMA = "duaal-leren/traject@1"
MANIFEST = "manifest.json"
_CHUNK = 100  # documents per task of the worker pool

_TODAY = dt.date.fromisoformat(TODAY)

# --- word lists ------------------------------------------------------------------------

_VOORNAMEN = (
    "Lotte", "Milan", "Noah", "Emma", "Lucas", "Olivia", "Arthur", "Louise", "Jules", "Mila",
    "Finn", "Nora", "Liam", "Elena", "Vic", "Fien", "Mats", "Lina", "Wout", "Hanne", "Seppe",
    "Lore", "Jasper", "Amber", "Robbe", "Febe", "Kobe", "Ines", "Warre", "Julie", "Ann",
    "Bart", "Sofie", "Koen", "Els", "Tom", "Pieter", "Hilde", "Griet", "Dirk", "Katrien",
    "Stijn", "Veerle", "Geert", "Inge", "Wim", "Sarah", "Jens", "Ruben", "Elif", "Yassin",
    "Amira", "Bilal", "Zoë", "Thibo", "Aïsha",
)  # fmt: skip
_ACHTERNAMEN = (
    "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
    "Wouters", "De Smet", "Dubois", "Vermeulen", "Van den Broeck", "De Wilde", "Hermans",
    "Aerts", "Michiels", "Pauwels", "Desmet", "Van Damme", "Verhoeven", "Smets", "Lemmens",
    "Coppens", "Martens", "Stevens", "De Cock", "Verstraete", "Wuyts", "Declercq", "Bogaert",
    "Van de Velde", "Vandamme", "De Backer", "Segers", "Cools", "Thys", "Leysen", "Geerts",
    "Verbeke", "Baert", "Mahieu", "Van Hoof", "Cornelis", "Vervoort", "Sels",
)  # fmt: skip
_STRATEN = (
    "Voorbeeldstraat", "Voorbeeldlaan", "Fictieweg", "Verzinselplein", "Bedachtebaan",
    "Denkbeeldlaan", "Droomstraat", "Nergensweg", "Ergensdreef", "Fantasiekaai",
)  # fmt: skip
_GEMEENTEN = (
    ("9999", "Fictiefdorp"), ("9998", "Fictiestad"), ("9997", "Voorbeeldegem"),
    ("9996", "Verzinselkerke"), ("9995", "Bedachtrode"), ("9994", "Denkbeeldhout"),
    ("9993", "Ergenshove"), ("9992", "Nergensberge"), ("9991", "Fantasievoorde"),
    ("9990", "Droomzele"),
)  # fmt: skip
_SCHOOLSOORTEN = (
    "Technisch Instituut", "Vrij Technisch Instituut", "Campus", "Atheneum",
    "Centrum voor Duaal Leren", "Scholengemeenschap", "Instituut",
)  # fmt: skip
_SCHOOLNAMEN = (
    "De Vonk", "De Bron", "Het Anker", "De Horizon", "De Kiem", "Het Kompas", "De Brug",
    "De Sprong", "Het Spoor", "De Wissel", "De Stroom", "De Vaart", "Het Atelier", "De Werf",
)  # fmt: skip
_RECHTSVORMEN = ("bv", "bv", "bv", "nv", "cv", "vof")
_AANBIEDERS = (
    "Opleidingscentrum Veilig Werken (fictief)", "Sectoraal Opleidingsfonds Duaal (fictief)",
    "Regionaal Technologisch Centrum Fictiestad (fictief)", "Vormingscentrum De Leerlijn (fictief)",
)  # fmt: skip
_KWALIFICATIES = (
    "volgens de richtlijnen van de onderneming", "zelfstandig en binnen de gestelde tijd",
    "onder begeleiding van de mentor", "met aandacht voor veiligheid en kwaliteit",
    "volgens de geldende voorschriften", "in overleg met de leidinggevende",
    "met zorg voor materiaal en milieu", "volgens de technische fiche", "nauwkeurig en ordelijk",
)  # fmt: skip


@dataclass(frozen=True)
class _Opleiding:
    naam: str
    prefix: str
    plan_id: str
    bk: str
    sector: str  # the first word of a company's name
    clusters: tuple[tuple[str, tuple[str, ...]], ...]  # cluster, what a learner can do


_GEMEENSCHAPPELIJK = (
    "Communicatie en kwaliteit",
    (
        "Communiceert vlot met collega's, leidinggevende en klant",
        "Rapporteert over de uitgevoerde werkzaamheden, mondeling en schriftelijk",
        "Volgt de kwaliteitsprocedures van de onderneming", "Reflecteert over het eigen leerproces",
        "Houdt de eigen vakkennis bij over nieuwe technieken en materialen",
        "Vult een werkbon of logboek volledig in", "Werkt samen in een team",
    ),
)  # fmt: skip

_OPLEIDINGEN = (
    _Opleiding(
        "Elektrotechnisch installateur duaal", "ELT", "elektrotechnisch-installateur-duaal",
        "BK-0130-5", "Elektro",
        (
            ("Veiligheid, welzijn en milieu", (
                "Gebruikt de juiste persoonlijke beschermingsmiddelen",
                "Past de AREI-voorschriften toe bij het werken aan elektrische installaties",
                "Maakt een installatie spanningsloos en beveiligt ze tegen herinschakelen",
                "Sorteert afval en gaat zuinig om met materiaal en energie",
                "Verleent eerste hulp bij een elektrisch ongeval",
                "Herkent de risico's van de werkpost en meldt gevaarlijke situaties")),
            ("Voorbereiden van de werkzaamheden", (
                "Leest en interpreteert een eendraadschema en een situatieschema",
                "Bepaalt het benodigde materiaal en gereedschap aan de hand van het schema",
                "Richt de werkplek in en houdt ze ordelijk",
                "Plant de eigen werkzaamheden in overleg met de leidinggevende",
                "Berekent eenvoudige elektrische grootheden",
                "Kiest de juiste kabelsectie en beveiliging")),
            ("Installeren", (
                "Plaatst buizen, kabelgoten en dozen volgens plan",
                "Trekt geleiders en kabels in buizen en goten",
                "Sluit schakelaars, stopcontacten en lichtpunten aan",
                "Bouwt een verdeelbord op met beveiligingen en differentieelschakelaars",
                "Installeert een aardingsinstallatie en equipotentiale verbindingen",
                "Installeert en configureert een laadpaal voor elektrische wagens",
                "Programmeert een eenvoudige domotica-installatie",
                "Installeert een fotovoltaïsche installatie met omvormer",
                "Plaatst verlichting en noodverlichting")),
            ("Controleren en opleveren", (
                "Meet isolatieweerstand, aardingsweerstand en lusimpedantie",
                "Test de werking van de installatie en stelt fouten vast",
                "Verhelpt eenvoudige storingen",
                "Werkt de schema's bij volgens de uitgevoerde installatie",
                "Bereidt de keuring van de installatie voor")),
            _GEMEENSCHAPPELIJK,
        ),
    ),
    _Opleiding(
        "Installateur centrale verwarming duaal", "ICV", "installateur-centrale-verwarming-duaal",
        "BK-0211-3", "Verwarming",
        (
            ("Veiligheid, welzijn en milieu", (
                "Gebruikt de juiste persoonlijke beschermingsmiddelen",
                "Beveiligt de werkzone bij soldeer- en laswerk",
                "Sorteert afval en restmaterialen", "Controleert de gasdichtheid van een leiding")),
            ("Voorbereiden van de werkzaamheden", (
                "Leest en interpreteert een leidingschema",
                "Stelt de materiaallijst voor de werf op", "Zaagt en buigt buizen op maat",
                "Berekent het warmteverlies van een ruimte",
                "Plant de eigen werkzaamheden in overleg met de leidinggevende")),
            ("Leidingwerk", (
                "Soldeert koperen leidingen", "Monteert meerlagige buizen met persfittingen",
                "Plaatst een collector voor vloerverwarming", "Isoleert leidingen",
                "Plaatst een expansievat en de veiligheidsgroep")),
            ("Toestellen", (
                "Plaatst en sluit een condensatieketel aan", "Plaatst een warmtepomp",
                "Monteert radiatoren en thermostatische kranen",
                "Sluit een boiler voor sanitair warm water aan",
                "Stelt de regeling van de installatie in")),
            ("Opleveren en onderhoud", (
                "Zet de installatie onder druk en controleert de dichtheid",
                "Voert een onderhoudsbeurt uit", "Voert een verbrandingsanalyse uit",
                "Spoort een storing aan een ketel op", "Stelt het opleveringsdossier samen")),
            _GEMEENSCHAPPELIJK,
        ),
    ),
    _Opleiding(
        "Chef-kok duaal", "KOK", "chef-kok-duaal", "BK-0467-4", "Restaurant",
        (
            ("Hygiëne en voedselveiligheid", (
                "Houdt de HACCP-registraties bij", "Reinigt de keuken en het materiaal",
                "Controleert de temperatuur van de koelcellen",
                "Informeert over allergenen in de gerechten",
                "Respecteert de regels van persoonlijke hygiëne")),
            ("Mise-en-place", (
                "Snijdt groenten volgens de klassieke snijtechnieken",
                "Zet de mise-en-place klaar voor de service", "Bereidt fonds en sauzen",
                "Verwerkt vlees en gevogelte", "Verwerkt vis en schaaldieren",
                "Maakt deeg en beslag")),
            ("Bereidingen", (
                "Bereidt warme voorgerechten", "Bereidt hoofdgerechten met garnituren",
                "Bereidt desserts en patisserie", "Bereidt vegetarische gerechten",
                "Bereidt dagschotels voor grote aantallen", "Bindt sauzen met een roux")),
            ("Service en organisatie", (
                "Dresseert de borden tijdens de service", "Plaatst bestellingen bij leveranciers",
                "Beheert de voorraad", "Berekent de kostprijs van een gerecht",
                "Volgt de werkplanning van de brigade")),
            _GEMEENSCHAPPELIJK,
        ),
    ),
    _Opleiding(
        "Medewerker ruwbouw duaal", "RBW", "medewerker-ruwbouw-duaal", "BK-0340-3", "Bouw",
        (
            ("Veiligheid op de werf", (
                "Gebruikt de juiste persoonlijke beschermingsmiddelen",
                "Werkt veilig op steigers en ladders", "Helpt bij de werfinrichting",
                "Sorteert het afval in de containers op de werf")),
            ("Uitzetten en funderen", (
                "Leest een bouwplan", "Zet hoogtes uit met een laser",
                "Graaft een funderingssleuf uit", "Plaatst de wapening van een fundering",
                "Bekist een funderingsbalk")),
            ("Metselwerk", (
                "Metselt een binnenmuur in snelbouwsteen", "Metselt een gevel",
                "Voegt metselwerk op", "Plaatst lateien boven openingen",
                "Plaatst spouwisolatie", "Brengt een vochtscherm aan")),
            ("Beton en afwerking", (
                "Stort beton voor een vloerplaat", "Bekist een kolom", "Legt een chape",
                "Legt riolering aan", "Plaatst welfsels met de kraan")),
            _GEMEENSCHAPPELIJK,
        ),
    ),
    _Opleiding(
        "Logistiek medewerker duaal", "LOG", "logistiek-medewerker-duaal", "BK-0512-2", "Logistiek",
        (
            ("Veiligheid in het magazijn", (
                "Bedient de heftruck volgens de veiligheidsregels",
                "Gebruikt de juiste persoonlijke beschermingsmiddelen",
                "Behandelt gevaarlijke stoffen volgens de voorschriften",
                "Bewaakt de stapelhoogte en de belasting van rekken")),
            ("Ontvangst en opslag", (
                "Ontvangt binnenkomende goederen", "Controleert de leveringsbon",
                "Slaat goederen op de juiste locatie op", "Meldt beschadigde goederen",
                "Registreert de voorraad in het magazijnbeheersysteem")),
            ("Orderpicking en verzending", (
                "Verzamelt orders met een handscanner", "Verpakt pakketten voor verzending",
                "Laadt een vrachtwagen", "Stelt de verzenddocumenten op",
                "Verwerkt retourzendingen")),
            ("Voorraadbeheer", (
                "Voert een inventaris uit", "Bewaakt de minimumvoorraad",
                "Past de rotatie van producten toe (FIFO)", "Meldt afwijkingen in de voorraad")),
            _GEMEENSCHAPPELIJK,
        ),
    ),
    _Opleiding(
        "Onderhoudsmechanicus personenwagens duaal", "AUT",
        "onderhoudsmechanicus-personenwagens-duaal", "BK-0287-4", "Garage",
        (
            ("Veiligheid en milieu", (
                "Gebruikt de juiste persoonlijke beschermingsmiddelen",
                "Voert afgewerkte olie en filters af volgens de milieuregels",
                "Werkt veilig aan hoogspanningssystemen van elektrische wagens",
                "Bedient de hefbrug veilig")),
            ("Onderhoud", (
                "Voert een kleine onderhoudsbeurt uit", "Vervangt remblokken en remschijven",
                "Vervangt en balanceert banden", "Vervangt de distributieriem",
                "Controleert de vloeistofniveaus", "Onderhoudt de airconditioning")),
            ("Diagnose", (
                "Leest foutcodes uit met het diagnosetoestel",
                "Test de batterij en het laadsysteem",
                "Controleert de verlichting en de signalisatie",
                "Spoort storingen aan de motorsturing op")),
            ("Onderstel en aandrijving", (
                "Vervangt schokdempers", "Controleert de uitlijning van de wielen",
                "Vervangt een koppeling", "Vervangt een aandrijfas")),
            _GEMEENSCHAPPELIJK,
        ),
    ),
    _Opleiding(
        "Kapper-stylist duaal", "KAP", "kapper-stylist-duaal", "BK-0402-4", "Kapsalon",
        (
            ("Hygiëne en ergonomie", (
                "Reinigt het materiaal en de werkpost",
                "Herkent aandoeningen van huid en haar", "Let op de eigen werkhouding",
                "Gaat veilig om met chemische producten")),
            ("Knippen en stylen", (
                "Knipt een klassiek herenkapsel", "Knipt een damesbob",
                "Knipt een kapsel met de tondeuse", "Maakt een opsteekkapsel",
                "Brusht het haar met de föhn en de borstel")),
            ("Kleuren en permanenten", (
                "Voert een kleurbehandeling uit", "Brengt highlights en balayage aan",
                "Zet een permanent", "Noteert de kleurformule op de klantenfiche")),
            ("Klant en salon", (
                "Adviseert de klant over verzorgingsproducten", "Plant afspraken in de agenda",
                "Rekent af aan de kassa", "Beheert de voorraad van het salon")),
            _GEMEENSCHAPPELIJK,
        ),
    ),
    _Opleiding(
        "Schrijnwerker houtbewerking duaal", "SCH", "schrijnwerker-houtbewerking-duaal",
        "BK-0355-3", "Schrijnwerkerij",
        (
            ("Veiligheid in het atelier", (
                "Bedient de houtbewerkingsmachines veilig", "Gebruikt de stofafzuiging",
                "Gebruikt de juiste persoonlijke beschermingsmiddelen",
                "Sorteert het afval en het zaagsel")),
            ("Voorbereiden", (
                "Leest een werktekening", "Stelt een stuklijst op",
                "Kiest het hout volgens de vezelrichting", "Versnijdt plaatmateriaal op maat")),
            ("Bewerken en assembleren", (
                "Maakt verbindingen met pen en gat", "Bouwt een kast in plaatmateriaal",
                "Maakt deuren en laden", "Monteert beslag en scharnieren", "Bouwt een trap")),
            ("Plaatsen op de werf", (
                "Plaatst binnendeuren en kozijnen", "Plaatst een keuken",
                "Plaatst plinten en vensterbanken", "Legt een houten vloer")),
            _GEMEENSCHAPPELIJK,
        ),
    ),
)  # fmt: skip

_AGENDA_ITEMS = (
    "aanleren-les-en-werkplek", "einddoelen-traject", "leerstof-school-volgende-periode",
    "aansluiting-leerplan", "extra-leerkansen", "vaardigheden-versterken",
)  # fmt: skip
_AGENDA_NOTITIES = (
    "Op school komt volgende periode een nieuwe module aan bod.",
    "De werkzaamheden op de werkplek sluiten goed aan bij wat op school geleerd wordt.",
    "De lerende voert de handeling op school anders uit dan op de werkplek; besproken waarom.",
    "Het bedrijf heeft de komende weken minder werk in deze richting.",
    "Afgesproken om het leerplan volgende keer samen te overlopen.",
)  # fmt: skip
_FEEDBACK_TECHNISCH = (
    "Werkt nauwkeurig en controleert het eigen werk vooraf.",
    "Volgt de werkvolgorde goed; let nog op de afwerking.",
    "Vraagt op het juiste moment om uitleg en past de uitleg meteen toe.",
    "Werkt sneller dan bij het vorige gesprek, zonder aan kwaliteit in te boeten.",
    "Kent de theorie goed; de toepassing op de werkplek vraagt nog oefening.",
    "Houdt de werkpost ordelijk en gebruikt het juiste gereedschap.",
)  # fmt: skip
_FEEDBACK_ATTITUDE = (
    "Is stipt en verwittigt op tijd bij afwezigheid.",
    "Neemt zelf initiatief en helpt collega's spontaan.",
    "Komt soms te laat op maandag; afgesproken om dat op te volgen.",
    "Is vriendelijk tegen klanten en blijft rustig onder druk.",
    "Mag meer vragen stellen als iets niet duidelijk is.",
    "Blijft gemotiveerd, ook op drukke dagen.",
)  # fmt: skip
_TOELICHTINGEN = (
    "Voert de taak zelfstandig uit.",
    "Heeft nog hulp nodig bij de voorbereiding.",
    "Toets op school behaald.",
    "Goed uitgevoerd op de werf, samen met de ploeg.",
    "Nog onzeker; extra oefening afgesproken.",
    "Toont duidelijke vooruitgang sinds het vorige gesprek.",
)  # fmt: skip
_LEERFOCUS = (
    "Zelfstandig uitvoeren op de werkplek; op school de theorie herhalen.",
    "Eerst samen met de mentor, daarna alleen; de mentor controleert het resultaat.",
    "De nieuwe module op school koppelen aan het werk op de werkplek.",
    "Meer tempo halen zonder aan nauwkeurigheid in te boeten.",
)  # fmt: skip
_ACTIES = (
    "Een checklist meegeven en samen overlopen.",
    "Extra oefening in het labo op school.",
    "Een logboek bijhouden van de uitgevoerde taken.",
    "Meelopen met een ervaren collega.",
    "De leerstof van de volgende module doorsturen naar de mentor.",
    "Een bijkomend gesprek plannen met de ouders.",
)  # fmt: skip
_REDENEN_VERPLAATST = (
    "De werkplek voert deze taken niet uit; de school heeft een labo.",
    "Het bedrijf is gespecialiseerd in dit werk; de lerende leert het op de werkplek.",
    "De school heeft er de uitrusting niet voor.",
)  # fmt: skip
_REDENEN_TOEGEVOEGD = (
    "Het bedrijf doet veel van dit werk; de lerende wil zich daarin bekwamen.",
    "Op vraag van de lerende, in overleg met de mentor.",
)  # fmt: skip
_REDENEN_WEGGELATEN = (
    "Behaald in de vorige opleiding; afgesproken op de klassenraad.",
    "Attest behaald bij een erkende opleidingsverstrekker.",
)  # fmt: skip


# --- helpers ---------------------------------------------------------------------------


def _on_weekday(day: dt.date, *, back: bool = False) -> dt.date:
    step = dt.timedelta(days=-1 if back else 1)
    while day.weekday() >= 5:
        day += step
    return day


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isalnum() and c.isascii()).lower()


class _People:
    """Draws invented names that do not repeat within one traject."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def naam(self) -> str:
        while True:
            naam = f"{self.rng.choice(_VOORNAMEN)} {self.rng.choice(_ACHTERNAMEN)}"
            if naam not in self.used:
                self.used.add(naam)
                return naam


def _email(naam: str) -> str:
    first, _, last = naam.partition(" ")
    return f"{_ascii(first)}.{_ascii(last)}@example.org"


def _gsm(rng: random.Random) -> str:
    # Belgian mobile numbers start with 046 to 049; 0400 is outside that range.
    return f"0400 {rng.randint(0, 99):02d} {rng.randint(0, 99):02d} {rng.randint(0, 99):02d}"


def _vast(rng: random.Random) -> str:
    return f"09 000 {rng.randint(0, 99):02d} {rng.randint(0, 99):02d}"


def _adres(rng: random.Random) -> str:
    postcode, gemeente = rng.choice(_GEMEENTEN)
    return f"{rng.choice(_STRATEN)} {rng.randint(1, 180)}, {postcode} {gemeente}"


def _kbo(rng: random.Random) -> str:
    base = rng.randint(2_000_000, 9_999_999)  # eight digits with a leading 0
    check = 97 - base % 97
    digits = f"{base:08d}{check:02d}"
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def _contact(rng: random.Random, naam: str, *, vast: bool = False) -> dict[str, Any]:
    contact: dict[str, Any] = {"email": _email(naam)}
    if rng.random() < 0.8:
        contact["telefoon"] = _vast(rng) if vast else _gsm(rng)
    if rng.random() < 0.25:
        contact["bereikbaarheid"] = rng.choice(
            (
                "ma-vr 8u-16u; liefst per mail",
                "woensdag en vrijdag op school",
                "op de werf bereikbaar tussen 12u en 13u",
                "liefst na 15u",
            )
        )
    return contact


def _persoon(rng: random.Random, people: _People, functie: str) -> dict[str, Any]:
    naam = people.naam()
    return {"naam": naam, "functie": functie, "contact": _contact(rng, naam, vast=True)}


# --- the plan --------------------------------------------------------------------------


def _referenties(rng: random.Random, opleiding: _Opleiding, number: int) -> dict[str, Any]:
    refs: dict[str, Any] = {}
    if rng.random() < 0.15:
        refs["beroepskwalificaties"] = [opleiding.bk]
    refs["bk_competenties"] = [f"bkc{9_000_000 + number * 7 + rng.randint(0, 6):07d}"]
    if rng.random() < 0.2:
        refs["competent"] = [f"co {rng.randint(1000, 99999):05d}"]
    if rng.random() < 0.15:
        skill = uuid.UUID(int=rng.getrandbits(128), version=4)
        refs["esco"] = [f"http://data.europa.eu/esco/skill/{skill}"]
    return refs


def _termijn(
    rng: random.Random, start: dt.date, einde: dt.date, share: float, earliest: dt.date | None
) -> dt.date:
    span = (einde - start).days
    offset = round(span * min(0.97, max(0.05, share + rng.uniform(-0.06, 0.06))))
    day = start + dt.timedelta(days=offset)
    if day.month in (7, 8):  # a deadline falls in a school term, not in the summer
        day = dt.date(day.year, 6, 19)
    if earliest is not None and day < earliest:
        day = earliest
    day = _on_weekday(day)
    return min(day, _on_weekday(einde, back=True))


def _plan(
    rng: random.Random,
    opleiding: _Opleiding,
    start: dt.date,
    einde: dt.date,
    flags: dict[str, bool],
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    count = rng.randint(40, 150)
    # Numbers of the standard plan: a few of them are left out of this learner's plan.
    n_weg = rng.choice((0, 0, 0, 1, 1, 2))
    n_extra = rng.choice((0, 0, 0, 1, 1, 2))
    standard = count - n_extra + n_weg
    dropped = set(rng.sample(range(2, standard + 1), n_weg))
    numbers = [k for k in range(1, standard + 1) if k not in dropped]
    codes = [f"{opleiding.prefix}-{k:03d}" for k in numbers]
    codes += [f"{opleiding.prefix}-X{k}" for k in range(1, n_extra + 1)]
    clusters = opleiding.clusters
    competenties: list[dict[str, Any]] = []
    termijnen: dict[str, dt.date] = {}
    for i, code in enumerate(codes):
        cluster, zinnen = clusters[min(len(clusters) - 1, i * len(clusters) // len(codes))]
        omschrijving = rng.choice(zinnen)
        if rng.random() < 0.5:
            omschrijving += f" {rng.choice(_KWALIFICATIES)}"
        c: dict[str, Any] = {"code": code, "omschrijving": omschrijving}
        roll = rng.random()
        if roll < 0.02:
            c["leerplaats"] = "extern"
            c["cluster"] = cluster
            c["externe_aanbieder"] = rng.choice(_AANBIEDERS)
        else:
            c["leerplaats"] = "school" if roll < 0.32 else "werkplek" if roll < 0.66 else "beide"
            c["cluster"] = cluster
            if c["leerplaats"] == "beide" and rng.random() < 0.6:
                c["aanbreng"] = "school"
                c["inoefening"] = "werkplek"
        if i > 0:
            k = rng.choice((0, 0, 1, 1, 1, 2, 2, 3))
            window = codes[max(0, i - 12) : i]
            c["vereisten"] = rng.sample(window, min(k, len(window)))
            if not c["vereisten"]:
                del c["vereisten"]
        if rng.random() < 0.75:
            earliest = max(
                (termijnen[r] for r in c.get("vereisten", ()) if r in termijnen), default=None
            )
            if flags["termijn_voor_vereiste"] and earliest is not None:
                flags["termijn_voor_vereiste"] = False
                earliest -= dt.timedelta(days=30)
                termijn = _on_weekday(max(start, earliest))
            else:
                termijn = _termijn(rng, start, einde, (i + 1) / len(codes), earliest)
            termijnen[code] = termijn
            c["termijn"] = termijn.isoformat()
        if rng.random() < 0.35:
            c["referenties"] = _referenties(rng, opleiding, i + 1)
        competenties.append(c)

    plan: dict[str, Any] = {
        "standaardplan": {
            "id": opleiding.plan_id,
            "versie": f"{start.year - 1}.{rng.randint(1, 3)}",
        },
        "opleiding": opleiding.naam,
        "competenties": competenties,
        "status": "afgerond" if einde < _TODAY else "actief",
    }
    start_codes = rng.sample(codes[:12], rng.choice((0, 1, 2, 2, 3, 4)))
    if start_codes:
        plan["startcompetenties"] = sorted(start_codes, key=codes.index)
    movable = [c for c in competenties if c["leerplaats"] in ("school", "werkplek")]
    verplaatst = []
    for c in rng.sample(movable, min(len(movable), rng.choice((0, 0, 0, 1, 1, 2, 3)))):
        naar = c["leerplaats"]
        van = "werkplek" if naar == "school" else "school"
        move: dict[str, Any] = {"code": c["code"], "van": van, "naar": naar}
        if not flags["reden_ontbreekt"]:
            move["reden"] = rng.choice(_REDENEN_VERPLAATST)
        flags["reden_ontbreekt"] = False
        verplaatst.append(move)
    if verplaatst:
        plan["verplaatst"] = verplaatst
    if n_extra:
        plan["toegevoegd"] = [
            {"code": code, "reden": rng.choice(_REDENEN_TOEGEVOEGD)} for code in codes[-n_extra:]
        ]
    if dropped:
        plan["weggelaten"] = [
            {"code": f"{opleiding.prefix}-{k:03d}", "reden": rng.choice(_REDENEN_WEGGELATEN)}
            for k in sorted(dropped)
        ]
    return plan, competenties


# --- follow-up conversations -----------------------------------------------------------

# Approximate Flemish school holidays as ((month, day), (month, day)), first and last day.
_VAKANTIES = (((10, 25), (11, 9)), ((12, 20), (1, 5)), ((2, 21), (3, 8)), ((4, 2), (4, 19)))


def _in_vakantie(day: dt.date) -> bool:
    here = (day.month, day.day)
    for first, last in _VAKANTIES:
        if (first <= here <= last) if first <= last else (here >= first or here <= last):
            return True
    return False


def _gespreksdata(rng: random.Random, start: dt.date, einde: dt.date) -> list[dt.date]:
    """About six days a school year, evenly spread from mid-September to late June."""
    days: list[dt.date] = []
    for jaar in range(start.year if start.month >= 9 else start.year - 1, einde.year):
        first = dt.date(jaar, 9, 16)
        span = (dt.date(jaar + 1, 6, 24) - first).days
        count = rng.choice((5, 6, 6, 7))
        for k in range(count):
            datum = first + dt.timedelta(days=span * k // (count - 1) + rng.randint(-4, 4))
            while _in_vakantie(datum):
                datum += dt.timedelta(days=-7 if k % 2 else 7)
            datum = _on_weekday(datum)
            if start + dt.timedelta(days=10) <= datum <= einde:
                days.append(datum)
    return days


def _observaties(
    rng: random.Random,
    datum: dt.date,
    start: dt.date,
    candidates: list[dict[str, Any]],
    niveaus: dict[str, int],
    hoogste: int,
    zelf: set[str],
) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = []
    for c in candidates:
        code = c["code"]
        current = niveaus.get(code)
        niveau = (
            rng.choice((1, 2, 2)) if current is None else min(hoogste, current + rng.randint(0, 1))
        )
        niveaus[code] = niveau
        plaats = c["leerplaats"]
        if plaats == "school":
            beoordelaar = "vakleerkracht"
        elif plaats == "werkplek":
            beoordelaar = "mentor" if rng.random() < 0.9 else "trajectbegeleider"
        elif plaats == "beide":
            beoordelaar = rng.choice(("mentor", "vakleerkracht"))
        else:
            beoordelaar = "trajectbegeleider"
        o: dict[str, Any] = {"competentie": code, "niveau": niveau, "beoordelaar": beoordelaar}
        if beoordelaar == "vakleerkracht" or rng.random() < 0.4:
            earlier = _on_weekday(datum - dt.timedelta(days=rng.randint(0, 12)), back=True)
            o["datum"] = max(earlier, start).isoformat()
        if rng.random() < 0.3:
            o["toelichting"] = rng.choice(_TOELICHTINGEN)
        if rng.random() < 0.1:
            o["bewijs"] = [rng.choice(("werkbon", "foto's van de uitvoering", "toets", "logboek"))]
        if beoordelaar != "lerende" and niveau >= 3 and rng.random() < 0.02:
            o["vastgesteld"] = True
        result.append(o)
        if code in zelf:  # the learner's self-assessment beside it
            result.append(
                {
                    "competentie": code,
                    "niveau": max(1, min(hoogste, niveau + rng.choice((-1, 0, 0, 1)))),
                    "beoordelaar": "lerende",
                }
            )
    return result


def _gesprekken(
    rng: random.Random,
    start: dt.date,
    einde: dt.date,
    competenties: list[dict[str, Any]],
    startcompetenties: set[str],
    namen: dict[str, Any],
    hoogste: int,
    flags: dict[str, bool],
) -> list[dict[str, Any]]:
    data = _gespreksdata(rng, start, einde)
    span = (einde - start).days
    codes = [c["code"] for c in competenties]
    te_leren = [c for c in competenties if c["code"] not in startcompetenties]
    niveaus: dict[str, int] = {}
    leerfocus: list[str] = []
    result: list[dict[str, Any]] = []
    g = -1
    while g + 1 < len(data):
        g += 1
        datum = data[g]
        volgend = data[g + 1] if g + 1 < len(data) else None
        roll = rng.random()
        plaats = "werkplek" if roll < 0.55 else "school" if roll < 0.8 else "online"
        deelnemers = [
            {"rol": "trajectbegeleider", "naam": namen["trajectbegeleider"]},
            {"rol": "mentor", "naam": namen["mentor"]},
            {"rol": "lerende"},
        ]
        if rng.random() < 0.25:
            deelnemers.append(
                {"rol": "vakleerkracht", "naam": rng.choice(namen["vakleerkrachten"])}
            )
        if rng.random() < 0.08 and namen["bedrijfscontacten"]:
            deelnemers.append(
                {"rol": "medewerker-bedrijf", "naam": rng.choice(namen["bedrijfscontacten"])}
            )
        if rng.random() < 0.03:
            deelnemers.append({"rol": "ouder"})
        agenda = [{"leidraad": "leervooruitgang", "item": "groei-en-niveau"}]
        for item in rng.sample(_AGENDA_ITEMS, rng.choice((0, 1, 1, 2))):
            punt: dict[str, Any] = {"leidraad": "leervooruitgang", "item": item}
            if datum < _TODAY and rng.random() < 0.3:
                punt["notitie"] = rng.choice(_AGENDA_NOTITIES)
            agenda.append(punt)
        if rng.random() < 0.5:
            agenda.append({"leidraad": "leervooruitgang", "item": "focus-volgende-periode"})
        gesprek: dict[str, Any] = {"datum": datum.isoformat(), "plaats": plaats}
        if datum >= _TODAY:
            gesprek.update(status="gepland", deelnemers=deelnemers, agenda=agenda)
            result.append(gesprek)
            continue
        if rng.random() < 0.02:
            # A cancelled conversation is held again a week or two later.
            opnieuw = _on_weekday(datum + dt.timedelta(days=rng.randint(5, 14)))
            if opnieuw <= einde and (volgend is None or opnieuw < volgend):
                data.insert(g + 1, opnieuw)
            gesprek.update(
                status="geannuleerd",
                deelnemers=deelnemers,
                verslag=rng.choice(
                    (
                        "Geannuleerd wegens ziekte van de mentor.",
                        "Geannuleerd: de lerende was afwezig.",
                        "Verplaatst op vraag van het bedrijf.",
                    )
                ),
            )
            result.append(gesprek)
            continue
        gesprek.update(status="gehouden", deelnemers=deelnemers, agenda=agenda)
        share = (datum - start).days / span
        low = max(0, round((share - 0.2) * len(te_leren)))
        high = max(low + 12, round((share + 0.08) * len(te_leren)))
        window = te_leren[low:high] if high <= len(te_leren) else te_leren[-12:]
        count = rng.randint(4, 12)  # ratings, self-assessments included
        zelf = min(count // 3, sum(rng.random() < 0.12 for _ in range(count)))
        chosen = [c for c in window if c["code"] in leerfocus]
        rest = [c for c in window if c["code"] not in leerfocus]
        chosen += rng.sample(rest, max(0, min(len(rest), count - zelf - len(chosen))))
        chosen = chosen[: count - zelf]
        chosen.sort(key=lambda c: codes.index(c["code"]))
        zelf_codes = {c["code"] for c in rng.sample(chosen, min(zelf, len(chosen)))}
        if flags["zonder_observaties"]:
            flags["zonder_observaties"] = False
        else:
            gesprek["observaties"] = _observaties(
                rng, datum, start, chosen, niveaus, hoogste, zelf_codes
            )
        if chosen:
            gesprek["feedback_technisch"] = [
                {
                    "tekst": rng.choice(_FEEDBACK_TECHNISCH),
                    "door": rng.choice(("mentor", "mentor", "vakleerkracht", "trajectbegeleider")),
                    "competenties": [rng.choice(chosen)["code"]],
                }
                for _ in range(rng.choice((1, 1, 2)))
            ]
        gesprek["feedback_attitude"] = [
            {
                "tekst": rng.choice(_FEEDBACK_ATTITUDE),
                "door": rng.choice(("mentor", "trajectbegeleider")),
            }
        ]
        upcoming = te_leren[max(0, high - 4) : high + 8]
        if upcoming and rng.random() < 0.85:
            leerfocus = [
                c["code"] for c in rng.sample(upcoming, min(len(upcoming), rng.randint(2, 4)))
            ]
            focus: dict[str, Any] = {
                "competenties": leerfocus,
                "omschrijving": rng.choice(_LEERFOCUS),
            }
            if volgend is not None:
                focus["tot"] = volgend.isoformat()
            gesprek["leerfocus"] = focus
        acties = []
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            eigenaar = rng.choice(
                (
                    f"{namen['mentor']} (mentor)",
                    f"{namen['trajectbegeleider']} (trajectbegeleider)",
                    "lerende",
                )
            )
            verval = _on_weekday(datum + dt.timedelta(days=rng.randint(7, 40)))
            actie: dict[str, Any] = {
                "omschrijving": rng.choice(_ACTIES),
                "eigenaar": eigenaar,
                "vervaldatum": verval.isoformat(),
            }
            if verval < _TODAY and rng.random() < 0.85:
                done = datum + dt.timedelta(days=rng.randint(1, (verval - datum).days + 3))
                actie["afgerond"] = min(done, _TODAY - dt.timedelta(days=1)).isoformat()
            acties.append(actie)
        if acties:
            gesprek["acties"] = acties
        if upcoming and rng.random() < 0.2:
            gesprek["extra_leerkansen"] = [
                {
                    "omschrijving": rng.choice(
                        (
                            "Meelopen met een andere ploeg op een grotere werf.",
                            "Een dag meedraaien in een andere afdeling van het bedrijf.",
                            "Een demonstratie bij een leverancier bijwonen.",
                        )
                    ),
                    "competenties": [rng.choice(upcoming)["code"]],
                }
            ]
        werkplek = [c for c in window if c["leerplaats"] == "werkplek"]
        if werkplek and rng.random() < 0.02:
            gesprek["niet_aanleerbaar"] = [
                {
                    "competentie": rng.choice(werkplek)["code"],
                    "waar": "werkplek",
                    "reden": "Het bedrijf voert dit werk niet meer uit.",
                    "naar": "school",
                }
            ]
        if rng.random() < 0.3:
            gesprek["verslag"] = rng.choice(
                (
                    "Goed gesprek; de lerende is tevreden over de werkplek.",
                    "De mentor vraagt meer informatie over de planning op school.",
                    "Afgesproken om de volgende keer op school samen te komen.",
                    "De lerende kreeg een compliment van een klant.",
                )
            )
        result.append(gesprek)
    return result


# --- the traject -----------------------------------------------------------------------


def _weekpatroon(
    rng: random.Random, soort: str, flags: dict[str, bool]
) -> tuple[dict[str, Any], float]:
    dagen = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag")
    per_dag = rng.choice((7.6, 7.6, 7.6, 8.0))
    werkdagen = 2 if soort == "sao" or flags["oao_uren"] else rng.choice((3, 3, 3, 4))
    werkplek = set(rng.sample(dagen, werkdagen))
    split = rng.choice([d for d in dagen if d not in werkplek]) if rng.random() < 0.15 else None
    blokken: list[dict[str, Any]] = []
    for dag in dagen:
        if dag == split:
            half = round(per_dag / 2, 1)
            blokken.append({"dag": dag, "plaats": "school", "uren": half})
            blokken.append({"dag": dag, "plaats": "werkplek", "uren": round(per_dag - half, 1)})
        else:
            blokken.append(
                {"dag": dag, "plaats": "werkplek" if dag in werkplek else "school", "uren": per_dag}
            )
    return {"dagen": blokken}, per_dag * 5


def _flags(rng: random.Random) -> dict[str, bool]:
    """The slips of one document: each on with its own small chance."""
    chances = {
        "late_start": 0.015,
        "late_handtekening": 0.03,
        "erkenning_kort": 0.1,
        "mentoropleiding_ontbreekt": 0.04,
        "uittreksel_oud": 0.01,
        "uittreksel_ontbreekt": 0.02,
        "ervaring_ontbreekt": 0.02,
        "oao_uren": 0.01,
        "reden_ontbreekt": 0.03,
        "termijn_voor_vereiste": 0.02,
        "zonder_observaties": 0.01,
        "geen_contact": 0.01,
    }
    return {name: rng.random() < chance for name, chance in chances.items()}


def traject_data(index: int, seed: int = 2026) -> dict[str, Any]:
    """The plain data of one synthetic traject document.

    The data is what `duaal_leren.load` reads after parsing: dicts, lists, text, numbers and
    dates as ISO text, with the ``schema`` key first. It depends on ``index`` and ``seed``
    only, so any document of a corpus can be made again on its own, in any process.

    Args:
        index: The number of the document in the corpus (files count from 1).
        seed: The corpus's seed.

    Returns:
        The document's data, ready for `json.dumps` or `yaml.dump`.
    """
    rng = random.Random(f"duaal-leren-corpus:{seed}:{index}")  # noqa: S311 - synthetic data, no secret
    flags = _flags(rng)
    people = _People(rng)
    opleiding = rng.choice(_OPLEIDINGEN)
    jaar = rng.choice((2023, 2024, 2025))

    start = _on_weekday(dt.date(jaar, 9, 1))
    if flags["late_start"]:
        start = _on_weekday(dt.date(jaar, 11, rng.randint(12, 28)))
    elif rng.random() < 0.15:
        start = _on_weekday(start + dt.timedelta(days=rng.randint(3, 45)))
    einde = dt.date(jaar + 3, 6, 30)
    roll = rng.random()
    soort = "oao" if roll < 0.9 else "sao" if roll < 0.97 else "deeltijdse-arbeidsovereenkomst"
    weekpatroon, uren = _weekpatroon(rng, soort, flags)

    # School.
    begeleider = _persoon(rng, people, "trajectbegeleider")
    if flags["geen_contact"]:
        begeleider["contact"] = {"bereikbaarheid": "via het secretariaat van de school"}
    school: dict[str, Any] = {
        "naam": f"{rng.choice(_SCHOOLSOORTEN)} {rng.choice(_SCHOOLNAMEN)} (fictief)",
        "trajectbegeleider": begeleider,
        "instellingsnummer": f"99{rng.randint(0, 9999):04d}",
    }
    if rng.random() < 0.6:
        school["contactpersoon"] = _persoon(rng, people, "coördinator duaal leren")
    vakgebied = opleiding.clusters[rng.randrange(1, len(opleiding.clusters) - 1)][0].lower()
    school["vakleerkrachten"] = [
        _persoon(rng, people, f"vakleerkracht {vakgebied}") for _ in range(rng.randint(1, 3))
    ]

    # Workplace and mentor.
    eigenaar = rng.choice(_ACHTERNAMEN)
    postcode, gemeente = rng.choice(_GEMEENTEN)
    vanaf = start - dt.timedelta(
        days=rng.randint(500, 1400) if flags["erkenning_kort"] else rng.randint(20, 400)
    )
    erkenning: dict[str, Any] = {
        "opleiding": opleiding.naam,
        "geldig_tot": (_years_later(vanaf, 5) - dt.timedelta(days=1)).isoformat(),
        "geldig_vanaf": vanaf.isoformat(),
        "nummer": f"ERK-{rng.randint(0, 9_999_999):07d}",
    }
    werkplek: dict[str, Any] = {
        "onderneming": f"{opleiding.sector} {eigenaar} {rng.choice(_RECHTSVORMEN)}",
        "ondernemingsnummer": _kbo(rng),
        "vestiging": f"Vestiging {gemeente}",
        "adres": f"{rng.choice(_STRATEN)} {rng.randint(1, 180)}, {postcode} {gemeente}",
        "erkenningen": [erkenning],
    }
    mentornaam = people.naam()
    aanstelling = _on_weekday(start - dt.timedelta(days=rng.randint(0, 14)), back=True)
    mentor: dict[str, Any] = {
        "naam": mentornaam,
        "geboortedatum": (
            aanstelling - dt.timedelta(days=rng.randint(27 * 365, 60 * 365))
        ).isoformat(),
        "aanstelling": aanstelling.isoformat(),
    }
    if not flags["ervaring_ontbreekt"]:
        if rng.random() < 0.05:
            mentor["ervaring_jaren"] = rng.randint(2, 4)
            mentor["vrijstelling_ervaring"] = "Relevant diploma en EVC-attest."
        else:
            mentor["ervaring_jaren"] = rng.randint(5, 35)
    if not flags["uittreksel_ontbreekt"]:
        age = rng.randint(400, 700) if flags["uittreksel_oud"] else rng.randint(5, 250)
        mentor["uittreksel_strafregister"] = (aanstelling - dt.timedelta(days=age)).isoformat()
    if not flags["mentoropleiding_ontbreekt"]:
        if rng.random() < 0.45:
            opleiding_op = aanstelling - dt.timedelta(days=rng.randint(60, 3000))
        else:
            opleiding_op = max(vanaf, aanstelling) + dt.timedelta(days=rng.randint(30, 330))
        if opleiding_op < _TODAY:
            mentor["mentoropleiding"] = _on_weekday(opleiding_op).isoformat()
    mentor["contact"] = _contact(rng, mentornaam)
    bedrijfscontacten = [
        {
            "naam": people.naam(),
            "rol": rol,
            "contact": {"email": f"{rol.split()[0].lower()}@example.org"}
            if rng.random() < 0.5
            else {"telefoon": _gsm(rng)},
        }
        for rol in rng.sample(
            ("HR", "ploegbaas", "zaakvoerder", "preventieadviseur"), rng.randint(1, 3)
        )
    ]

    # Learner.
    lerende_naam = people.naam()
    lerende: dict[str, Any] = {
        "id": f"LRN-{jaar}-{index:06d}",
        "vooropleiding": rng.choice(
            (
                "2de graad techniek",
                "1ste graad B-stroom",
                "2de graad duaal",
                "aanloopfase",
            )
        ),
    }
    if rng.random() < 0.8:
        lerende["motivatie"] = rng.choice(
            (
                "Leert het liefst door te doen, naast vakmensen.",
                "Wil snel aan het werk en later een eigen zaak beginnen.",
                "Werkt graag met de handen.",
                "Kent het bedrijf van een vakantiejob.",
            )
        )
    if rng.random() < 0.9:
        geboren = start - dt.timedelta(days=rng.randint(15 * 365 + 4, 18 * 365))
        lerende["persoonsgegevens"] = {
            "naam": lerende_naam,
            "geboortedatum": geboren.isoformat(),
            "contact": {"email": _email(lerende_naam), "telefoon": _gsm(rng)},
            "adres": _adres(rng),
        }
    if rng.random() < 0.6:
        lerende["screening"] = {
            "datum": _on_weekday(start - dt.timedelta(days=rng.randint(60, 100))).isoformat(),
            "advies": rng.choice(("arbeidsrijp", "arbeidsrijp", "arbeidsbereid")),
            "sterktes": rng.sample(
                ("nauwkeurig", "leergierig", "sociaal", "handig", "stipt", "zelfstandig"), 2
            ),
            "aandachtspunten": rng.sample(
                ("stiptheid 's morgens", "schriftelijke taal", "vragen durven stellen", "tempo"), 1
            ),
        }
    if rng.random() < 0.2:
        lerende["ondersteuning"] = {
            "noden": [
                rng.choice(("extra tijd bij schriftelijke opdrachten", "duidelijke structuur"))
            ],
            "afspraken": [rng.choice(("voorleessoftware op school", "een vaste weekplanning"))],
        }

    # Plan and conversations.
    plan, competenties = _plan(rng, opleiding, start, einde, flags)
    getekend = _on_weekday(start - dt.timedelta(days=rng.randint(2, 12)), back=True)
    if flags["late_handtekening"]:
        getekend = _on_weekday(start + dt.timedelta(days=rng.randint(3, 20)))
    plan["handtekeningen"] = [
        {"partij": "school", "datum": getekend.isoformat(), "naam": begeleider["naam"]},
        {"partij": "onderneming", "datum": getekend.isoformat(), "naam": mentornaam},
        {"partij": "lerende", "datum": getekend.isoformat(), "naam": lerende_naam},
    ]
    schaal: dict[str, Any] | None = None
    hoogste = 4
    roll = rng.random()
    if roll < 0.03:
        hoogste = 5
        labels: tuple[str, ...] = (
            "kan het niet", "met veel hulp", "met hulp", "zelfstandig", "kan het anderen leren",
        )  # fmt: skip
        schaal = {
            "naam": "Beheersingsschaal in vijf niveaus",
            "bron": "Eigen schaal van de school",
            "drempel": 4,
            "niveaus": [{"waarde": w, "label": label} for w, label in enumerate(labels, 1)],
        }
    elif roll < 0.1:
        labels = (
            "beheerst onvoldoende", "kan het onder begeleiding", "beheerst voldoende",
            "kan het zelfstandig",
        )  # fmt: skip
        schaal = {
            "naam": "Beheersingsschaal in vier niveaus",
            "drempel": 3,
            "niveaus": [{"waarde": w, "label": label} for w, label in enumerate(labels, 1)],
        }
    namen = {
        "trajectbegeleider": begeleider["naam"],
        "mentor": mentornaam,
        "vakleerkrachten": [p["naam"] for p in school["vakleerkrachten"]],
        "bedrijfscontacten": [p["naam"] for p in bedrijfscontacten],
    }
    gesprekken = _gesprekken(
        rng,
        start,
        einde,
        competenties,
        set(plan.get("startcompetenties", ())),
        namen,
        hoogste,
        flags,
    )
    roll = rng.random()
    weken = (
        None if roll < 0.5 else rng.choice((14, 15, 16)) if roll < 0.9 else rng.choice((8, 10, 12))
    )
    afspraken: dict[str, Any] = {
        "afwezigheid": rng.choice(
            (
                "Voor 8u bellen naar de mentor en een mail sturen naar de trajectbegeleider.",
                "Voor 7u30 de mentor bellen en de school mailen.",
            )
        ),
        "veiligheid": "Werkkledij en veiligheidsschoenen van het bedrijf; onthaal met "
        "veiligheidsinstructie op de eerste dag.",
        "overige": [
            {"onderwerp": onderwerp, "afspraak": afspraak}
            for onderwerp, afspraak in rng.sample(
                (
                    ("werkuren", "7u30-16u, vrijdag tot 12u"),
                    ("vervoer", "De lerende komt met de fiets of het openbaar vervoer."),
                    ("kledij", "Werkkledij wordt door het bedrijf gewassen."),
                    ("middagpauze", "Een half uur, samen met de ploeg."),
                ),
                rng.randint(1, 3),
            )
        ],
    }
    if weken is not None:
        afspraken["opvolging_weken"] = weken

    data: dict[str, Any] = {
        "schema": SCHEMA,
        "id": f"TRJ-{jaar}-{index:06d}",
        "lerende": lerende,
        "school": school,
        "werkplek": werkplek,
        "overeenkomst": {
            "soort": soort,
            "start": start.isoformat(),
            "einde": einde.isoformat(),
            "uren_per_week": round(uren),
        },
        "opleidingsplan": plan,
        "mentor": mentor,
        "weekpatroon": weekpatroon,
        "bedrijfscontacten": bedrijfscontacten,
        "afspraken": afspraken,
        "opvolgingsgesprekken": gesprekken,
    }
    if schaal is not None:
        data["beheersingsschaal"] = schaal
    return data


# --- writing ---------------------------------------------------------------------------


class _Dumper(yaml.CSafeDumper):
    """CSafeDumper that never writes anchors and aliases (the library refuses them)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(data: dict[str, Any], format: str) -> bytes:
    if format == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = yaml.dump(
            data,
            Dumper=_Dumper,
            sort_keys=False,
            allow_unicode=True,
            default_flow_style=False,
            width=100,
        )
    return text.encode("utf-8")


def _name(index: int, format: str) -> str:
    return f"traject-{index:06d}.{format}"


def _write_whole(path: Path, content: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(content)
    os.replace(temporary, path)


def _write_chunk(task: tuple[str, int, int, int, tuple[str, ...]]) -> dict[str, int]:
    directory, first, last, seed, formats = task
    sizes = dict.fromkeys(formats, 0)
    for index in range(first, last):
        data = traject_data(index, seed)
        for format in formats:
            content = _dump(data, format)
            _write_whole(Path(directory, format, _name(index, format)), content)
            sizes[format] += len(content)
    return sizes


@dataclass(frozen=True)
class Corpus:
    """A corpus written by `write_corpus`.

    Attributes:
        directory: The directory with one subdirectory per format and ``manifest.json``.
        n: The number of documents.
        seed: The seed they were made with.
    """

    directory: Path
    n: int
    seed: int

    def files(self, format: str) -> list[Path]:
        """The corpus's files of one format, ``traject-000001`` first.

        Args:
            format: ``json`` or ``yaml``.
        """
        if format not in FORMATS:
            raise ValueError(f"unknown format {format!r}; choose from {', '.join(FORMATS)}")
        folder = self.directory / format
        return [folder / _name(index, format) for index in range(1, self.n + 1)]

    @property
    def manifest(self) -> dict[str, Any]:
        """The contents of ``manifest.json``."""
        manifest: dict[str, Any] = json.loads((self.directory / MANIFEST).read_text("utf-8"))
        return manifest


def _cached(directory: Path, n: int, seed: int, formats: Sequence[str]) -> bool:
    try:
        manifest = json.loads((directory / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and (
        manifest.get("n") == n
        and manifest.get("seed") == seed
        and manifest.get("generator_version") == GENERATOR_VERSION
        and manifest.get("formats") == list(formats)
    )


def write_corpus(
    directory: Path,
    n: int = 20_000,
    seed: int = 2026,
    *,
    formats: Sequence[str] = FORMATS,
    workers: int | None = None,
) -> Corpus:
    """Write a corpus of ``n`` traject documents, or reuse the one already there.

    Document ``i`` (from 1 to ``n``) is ``traject_data(i, seed)``, written as
    ``directory/json/traject-00000i.json`` and ``directory/yaml/traject-00000i.yaml``. Each
    file is written under a temporary name and renamed, so that no half file ever carries a
    final name. ``manifest.json`` is written last; when it already records the same ``n``,
    ``seed``, generator version and formats, nothing is written again. Otherwise the old
    manifest is removed first, so that an interrupted run is redone in full.

    Args:
        directory: Where to write; created when missing.
        n: The number of documents.
        seed: The seed of the corpus.
        formats: The formats to write: ``json``, ``yaml`` or both.
        workers: The number of worker processes; by default one per CPU.

    Returns:
        The corpus.

    Raises:
        ValueError: ``n`` is below 1 or a format is unknown.
    """
    directory = Path(directory)
    formats = tuple(formats)
    if n < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ValueError(f"unknown formats {unknown}; choose from {', '.join(FORMATS)}")
    corpus = Corpus(directory, n, seed)
    if _cached(directory, n, seed, formats):
        return corpus
    directory.mkdir(parents=True, exist_ok=True)
    (directory / MANIFEST).unlink(missing_ok=True)
    for format in formats:
        folder = directory / format
        folder.mkdir(exist_ok=True)
        wanted = {_name(index, format) for index in range(1, n + 1)}
        for stale in folder.iterdir():
            if stale.name not in wanted:  # left by a larger corpus or an interrupted run
                stale.unlink()
    tasks = [
        (str(directory), first, min(first + _CHUNK, n + 1), seed, formats)
        for first in range(1, n + 1, _CHUNK)
    ]
    sizes = dict.fromkeys(formats, 0)
    started = time.perf_counter()
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(tasks) == 1:
        results = map(_write_chunk, tasks)
        for result in results:
            for format, size in result.items():
                sizes[format] += size
    else:
        with multiprocessing.Pool(min(workers, len(tasks))) as pool:
            for result in pool.imap_unordered(_write_chunk, tasks):
                for format, size in result.items():
                    sizes[format] += size
    manifest = {
        "n": n,
        "seed": seed,
        "generator_version": GENERATOR_VERSION,
        "formats": list(formats),
        "today": TODAY,
        "bytes": sizes,
        "seconds": round(time.perf_counter() - started, 2),
    }
    _write_whole(directory / MANIFEST, (json.dumps(manifest, indent=2) + "\n").encode("utf-8"))
    return corpus


def _at_least(low: int) -> Callable[[str], int]:
    """An argparse type: a whole number not below ``low``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}, not {value}")
        return value

    return parse


def main(argv: Sequence[str] | None = None) -> int:
    """Write a corpus from the command line and print where, how many and how large.

    Args:
        argv: The arguments; by default those of the process.

    Returns:
        The exit status.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=_at_least(1), default=20_000, help="number of documents")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the corpus")
    parser.add_argument("--out", type=Path, required=True, help="directory to write to")
    parser.add_argument(
        "--formats", nargs="+", choices=FORMATS, default=list(FORMATS), help="formats to write"
    )
    parser.add_argument("--workers", type=_at_least(1), default=None, help="worker processes")
    args = parser.parse_args(argv)
    cached = _cached(args.out, args.n, args.seed, tuple(args.formats))
    started = time.perf_counter()
    try:
        corpus = write_corpus(
            args.out, args.n, args.seed, formats=args.formats, workers=args.workers
        )
    except OSError as exc:
        parser.exit(2, f"{parser.prog}: cannot write the corpus to {args.out}: {exc.strerror}\n")
    elapsed = time.perf_counter() - started
    manifest = corpus.manifest
    print(f"directory: {corpus.directory}")
    print(f"documents: {corpus.n} (seed {corpus.seed}, generator version {GENERATOR_VERSION})")
    for format, size in manifest["bytes"].items():
        print(f"{format}: {size / 1e6:.1f} MB, {size / corpus.n / 1e3:.1f} kB per document")
    print(f"time: {elapsed:.2f} s" + (" (cached: nothing written)" if cached else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
