"""Validation: check training plans and trajecten against the rules of duaal leren.

`validate` runs every rule of the registry on a model and returns a `Report` of `Finding`s:
each with a stable code, a severity, a JSON path, a message in Dutch and English, and the
rule's source. `validate_files` reads files, checks each and gives every finding its line in
the file; its `Reports` write themselves as text, JSON, GitHub annotations or JUnit XML.
`validate_files_parallel` does the same in several processes, with the same reports.
Users add their own rules with `Registry.rule` on `RULES`, or from an installed package
through the ``duaal_leren.rules`` entry-point group.

Example:
    >>> import duaal_leren
    >>> plan = duaal_leren.load("examples/standaardplan-elektrotechniek.yaml")
    >>> duaal_leren.validate(plan).passed
    True
    >>> from duaal_leren.validation import validate_files
    >>> validate_files(["examples/standaardplan-elektrotechniek.yaml"]).passed
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from duaal_leren.validation import (
    _opvolging_rules,  # noqa: F401 - rules of conversations
    _privacy_rules,  # noqa: F401 - personal data in free text, retention
    _rules,  # noqa: F401 - registers the built-in rules
    _uren_rules,  # noqa: F401 - working time and attendance
    _vakantie_rules,  # noqa: F401 - school holidays
    _verslag_rules,  # noqa: F401 - and those for records
)
from duaal_leren.validation._engine import (
    ENTRY_POINT_GROUP,
    RULES,
    Context,
    Finding,
    Hit,
    Registry,
    Report,
    Reports,
    Rule,
    RuleError,
    Severity,
    Target,
    validate,
    validate_files,
)

if TYPE_CHECKING:
    from duaal_leren.validation._parallel import validate_files_parallel

__all__ = [
    "ENTRY_POINT_GROUP",
    "RULES",
    "Context",
    "Finding",
    "Hit",
    "Registry",
    "Report",
    "Reports",
    "Rule",
    "RuleError",
    "Severity",
    "Target",
    "validate",
    "validate_files",
    "validate_files_parallel",
]


def __getattr__(name: str) -> Any:
    # Imported on first use: the processes' machinery is not needed by a run in one process.
    if name == "validate_files_parallel":
        from duaal_leren.validation._parallel import validate_files_parallel

        return validate_files_parallel
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
