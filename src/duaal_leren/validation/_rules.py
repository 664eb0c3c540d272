"""The built-in rules, each next to its source.

Rules from the law or official guidance (or several agreeing sources) are errors; rules
that the sources only suggest are warnings. The library's own consistency rules are errors
only where a document contradicts itself (a reference that does not resolve, a duplicate
code, a prerequisite cycle) and warnings otherwise. Every severity can be changed per run.
Each rule runs in time linear, or near-linear, in the size of the document.

References:
    R-ALLOC: onderwijs.vlaanderen.be "1 standaardtraject per opleiding";
        scanjeschoolvoorduaal.be question 01-5.
    R-IOP: scanjeschoolvoorduaal.be 01-5; "Wat bespreek ik omtrent de leervooruitgang?".
    R-SIGN: maakjebedrijfduaal-bxl.be "een contract afsluiten"; commercetraining.be.
    R-OAO: Decreet 10-06-2016 betreffende alternerende opleidingen, art. 3.
    R-MENTOR: syntravlaanderen.be; vlaanderen.be "leerlingen opleiden op de werkplek".
    R-ERKENNING: mtechplus.be; commercetraining.be.
    R-LEARNER: vlaanderen.be/duaal-leren; abvv-jongeren.be.
    R-ORDER: library rule; Leidraad opstartgesprek voor leerwerkplekken (2023),
        "Het opleidingsplan".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pendulum

from duaal_leren.competentie import Leerplaats
from duaal_leren.opleidingsplan import (
    IndividueelOpleidingsplan,
    Partij,
    Planstatus,
    Toevoeging,
    Verplaatsing,
    Weglating,
)
from duaal_leren.traject import Contact, Overeenkomstsoort, Traject
from duaal_leren.validation._engine import RULES, Context, Hit, Severity

if TYPE_CHECKING:
    from duaal_leren.kalender import Schooljaar

__all__: list[str] = []

_ALLOC = "R-ALLOC: onderwijs.vlaanderen.be '1 standaardtraject per opleiding'; scanjeschoolvoorduaal.be 01-5"
_IOP = "R-IOP: scanjeschoolvoorduaal.be 01-5; 'Wat bespreek ik omtrent de leervooruitgang?'"
_SIGN = "R-SIGN: maakjebedrijfduaal-bxl.be 'een contract afsluiten'; commercetraining.be"
_OAO = "R-OAO: Decreet 10-06-2016 betreffende alternerende opleidingen, art. 3; vlaanderen.be 'overeenkomsten'"
_MENTOR = "R-MENTOR: syntravlaanderen.be; vlaanderen.be 'leerlingen opleiden op de werkplek'"
_ERKENNING = (
    "R-ERKENNING: mtechplus.be; commercetraining.be (erkenning per opleiding en vestiging, 5 jaar)"
)
_LEARNER = "R-LEARNER: vlaanderen.be/duaal-leren; abvv-jongeren.be"
_ORDER = "R-ORDER: library consistency rule; Leidraad opstartgesprek (2023), 'Het opleidingsplan'"
_REFS = "Library consistency rule: references within one document must resolve"
_ROLES = "R-MENTOR (a mentor for every learner); R-CONTACT: scanjeschoolvoorduaal.be 02-3; Leidraad opstartgesprek (2023), 'Contactpersoon'"


_KALENDER = (
    "Library rule: the Flemish school calendar (BVR 31-08-2001 art. 7) is known for the "
    "school years whose school holidays the 'holidays' package holds"
)
_EERSTE_DAG = pendulum.Date(1, 1, 1)
_LAATSTE_DAG = pendulum.Date(9999, 12, 31)


def _years_later(day: pendulum.Date, years: int) -> pendulum.Date:
    """The day so many years later (earlier, for negative years), held within the dates.

    A deadline after 31 December 9999 is never reached, and a limit before 1 January 1
    never undershot: held at those days, it compares with every date as the real one would.
    """
    try:
        return day.add(years=years)
    except (ValueError, OverflowError):
        return _LAATSTE_DAG if years > 0 else _EERSTE_DAG


def _in_kalender(jaar: Schooljaar) -> bool:
    # Imported here: validating a plan needs no calendar, and importing it costs time.
    from duaal_leren.kalender import EERSTE_SCHOOLJAAR, LAATSTE_SCHOOLJAAR

    return EERSTE_SCHOOLJAAR <= jaar <= LAATSTE_SCHOOLJAAR


def _kalenderjaren(traject: Traject) -> Iterator[Schooljaar]:
    """The school years of the contract that the school calendar knows.

    The rules that need the calendar check only these; `overeenkomst-kalender` reports the
    others.
    """
    from duaal_leren.werkdagen import schooljaren

    return (jaar for jaar in schooljaren(traject) if _in_kalender(jaar))


def _age(born: pendulum.Date, on: pendulum.Date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _signed(plan: IndividueelOpleidingsplan) -> bool:
    return plan.status is not Planstatus.ONTWERP or bool(plan.handtekeningen)


# --- allocation (R-ALLOC) -------------------------------------------------------------


@RULES.rule(
    "alloc-niet-gedekt",
    titel_en="Every competence is covered by school, workplace, both or an outside provider",
    titel="Elke competentie wordt aangeleerd door school, werkplek, beide of een externe aanbieder",
    severity="error",
    source=_ALLOC,
    target="plan",
    fix="Find who can teach the competence (school, workplace or an outside provider) and "
    "set its leerplaats; or move it in the individual plan with a reason.",
)
def alloc_niet_gedekt(ctx: Context) -> Iterator[Hit]:
    """A competence marked ``niet-gedekt`` has nobody to teach it.

    In a signed or active individual plan this is an error; in a draft or a standard plan
    it is a warning, so that a provider can still be found.
    """
    plan = ctx.checked_plan()
    signed = isinstance(plan, IndividueelOpleidingsplan) and _signed(plan)
    level = None if signed else Severity.WARNING
    for i, c in enumerate(plan.competenties):
        if c.leerplaats is Leerplaats.NIET_GEDEKT:
            yield Hit(
                ctx.competentie_path(i, "leerplaats"),
                f"competentie {c.code} is door niemand gedekt; zoek een leerplaats of externe aanbieder",
                f"competence {c.code} is not covered by anyone; find a leerplaats or outside provider",
                level,
            )


@RULES.rule(
    "alloc-extern-aanbieder",
    titel_en="A competence covered by an outside provider names the provider",
    titel="Een competentie bij een externe aanbieder noemt die aanbieder",
    severity="warning",
    source=_ALLOC,
    target="plan",
    fix="Fill in externe_aanbieder, or choose another leerplaats.",
)
def alloc_extern_aanbieder(ctx: Context) -> Iterator[Hit]:
    """A competence with leerplaats ``extern`` should say which provider covers it.

    R-ALLOC asks that goals nobody at school or work can cover are flagged so that an
    outside provider is found; a plan that relies on one without naming it cannot be
    followed up, hence a warning.
    """
    plan = ctx.checked_plan()
    for i, c in enumerate(plan.competenties):
        if c.leerplaats is Leerplaats.EXTERN and c.externe_aanbieder is None:
            yield Hit(
                ctx.competentie_path(i, "externe_aanbieder"),
                f"competentie {c.code} wordt extern aangeleerd, maar de aanbieder ontbreekt",
                f"competence {c.code} is covered by an outside provider, but the provider is missing",
            )
        elif c.externe_aanbieder is not None and c.leerplaats is not Leerplaats.EXTERN:
            yield Hit(
                ctx.competentie_path(i, "externe_aanbieder"),
                f"competentie {c.code} noemt een externe aanbieder, maar de leerplaats is {c.leerplaats.value}",
                f"competence {c.code} names an outside provider, but its leerplaats is {c.leerplaats.value}",
            )


_WHO = {
    Leerplaats.SCHOOL: {Leerplaats.SCHOOL},
    Leerplaats.WERKPLEK: {Leerplaats.WERKPLEK},
    Leerplaats.BEIDE: {Leerplaats.SCHOOL, Leerplaats.WERKPLEK, Leerplaats.BEIDE},
    Leerplaats.EXTERN: {Leerplaats.EXTERN},
    Leerplaats.NIET_GEDEKT: set(),
}


@RULES.rule(
    "alloc-verdeling",
    titel_en="Who introduces and who practises a competence fits its leerplaats",
    titel="Wie een competentie aanbrengt en inoefent, past bij de leerplaats",
    severity="warning",
    source=_ALLOC,
    target="plan",
    fix="Make aanbreng and inoefening name a place where the competence is learned, or "
    "change the leerplaats to 'beide'.",
)
def alloc_verdeling(ctx: Context) -> Iterator[Hit]:
    """Aanbreng and inoefening must lie within the leerplaats.

    A competence learned only at school cannot be practised at the workplace according to
    the same plan; when both take part, the leerplaats is ``beide``.
    """
    plan = ctx.checked_plan()
    for i, c in enumerate(plan.competenties):
        allowed = _WHO[c.leerplaats]
        for field, who in (("aanbreng", c.aanbreng), ("inoefening", c.inoefening)):
            if who is not None and who not in allowed:
                yield Hit(
                    ctx.competentie_path(i, field),
                    f"{field} {who.value} past niet bij leerplaats {c.leerplaats.value} van {c.code}",
                    f"{field} {who.value} does not fit leerplaats {c.leerplaats.value} of {c.code}",
                )


# --- codes and references --------------------------------------------------------------


@RULES.rule(
    "code-uniek",
    titel_en="Competence codes are unique within a plan",
    titel="De codes van de competenties zijn uniek binnen een plan",
    severity="error",
    source=_REFS,
    target="plan",
    fix="Give each competence its own code, or merge the duplicates.",
)
def code_uniek(ctx: Context) -> Iterator[Hit]:
    """Two competences with the same code make every reference to it ambiguous.

    Reported at the second (and every later) one; the message names the competence by its
    code and the first one by its path, counted from 0 like the finding's own path.
    """
    plan = ctx.checked_plan()
    for i, c in enumerate(plan.competenties):
        first = ctx.index[c.code]
        if first != i:
            where = ctx.competentie_path(first)
            yield Hit(
                ctx.competentie_path(i, "code"),
                f"competentie {c.code} staat twee keer in het plan; de eerste keer op {where}",
                f"competence {c.code} appears twice in the plan; the first time at {where}",
            )


def _unknown(ctx: Context, code: str, path: str, what: str, what_en: str) -> Hit:
    return Hit(
        path,
        f"{what} {code} bestaat niet in het plan",
        f"{what_en} {code} does not exist in the plan",
    )


@RULES.rule(
    "verwijzing-onbekend",
    titel_en="Every reference to a competence points to one in the plan",
    titel="Elke verwijzing naar een competentie wijst naar een competentie van het plan",
    severity="error",
    source=_REFS,
    target="plan",
    fix="Correct the code, or add the competence to the plan.",
)
def verwijzing_onbekend(ctx: Context) -> Iterator[Hit]:
    """Prerequisites, startcompetenties, moved and added competences name existing codes."""
    plan = ctx.checked_plan()
    index = ctx.index
    for i, c in enumerate(plan.competenties):
        for j, code in enumerate(c.vereisten):
            if code not in index:
                yield _unknown(
                    ctx,
                    code,
                    f"{ctx.competentie_path(i, 'vereisten')}[{j}]",
                    "vereiste",
                    "prerequisite",
                )
    if not isinstance(plan, IndividueelOpleidingsplan):
        return
    base = ctx.plan_path
    for j, code in enumerate(plan.startcompetenties):
        if code not in index:
            yield _unknown(
                ctx, code, f"{base}.startcompetenties[{j}]", "startcompetentie", "startcompetentie"
            )
    for j, move in enumerate(plan.verplaatst):
        if move.code not in index:
            yield _unknown(
                ctx,
                move.code,
                f"{base}.verplaatst[{j}].code",
                "verplaatste competentie",
                "moved competence",
            )
    for j, extra in enumerate(plan.toegevoegd):
        if extra.code not in index:
            yield _unknown(
                ctx,
                extra.code,
                f"{base}.toegevoegd[{j}].code",
                "toegevoegde competentie",
                "added competence",
            )


@RULES.rule(
    "vereisten-cyclus",
    titel_en="Prerequisites form no cycle",
    titel="De vereisten vormen geen kring",
    severity="error",
    source=_ORDER,
    target="plan",
    fix="Remove one prerequisite of the cycle: a competence cannot (indirectly) require itself.",
)
def vereisten_cyclus(ctx: Context) -> Iterator[Hit]:
    """A competence that (indirectly) requires itself can never be started.

    The finding names the whole cycle, as ``A -> B -> C -> A``; each cycle is reported once.
    """
    plan = ctx.checked_plan()
    competenties = plan.competenties
    index = ctx.index
    graph = [[index[r] for r in c.vereisten if r in index] for c in competenties]
    for component in _cycles(graph):
        cycle = _cycle_in(component, graph)
        names = " -> ".join(competenties[k].code for k in [*cycle, cycle[0]])
        first = cycle[0]
        yield Hit(
            ctx.competentie_path(first, "vereisten"),
            f"de vereisten vormen een kring: {names}",
            f"the prerequisites form a cycle: {names}",
        )


def _acyclic(graph: list[list[int]]) -> bool:
    """Whether a graph has no cycle: every node can be taken away once nothing needs it.

    Kahn's algorithm, linear time; lighter than finding the components, which only a plan
    with a cycle needs.
    """
    needed = [0] * len(graph)
    for edges in graph:
        for target in edges:
            needed[target] += 1
    free = [node for node, count in enumerate(needed) if not count]
    taken = 0
    while free:
        node = free.pop()
        taken += 1
        for target in graph[node]:
            needed[target] -= 1
            if not needed[target]:
                free.append(target)
    return taken == len(graph)


def _cycles(graph: list[list[int]]) -> list[list[int]]:
    """Strongly connected components that hold a cycle (Tarjan, iterative: linear time)."""
    if _acyclic(graph):
        return []
    n = len(graph)
    order = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    stack: list[int] = []
    result: list[list[int]] = []
    counter = 0
    for root in range(n):
        if order[root] != -1:
            continue
        work = [(root, 0)]
        order[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            node, edge = work[-1]
            if edge < len(graph[node]):
                work[-1] = (node, edge + 1)
                nxt = graph[node][edge]
                if order[nxt] == -1:
                    order[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack[nxt] = True
                    work.append((nxt, 0))
                elif on_stack[nxt]:
                    low[node] = min(low[node], order[nxt])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == order[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack[member] = False
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph[node]:
                    result.append(sorted(component))
    result.sort()
    return result


def _cycle_in(component: list[int], graph: list[list[int]]) -> list[int]:
    """One simple cycle through the smallest node of a strongly connected component."""
    members = set(component)
    start = component[0]
    # Breadth-first search from start back to start within the component.
    parents: dict[int, int] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in graph[node]:
                if nxt not in members:
                    continue
                if nxt == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(parents[path[-1]])
                    return path[::-1]
                if nxt not in parents:
                    parents[nxt] = node
                    following.append(nxt)
        frontier = following
    return [start]  # pragma: no cover - a component with a cycle always closes


# --- deadlines -------------------------------------------------------------------------


@RULES.rule(
    "termijn-voor-vereiste",
    titel_en="A competence's termijn is not before the termijn of a prerequisite",
    titel="De termijn van een competentie valt niet voor die van een vereiste",
    severity="warning",
    source=_ORDER,
    target="plan",
    fix="Move the termijn of the competence after those of its prerequisites, or the "
    "prerequisites' termijnen earlier.",
)
def termijn_voor_vereiste(ctx: Context) -> Iterator[Hit]:
    """What a competence requires must be acquired before it."""
    plan = ctx.checked_plan()
    for i, c in enumerate(plan.competenties):
        if c.termijn is None:
            continue
        for code in c.vereisten:
            required = ctx.competentie(code)
            if (
                required is not None
                and required.termijn is not None
                and c.termijn < required.termijn
            ):
                yield Hit(
                    ctx.competentie_path(i, "termijn"),
                    f"termijn {c.termijn} van {c.code} valt voor termijn {required.termijn} "
                    f"van vereiste {code}",
                    f"termijn {c.termijn} of {c.code} falls before termijn {required.termijn} "
                    f"of prerequisite {code}",
                )


@RULES.rule(
    "termijn-buiten-overeenkomst",
    titel_en="Every termijn lies within the contract period",
    titel="Elke termijn valt binnen de periode van de overeenkomst",
    severity="warning",
    source=_ORDER,
    target="traject",
    fix="Set the termijn between the start and the end of the contract.",
)
def termijn_buiten_overeenkomst(ctx: Context) -> Iterator[Hit]:
    """A deadline outside the contract cannot be met within this traject."""
    traject = ctx.checked_traject()
    contract = traject.overeenkomst
    for i, c in enumerate(traject.opleidingsplan.competenties):
        if c.termijn is not None and not contract.start <= c.termijn <= contract.einde:
            yield Hit(
                f"$.opleidingsplan.competenties[{i}].termijn",
                f"termijn {c.termijn} van {c.code} ligt buiten de overeenkomst "
                f"({contract.start} tot {contract.einde})",
                f"termijn {c.termijn} of {c.code} lies outside the contract "
                f"({contract.start} to {contract.einde})",
            )


# --- individual plan against standard plan (R-IOP) -------------------------------------


@RULES.rule(
    "iop-standaard",
    titel_en="The individual plan covers every competence of its standard plan",
    titel="Het individuele plan bevat elke competentie van het standaardplan",
    severity="warning",
    source=_IOP,
    target="individueel",
    fix="Add the competence, list it as a startcompetentie, or leave it out explicitly "
    "under 'weggelaten' with a reason.",
)
def iop_standaard(ctx: Context) -> Iterator[Hit]:
    """Every standard competence is in the individual plan, a startcompetentie, or left out.

    The individual plan starts from the standard plan (R-IOP, H); a competence that is
    simply missing is a deviation without a reason, which the sources say a plan should
    not have (M): a warning.

    Runs when the standard plan the individual plan refers to is known to the run (for the
    command line: found among the files checked).
    """
    plan = ctx.plan
    standaard = ctx.standaardplan
    if not isinstance(plan, IndividueelOpleidingsplan) or standaard is None:
        return
    present = set(ctx.index) | set(plan.startcompetenties) | {w.code for w in plan.weggelaten}
    for c in standaard.competenties:
        if c.code not in present:
            yield Hit(
                f"{ctx.plan_path}.competenties",
                f"competentie {c.code} van standaardplan {standaard.id} ontbreekt, zonder "
                f"reden in 'weggelaten'",
                f"competence {c.code} of standard plan {standaard.id} is missing, without a "
                f"reason under 'weggelaten'",
            )
    known = {c.code for c in standaard.competenties}
    for j, w in enumerate(plan.weggelaten):
        if w.code not in known:
            yield Hit(
                f"{ctx.plan_path}.weggelaten[{j}].code",
                f"weggelaten competentie {w.code} staat niet in standaardplan {standaard.id}",
                f"left-out competence {w.code} is not in standard plan {standaard.id}",
            )
    by_code = {c.code: c for c in standaard.competenties}
    for j, move in enumerate(plan.verplaatst):
        original = by_code.get(move.code)
        if original is not None and original.leerplaats is not move.van:
            yield Hit(
                f"{ctx.plan_path}.verplaatst[{j}].van",
                f"{move.code} staat in het standaardplan op {original.leerplaats.value}, niet op {move.van.value}",
                f"{move.code} is at {original.leerplaats.value} in the standard plan, not at {move.van.value}",
            )


def _norm_text(text: str) -> str:
    return " ".join(text.split())


@RULES.rule(
    "iop-afwijking",
    titel_en="Every deviation of the individual plan from its standard plan is recorded",
    titel="Elke afwijking van het individuele plan van het standaardplan is geregistreerd",
    severity="warning",
    source=_IOP,
    target="individueel",
    fix="Record the deviation with its reason: a changed leerplaats, aanbreng or inoefening "
    "under 'verplaatst', an extra competence under 'toegevoegd'. A standard competence with "
    "another description or other prerequisites is another competence: give it its own code "
    "under 'toegevoegd' and leave the standard one out under 'weggelaten', each with a reason; "
    "or keep the standard plan's wording.",
)
def iop_afwijking(ctx: Context) -> Iterator[Hit]:
    """Each competence of the individual plan that deviates from the standard plan is recorded.

    The individual plan starts from the standard plan, and every deviation carries a reason
    (R-IOP). Each competence is compared with the standard plan's. One the standard plan
    does not have is listed under ``toegevoegd``. A changed ``leerplaats`` is listed under
    ``verplaatst``; so is a changed ``aanbreng`` or ``inoefening`` (with ``van`` equal to
    ``naar`` when the leerplaats stays), since it moves part of the teaching between school
    and workplace. A changed ``omschrijving`` (white space aside) or changed ``vereisten``
    cannot be recorded on the standard competence: the adapted competence gets a code of
    its own under ``toegevoegd``, the standard one goes under ``weggelaten``. Prerequisites
    that differ only by competences left out or added follow from those recorded
    deviations.

    Left-out standard competences are checked by ``iop-standaard``, a competence nobody
    covers (``niet-gedekt``) by ``alloc-niet-gedekt``, and a prerequisite that names no
    competence of the plan by ``verwijzing-onbekend``; termijnen are the learner's own
    agreements and no deviation. DOMAIN.md rates R-IOP H/M and says a
    deviation *should* carry a reason: a warning, like the other R-IOP rules; raise it to
    an error per run (``severity``) where a school requires it.

    Runs when the standard plan the individual plan refers to is known to the run.
    """
    plan = ctx.plan
    standaard = ctx.standaardplan
    if not isinstance(plan, IndividueelOpleidingsplan) or standaard is None:
        return
    by_code = {c.code: c for c in standaard.competenties}
    added = {t.code for t in plan.toegevoegd}
    moved = {v.code for v in plan.verplaatst}
    recorded = added | {w.code for w in plan.weggelaten}
    sid = standaard.id
    for i, c in enumerate(plan.competenties):
        if ctx.index[c.code] != i:
            continue  # a duplicate: code-uniek reports it
        original = by_code.get(c.code)
        if original is None:
            if c.code not in added:
                yield Hit(
                    ctx.competentie_path(i, "code"),
                    f"competentie {c.code} staat niet in standaardplan {sid} en is niet "
                    "geregistreerd onder 'toegevoegd'",
                    f"competence {c.code} is not in standard plan {sid} and is not recorded "
                    "under 'toegevoegd'",
                )
            continue
        if (
            c.leerplaats is not original.leerplaats
            and c.leerplaats is not Leerplaats.NIET_GEDEKT  # alloc-niet-gedekt reports it
            and c.code not in moved
        ):
            yield Hit(
                ctx.competentie_path(i, "leerplaats"),
                f"{c.code} heeft leerplaats {c.leerplaats.value}, in standaardplan {sid} "
                f"{original.leerplaats.value}, zonder verplaatsing in 'verplaatst'",
                f"{c.code} has leerplaats {c.leerplaats.value}, {original.leerplaats.value} in "
                f"standard plan {sid}, without a move under 'verplaatst'",
            )
        for field, mine, theirs in (
            ("aanbreng", c.aanbreng, original.aanbreng),
            ("inoefening", c.inoefening, original.inoefening),
        ):
            if mine is not theirs and c.code not in moved:
                now = mine.value if mine is not None else "-"
                was = theirs.value if theirs is not None else "-"
                yield Hit(
                    ctx.competentie_path(i, field),
                    f"{field} van {c.code} is {now}, in standaardplan {sid} {was}, zonder "
                    "verplaatsing in 'verplaatst'",
                    f"{field} of {c.code} is {now}, {was} in standard plan {sid}, without a "
                    "move under 'verplaatst'",
                )
        if _norm_text(c.omschrijving) != _norm_text(original.omschrijving):
            yield Hit(
                ctx.competentie_path(i, "omschrijving"),
                f"de omschrijving van {c.code} verschilt van die in standaardplan {sid}",
                f"the description of {c.code} differs from the one in standard plan {sid}",
            )
        changed = set(c.vereisten) ^ set(original.vereisten)
        # A prerequisite the plan does not hold is reported by verwijzing-onbekend.
        unexplained = sorted(
            code
            for code in changed
            if code not in recorded and (code in ctx.index or code not in c.vereisten)
        )
        if unexplained:
            codes = ", ".join(unexplained)
            yield Hit(
                ctx.competentie_path(i, "vereisten"),
                f"de vereisten van {c.code} verschillen van die in standaardplan {sid}: {codes}",
                f"the prerequisites of {c.code} differ from those in standard plan {sid}: {codes}",
            )


@RULES.rule(
    "iop-samenhang",
    titel_en="The recorded deviations agree with the individual plan's competences",
    titel="De geregistreerde afwijkingen kloppen met de competenties van het individuele plan",
    severity="error",
    source=_IOP,
    target="individueel",
    fix="Make the competence's leerplaats equal to the move's 'naar', and remove left-out "
    "competences from the list of competences.",
)
def iop_samenhang(ctx: Context) -> Iterator[Hit]:
    """A moved competence has the leerplaats it was moved to; a left-out one is not in the plan."""
    plan = ctx.plan
    if not isinstance(plan, IndividueelOpleidingsplan):
        return
    for j, move in enumerate(plan.verplaatst):
        c = ctx.competentie(move.code)
        if c is not None and c.leerplaats is not move.naar:
            yield Hit(
                f"{ctx.plan_path}.verplaatst[{j}].naar",
                f"{move.code} is verplaatst naar {move.naar.value}, maar heeft leerplaats {c.leerplaats.value}",
                f"{move.code} was moved to {move.naar.value}, but has leerplaats {c.leerplaats.value}",
            )
    for j, w in enumerate(plan.weggelaten):
        if w.code in ctx.index:
            yield Hit(
                f"{ctx.plan_path}.weggelaten[{j}].code",
                f"{w.code} is weggelaten, maar staat nog bij de competenties",
                f"{w.code} is left out, but is still among the competences",
            )


@RULES.rule(
    "iop-reden",
    titel_en="Every deviation from the standard plan carries a reason",
    titel="Elke afwijking van het standaardplan heeft een reden",
    severity="warning",
    source=_IOP,
    target="individueel",
    fix="Write down why the competence was moved, added or left out.",
)
def iop_reden(ctx: Context) -> Iterator[Hit]:
    """Moves, additions and omissions should say why, so the plan can be explained later."""
    plan = ctx.plan
    if not isinstance(plan, IndividueelOpleidingsplan):
        return
    groups: tuple[tuple[str, tuple[Verplaatsing | Toevoeging | Weglating, ...], str, str], ...] = (
        ("verplaatst", plan.verplaatst, "verplaatsing", "move"),
        ("toegevoegd", plan.toegevoegd, "toevoeging", "addition"),
        ("weggelaten", plan.weggelaten, "weglating", "omission"),
    )
    for field, items, what, what_en in groups:
        for j, item in enumerate(items):
            if item.reden is None:
                yield Hit(
                    f"{ctx.plan_path}.{field}[{j}].reden",
                    f"de {what} van {item.code} heeft geen reden",
                    f"the {what_en} of {item.code} has no reason",
                )


# --- signatures (R-SIGN) ---------------------------------------------------------------


@RULES.rule(
    "sign-ontbreekt",
    titel_en="A plan in force is signed by school, company and learner",
    titel="Een plan dat van kracht is, is ondertekend door school, onderneming en lerende",
    severity="error",
    source=_SIGN,
    target="individueel",
    fix="Have the missing parties sign, and record the signatures with their dates.",
)
def sign_ontbreekt(ctx: Context) -> Iterator[Hit]:
    """The opleidingsplan is drawn up and signed by the three parties with the contract."""
    plan = ctx.plan
    if not isinstance(plan, IndividueelOpleidingsplan) or plan.status is Planstatus.ONTWERP:
        return
    missing = [p.value for p in Partij if plan.handtekening(p) is None]
    if missing:
        who = ", ".join(missing)
        yield Hit(
            f"{ctx.plan_path}.handtekeningen",
            f"het plan is {plan.status.value}, maar de handtekening ontbreekt van: {who}",
            f"the plan is {plan.status.value}, but is not signed by: {who}",
        )


@RULES.rule(
    "sign-na-start",
    titel_en="The plan is signed no later than the start of the contract",
    titel="Het plan is ondertekend uiterlijk bij de start van de overeenkomst",
    severity="warning",
    source=_SIGN,
    target="traject",
    fix="Sign the plan together with the contract; record the real signing date.",
)
def sign_na_start(ctx: Context) -> Iterator[Hit]:
    """The plan is signed with the contract; a signature after the start is late."""
    traject = ctx.checked_traject()
    start = traject.overeenkomst.start
    for j, h in enumerate(traject.opleidingsplan.handtekeningen):
        if h.datum > start:
            yield Hit(
                f"$.opleidingsplan.handtekeningen[{j}].datum",
                f"{h.partij.value} tekende op {h.datum}, na de start van de overeenkomst ({start})",
                f"{h.partij.value} signed on {h.datum}, after the contract started ({start})",
            )


# --- mentor (R-MENTOR) -----------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _appointment(ctx: Context) -> tuple[pendulum.Date, str, str]:
    traject = ctx.checked_traject()
    mentor = traject.mentor
    if mentor is not None and mentor.aanstelling is not None:
        return mentor.aanstelling, "aanstelling", "appointment"
    return traject.overeenkomst.start, "start van de overeenkomst", "start of the contract"


@RULES.rule(
    "mentor-leeftijd",
    titel_en="The mentor is at least 25 on appointment (23 with the partnership's exception)",
    titel="De mentor is minstens 25 jaar bij de aanstelling (23 met de uitzondering van het partnerschap)",
    severity="error",
    source=_MENTOR,
    target="traject",
    fix="Appoint another mentor, or record the partnership's exception "
    "(leeftijdsuitzondering) when it allows a mentor from 23.",
)
def mentor_leeftijd(ctx: Context) -> Iterator[Hit]:
    """A mentor is at least 25 years old, or 23 if the sectoral partnership allows it.

    A missing date of birth is a warning, as missing experience or extract data are: the
    age cannot be checked.
    """
    traject = ctx.checked_traject()
    mentor = traject.mentor
    if mentor is None:
        return
    if mentor.geboortedatum is None:
        yield Hit(
            "$.mentor.geboortedatum",
            "de geboortedatum van de mentor is niet ingevuld; de leeftijd kan niet "
            "gecontroleerd worden",
            "the mentor's date of birth is not recorded; the age cannot be checked",
            Severity.WARNING,
        )
        return
    on, what, what_en = _appointment(ctx)
    minimum = 23 if mentor.leeftijdsuitzondering else 25
    age = _age(mentor.geboortedatum, on)
    if age < minimum:
        yield Hit(
            "$.mentor.geboortedatum",
            f"de mentor is {age} jaar op de {what} ({on}); minimum is {minimum}",
            f"the mentor is {age} years old at the {what_en} ({on}); the minimum is {minimum}",
        )


@RULES.rule(
    "mentor-ervaring",
    titel_en="The mentor has at least 5 years of experience, unless waived with a reason",
    titel="De mentor heeft minstens 5 jaar ervaring, tenzij vrijgesteld met een reden",
    severity="error",
    source=_MENTOR,
    target="traject",
    fix="Record the years of experience, or the reason for the waiver (relevant education "
    "or EVC) under vrijstelling_ervaring.",
)
def mentor_ervaring(ctx: Context) -> Iterator[Hit]:
    """Five years of experience in the trade; relevant education or EVC can waive it."""
    traject = ctx.checked_traject()
    mentor = traject.mentor
    if mentor is None or mentor.vrijstelling_ervaring is not None:
        return
    if mentor.ervaring_jaren is None:
        yield Hit(
            "$.mentor.ervaring_jaren",
            "de ervaring van de mentor is niet ingevuld",
            "the mentor's experience is not recorded",
            Severity.WARNING,
        )
    elif mentor.ervaring_jaren < 5:
        yield Hit(
            "$.mentor.ervaring_jaren",
            f"de mentor heeft {mentor.ervaring_jaren:g} jaar ervaring; minimum is 5, "
            "tenzij vrijgesteld met een reden",
            f"the mentor has {mentor.ervaring_jaren:g} years of experience; the minimum is 5, "
            "unless waived with a reason",
        )


@RULES.rule(
    "mentor-uittreksel",
    titel_en="The criminal-record extract (model 596.2) is at most one year old on appointment",
    titel="Het uittreksel uit het strafregister (model 596.2) is hoogstens een jaar oud bij de aanstelling",
    severity="error",
    source=_MENTOR,
    target="traject",
    fix="Ask the mentor for a recent extract from the criminal record, model 596.2, and "
    "record its date.",
)
def mentor_uittreksel(ctx: Context) -> Iterator[Hit]:
    """The mentor shows an extract model 596.2 issued at most one year before appointment.

    An extract more than a year old at the appointment is an error. An extract dated after
    the appointment cannot have been shown at it; but the document holds one date, and a
    newer extract may have replaced the one that was shown: a warning, asking for the date
    of the extract shown at the appointment. A missing date is a warning.
    """
    traject = ctx.checked_traject()
    mentor = traject.mentor
    if mentor is None:
        return
    on, what, what_en = _appointment(ctx)
    extract = mentor.uittreksel_strafregister
    if extract is None:
        yield Hit(
            "$.mentor.uittreksel_strafregister",
            "de datum van het uittreksel uit het strafregister ontbreekt",
            "the date of the criminal-record extract is missing",
            Severity.WARNING,
        )
    elif extract < _years_later(on, -1):
        yield Hit(
            "$.mentor.uittreksel_strafregister",
            f"het uittreksel ({extract}) is meer dan een jaar oud op de {what} ({on})",
            f"the extract ({extract}) is more than a year old at the {what_en} ({on})",
        )
    elif extract > on:
        yield Hit(
            "$.mentor.uittreksel_strafregister",
            f"het uittreksel ({extract}) is van na de {what} ({on}) en kan toen niet getoond "
            "zijn; vul de datum in van het uittreksel dat bij de aanstelling getoond werd",
            f"the extract ({extract}) is dated after the {what_en} ({on}) and cannot have been "
            "shown then; record the date of the extract shown at the appointment",
            Severity.WARNING,
        )


@RULES.rule(
    "mentor-opleiding",
    titel_en="The mentor follows mentor training within one year",
    titel="De mentor volgt de mentoropleiding binnen het jaar",
    severity="error",
    source=_MENTOR,
    target="traject",
    fix="Register the mentor for a mentor training and record the date it was completed.",
)
def mentor_opleiding(ctx: Context) -> Iterator[Hit]:
    """Mentor training is completed within one year of the recognition.

    R-MENTOR counts the year from the recognition; the library counts it from the
    recognition under which the mentor started: the workplace's recognition for this
    course in force at the mentor's appointment (or, without one, the contract's start),
    or else the first one after it. Under a recognition already in force the year runs from
    the appointment (a mentor appointed later cannot have been trained before); under a
    later one, from its ``geldig_vanaf``. A renewal of the recognition never postpones the
    deadline. A training not yet recorded is an error only once the year has passed (by
    ``today``).
    """
    traject = ctx.checked_traject()
    mentor = traject.mentor
    if mentor is None:
        return
    on, what, what_en = _appointment(ctx)
    course = _norm(traject.opleidingsplan.opleiding)
    matching = [e for e in traject.werkplek.erkenningen if _norm(e.opleiding) == course]
    in_force = any(
        (e.geldig_vanaf is None or e.geldig_vanaf <= on) and on <= e.geldig_tot for e in matching
    )
    later = [e.geldig_vanaf for e in matching if e.geldig_vanaf is not None and e.geldig_vanaf > on]
    if not in_force and later:
        on, what, what_en = min(later), "erkenning", "recognition"
    due = _years_later(on, 1)
    if mentor.mentoropleiding is None:
        if ctx.today > due:
            yield Hit(
                "$.mentor.mentoropleiding",
                f"de mentoropleiding moest uiterlijk op {due} gevolgd zijn (een jaar na de {what})",
                f"the mentor training was due by {due} (one year after the {what_en})",
            )
        else:
            yield Hit(
                "$.mentor.mentoropleiding",
                f"de mentoropleiding is nog niet gevolgd; uiterlijk {due}",
                f"the mentor training is not completed yet; due by {due}",
                Severity.INFO,
            )
    elif mentor.mentoropleiding > due:
        yield Hit(
            "$.mentor.mentoropleiding",
            f"de mentoropleiding ({mentor.mentoropleiding}) kwam na {due}, meer dan een jaar "
            f"na de {what}",
            f"the mentor training ({mentor.mentoropleiding}) came after {due}, more than a "
            f"year after the {what_en}",
        )


# --- workplace recognition (R-ERKENNING) -----------------------------------------------


@RULES.rule(
    "erkenning",
    titel_en="The workplace is recognised for this course over the whole contract period",
    titel="De werkplek is erkend voor deze opleiding tijdens de hele overeenkomst",
    severity="error",
    source=_ERKENNING,
    target="traject",
    fix="Apply for recognition of the vestiging for this course (werkplekduaal.be), or "
    "record the recognition with its validity.",
)
def erkenning(ctx: Context) -> Iterator[Hit]:
    """A company is recognised as leerwerkplek per course and per vestiging, for 5 years.

    No recognition for the course, or one not valid at the start, is an error; one that
    expires during the contract, or that records a validity of more than five years, is a
    warning.
    """
    traject = ctx.checked_traject()
    course = traject.opleidingsplan.opleiding
    contract = traject.overeenkomst
    matching = [
        (j, e)
        for j, e in enumerate(traject.werkplek.erkenningen)
        if _norm(e.opleiding) == _norm(course)
    ]
    if not matching:
        yield Hit(
            "$.werkplek.erkenningen",
            f"de werkplek is niet erkend voor de opleiding {course!r}",
            f"the workplace is not recognised for the course {course!r}",
        )
        return
    valid_at_start = [
        (j, e)
        for j, e in matching
        if (e.geldig_vanaf is None or e.geldig_vanaf <= contract.start)
        and e.geldig_tot >= contract.start
    ]
    if not valid_at_start:
        j, e = matching[0]
        yield Hit(
            f"$.werkplek.erkenningen[{j}]",
            f"de erkenning voor {course!r} is niet geldig bij de start van de overeenkomst ({contract.start})",
            f"the recognition for {course!r} is not valid at the start of the contract ({contract.start})",
        )
        return
    j, e = max(valid_at_start, key=lambda item: item[1].geldig_tot)
    if e.geldig_vanaf is not None and e.geldig_tot > _years_later(e.geldig_vanaf, 5):
        yield Hit(
            f"$.werkplek.erkenningen[{j}].geldig_tot",
            f"een erkenning geldt vijf jaar; {e.geldig_vanaf} tot {e.geldig_tot} is langer",
            f"a recognition is valid for five years; {e.geldig_vanaf} to {e.geldig_tot} is longer",
            Severity.WARNING,
        )
    if e.geldig_tot < contract.einde:
        yield Hit(
            f"$.werkplek.erkenningen[{j}].geldig_tot",
            f"de erkenning vervalt op {e.geldig_tot}, voor het einde van de overeenkomst ({contract.einde})",
            f"the recognition expires on {e.geldig_tot}, before the contract ends ({contract.einde})",
            Severity.WARNING,
        )


# --- learner (R-LEARNER) ---------------------------------------------------------------


@RULES.rule(
    "lerende-leeftijd",
    titel_en="The learner is 15 to 25 at the start of the contract",
    titel="De lerende is 15 tot 25 jaar bij de start van de overeenkomst",
    severity="error",
    source=_LEARNER,
    target="traject",
    fix="Check the date of birth and the contract start; dual learning is open to learners "
    "from 15 to 25.",
)
def lerende_leeftijd(ctx: Context) -> Iterator[Hit]:
    """Learners in dual learning are 15 to 25 years old.

    Skipped when the learner's date of birth is not in the document (for example in a
    redacted copy).
    """
    traject = ctx.checked_traject()
    data = traject.lerende.persoonsgegevens
    if data is None or data.geboortedatum is None:
        return
    start = traject.overeenkomst.start
    age = _age(data.geboortedatum, start)
    # The age narrows down the birth date, which is personal data: say only on which side
    # of the range the learner falls.
    if age < 15:
        yield Hit(
            "$.lerende.persoonsgegevens.geboortedatum",
            f"de lerende is jonger dan 15 bij de start ({start}); duaal leren is voor 15 tot 25 jaar",
            f"the learner is younger than 15 at the start ({start}); dual learning is for ages 15 to 25",
        )
    elif age > 25:
        yield Hit(
            "$.lerende.persoonsgegevens.geboortedatum",
            f"de lerende is ouder dan 25 bij de start ({start}); duaal leren is voor 15 tot 25 jaar",
            f"the learner is older than 25 at the start ({start}); dual learning is for ages 15 to 25",
        )


@RULES.rule(
    "lerende-leerplicht",
    titel_en="The learner has finished full-time compulsory schooling",
    titel="De lerende heeft de voltijdse leerplicht beëindigd",
    severity="error",
    source=_LEARNER,
    target="traject",
    fix="Record whether the learner has finished full-time compulsory schooling "
    "(lerende.leerplicht_voltooid); dual learning is open only to learners who have.",
)
def lerende_leerplicht(ctx: Context) -> Iterator[Hit]:
    """Learners in dual learning have finished full-time compulsory schooling (R-LEARNER).

    Known not to have finished it (``leerplicht_voltooid: false``): an error. Not recorded:
    a warning, since the condition cannot be checked.
    """
    done = ctx.checked_traject().lerende.leerplicht_voltooid
    if done is None:
        yield Hit(
            "$.lerende.leerplicht_voltooid",
            "er is niet ingevuld of de lerende de voltijdse leerplicht beëindigd heeft",
            "it is not recorded whether the learner has finished full-time compulsory schooling",
            Severity.WARNING,
        )
    elif not done:
        yield Hit(
            "$.lerende.leerplicht_voltooid",
            "de lerende heeft de voltijdse leerplicht niet beëindigd; duaal leren vraagt dat",
            "the learner has not finished full-time compulsory schooling; dual learning "
            "requires it",
        )


@RULES.rule(
    "lerende-start-laat",
    titel_en="A learner starts a dual course by the last school day of October",
    titel="Een lerende start een duale opleiding uiterlijk op de laatste schooldag van oktober",
    severity="warning",
    source=_LEARNER,
    target="traject",
    fix="Check that the learner started the dual course at school before November; the "
    "contract itself may start up to 20 days later.",
)
def lerende_start_laat(ctx: Context) -> Iterator[Hit]:
    """A learner can start a dual course until the last school day of October.

    The last school day of October comes from the Flemish school calendar of the contract's
    school year (the herfstvakantie often covers the end of October). The learner has 20
    days (one extension of 20) to find a workplace after starting the course, so a later
    contract may still be right: hence a warning.
    """
    from duaal_leren.kalender import Schooljaar, schoolkalender

    traject = ctx.checked_traject()
    start = traject.overeenkomst.start
    # A contract starting in July or August starts in the school year about to begin.
    jaar = Schooljaar(start.year) if start.month in (7, 8) else Schooljaar.from_date(start)
    if not _in_kalender(jaar):
        return  # no calendar to check: overeenkomst-kalender reports it
    october = schoolkalender(jaar).schooldagen(
        pendulum.date(jaar.startjaar, 10, 1), pendulum.date(jaar.startjaar, 10, 31)
    )
    if october and start > october[-1]:
        yield Hit(
            "$.overeenkomst.start",
            f"de overeenkomst start op {start}, na de laatste schooldag van oktober "
            f"({october[-1]}); een lerende kan een duale opleiding starten tot die dag",
            f"the contract starts on {start}, after the last school day of October "
            f"({october[-1]}); a learner can start a dual course until that day",
        )


# --- contract (R-OAO) ------------------------------------------------------------------


@RULES.rule(
    "oao-uren",
    titel_en="An OAO has at least 20 workplace hours a week on average over the year; an SAO fewer",
    titel="Een OAO heeft gemiddeld minstens 20 uur per week op de werkplek; een SAO minder",
    severity="error",
    source=_OAO,
    target="traject",
    fix="Change the weekly pattern, or choose the contract that fits the hours: an OAO "
    "from 20 workplace hours a week on average, an SAO below.",
)
def oao_uren(ctx: Context) -> Iterator[Hit]:
    """An OAO requires at least 20 workplace hours a week, on average over the year.

    The decree counts the average "op jaarbasis", without the legal holidays and vacation
    days: weeks wholly in a school vacation do not count, and a holiday inside a training
    week does not lower the average. Below 20 hours, or on a simulated workplace only, the
    contract is an SAO. Checked per school year of the contract, on the Flemish school
    calendar of that year, over the real schedule: a rotation of weekly patterns and the
    dated changes (a block of exam weeks at school) count week by week. The weeks of a
    school year are worked out once per schedule and shared with the hours overview.
    """
    from duaal_leren.kalender import schoolkalender
    from duaal_leren.werkdagen import WerkdagenError, werkplekuren_gemiddeld

    traject = ctx.checked_traject()
    contract = traject.overeenkomst
    if (
        traject.rooster is None
        or contract.soort is Overeenkomstsoort.DEELTIJDSE_ARBEIDSOVEREENKOMST
    ):
        return
    where = "$.rotatie" if traject.rotatie is not None else "$.weekpatroon"
    for jaar in _kalenderjaren(traject):
        kalender = schoolkalender(jaar)
        if (
            contract.einde < kalender.eerste_schooldag
            or contract.start > kalender.laatste_schooldag
        ):
            continue  # only the summer of that school year: no training week to average
        try:
            hours = werkplekuren_gemiddeld(traject, kalender)
        except WerkdagenError:
            continue  # no training week of this contract falls in that school year
        if contract.soort is Overeenkomstsoort.OAO and hours < 20:
            yield Hit(
                where,
                f"een OAO vraagt gemiddeld minstens 20 uur per week op de werkplek; in "
                f"schooljaar {jaar} is dat {hours:.1f}",
                f"an OAO requires at least 20 workplace hours a week on average; in school "
                f"year {jaar} it is {hours:.1f}",
            )
        elif contract.soort is Overeenkomstsoort.SAO and hours >= 20:
            yield Hit(
                "$.overeenkomst.soort",
                f"in schooljaar {jaar} zijn er gemiddeld {hours:.1f} uur per week op de "
                "werkplek: dat is een OAO, geen SAO",
                f"in school year {jaar} there are {hours:.1f} workplace hours a week on "
                "average: that is an OAO, not an SAO",
                Severity.WARNING,
            )


@RULES.rule(
    "overeenkomst-periode",
    titel_en="The contract ends after it starts",
    titel="De overeenkomst eindigt na de start",
    severity="error",
    source="Library consistency rule: the dates of one document must agree",
    target="traject",
    fix="Correct the start or the end date of the contract.",
)
def overeenkomst_periode(ctx: Context) -> Iterator[Hit]:
    """A contract whose end lies before its start has no period to train in."""
    contract = ctx.checked_traject().overeenkomst
    if contract.einde < contract.start:
        yield Hit(
            "$.overeenkomst.einde",
            f"de overeenkomst eindigt ({contract.einde}) voor ze begint ({contract.start})",
            f"the contract ends ({contract.einde}) before it starts ({contract.start})",
        )


@RULES.rule(
    "overeenkomst-kalender",
    titel_en="The contract runs in school years the school calendar knows",
    titel="De overeenkomst loopt in schooljaren die de schoolkalender kent",
    severity="error",
    source=_KALENDER,
    target="traject",
    fix="Correct the start or the end date of the contract; a contract outside these "
    "school years cannot be checked against the school calendar.",
)
def overeenkomst_kalender(ctx: Context) -> Iterator[Hit]:
    """The rules on hours, holidays and the start date need the school calendar.

    The calendar knows the school years for which the Flemish school holidays are known,
    from 2010-2011 to 2099-2100. A contract date outside them is most likely a typing error
    or very old data; the rules that need the calendar skip those school years, so this
    rule says that they were not checked.
    """
    from duaal_leren.kalender import EERSTE_SCHOOLJAAR, LAATSTE_SCHOOLJAAR, Schooljaar

    contract = ctx.checked_traject().overeenkomst
    for field, what, what_en, day in (
        ("start", "de start", "start", contract.start),
        ("einde", "het einde", "end", contract.einde),
    ):
        jaar = Schooljaar.from_date(day)
        if not _in_kalender(jaar):
            yield Hit(
                f"$.overeenkomst.{field}",
                f"{what} van de overeenkomst ({day}) valt in schooljaar {jaar}, buiten de "
                f"schoolkalender: die kent de schooljaren {EERSTE_SCHOOLJAAR} tot "
                f"{LAATSTE_SCHOOLJAAR}; de regels die de kalender nodig hebben, slaan dat "
                "schooljaar over",
                f"the {what_en} of the contract ({day}) falls in school year {jaar}, outside "
                f"the school calendar: it covers the school years {EERSTE_SCHOOLJAAR} to "
                f"{LAATSTE_SCHOOLJAAR}; the rules that need the calendar skip that school year",
            )


@RULES.rule(
    "schoolkalender",
    titel_en="A school's own calendar fits its school year and the supported calendar",
    titel="De eigen kalender van een school past in haar schooljaar en in de ondersteunde kalender",
    severity="error",
    source="BVR 31-08-2001 houdende de organisatie van het schooljaar in het secundair onderwijs, art. 7",
    target="schoolkalender",
    fix="Keep every free day, study day and klassenraad within the school year "
    "(1 September to 31 August), with each period ending after it starts.",
)
def schoolkalender_past(ctx: Context) -> Iterator[Hit]:
    """The school's own days lie in its school year, which the calendar must support.

    The same check runs when the calendar is built (`duaal_leren.schoolkalender`), so that a
    file that validates also builds.
    """
    from duaal_leren.exceptions import DocumentError, DuaalLerenError
    from duaal_leren.kalender import SchooleigenKalender, schoolkalender

    eigen = ctx.document
    if not isinstance(eigen, SchooleigenKalender):  # pragma: no cover - the engine's target
        return
    try:
        schoolkalender(eigen=eigen)
    except DocumentError as exc:
        for problem in exc.problems:
            yield Hit(problem.path, problem.message, problem.message_en)
    except DuaalLerenError as exc:
        yield Hit("$.schooljaar", exc.text("nl"), exc.text("en"))


@RULES.rule(
    "oao-voltijds",
    titel_en="In an OAO, school and workplace hours add up to the contract's weekly hours",
    titel="In een OAO zijn school- en werkplekuren samen de wekelijkse uren van de overeenkomst",
    severity="error",
    source=_OAO,
    target="traject",
    fix="Make the weekly pattern's school and workplace hours add up to uren_per_week.",
)
def oao_voltijds(ctx: Context) -> Iterator[Hit]:
    """An OAO is full-time: school plus workplace equal the company's normal weekly hours.

    Checked on the weekly pattern, or on each week of a rotation; the dated changes (an
    exam week, a class trip) move hours between school and workplace and are left out.
    """
    traject = ctx.checked_traject()
    contract = traject.overeenkomst
    if contract.uren_per_week is None or contract.soort is not Overeenkomstsoort.OAO:
        return
    patterns = []
    if traject.weekpatroon is not None:
        patterns.append(("$.weekpatroon", traject.weekpatroon))
    if traject.rotatie is not None:
        # Every week of a rotation is a full-time week: A and B divide it differently.
        patterns.extend(
            (f"$.rotatie.weken[{i}]", week) for i, week in enumerate(traject.rotatie.weken)
        )
    for path, pattern in patterns:
        total = pattern.werkplekuren + pattern.schooluren
        if abs(total - contract.uren_per_week) > 0.01:
            yield Hit(
                path,
                f"school en werkplek samen zijn {total:g} uur per week; de overeenkomst zegt "
                f"{contract.uren_per_week:g}",
                f"school and workplace add up to {total:g} hours a week; the contract says "
                f"{contract.uren_per_week:g}",
            )


# --- roles -----------------------------------------------------------------------------


def _reachable(contact: Contact) -> bool:
    return contact.email is not None or contact.telefoon is not None


@RULES.rule(
    "rollen",
    titel_en="A traject names a trajectbegeleider and a mentor, each with a way to reach them",
    titel="Een traject noemt een trajectbegeleider en een mentor, elk met een manier om hen te bereiken",
    severity="error",
    source=_ROLES,
    target="traject",
    fix="Fill in the trajectbegeleider (school) and the mentor, each with an e-mail address "
    "or phone number.",
)
def rollen(ctx: Context) -> Iterator[Hit]:
    """School and company each name the person who follows the learner, and how to reach them.

    A missing mentor is an error (every learner has a mentor, R-MENTOR); a missing
    trajectbegeleider and a person without e-mail or phone are warnings (R-CONTACT, M).
    """
    traject = ctx.checked_traject()
    begeleider = traject.school.trajectbegeleider
    mentor = traject.mentor
    people = (
        ("$.school.trajectbegeleider", begeleider, "trajectbegeleider", "trajectbegeleider"),
        ("$.mentor", mentor, "mentor", "mentor"),
    )
    for path, person, what, what_en in people:
        if person is None:
            # The decree requires a mentor; naming the trajectbegeleider is good practice.
            level = None if what == "mentor" else Severity.WARNING
            yield Hit(path, f"de {what} ontbreekt", f"the {what_en} is missing", level)
        elif not _reachable(person.contact):
            yield Hit(
                f"{path}.contact",
                f"de {what} heeft geen e-mailadres of telefoonnummer",
                f"the {what_en} has no e-mail address or phone number",
                Severity.WARNING,
            )
