"""Validation: check training plans and trajecten against the rules of duaal leren.

`validate` runs every rule of the registry on a document and returns a `Report` of
`Finding`s: each with a stable code, a severity, a JSON path, a message in Dutch and English,
and the rule's source. Users add their own rules with `Registry.rule` on `RULES`, or from an
installed package through the ``duaal_leren.rules`` entry-point group.

Example:
    >>> import duaal_leren
    >>> plan = duaal_leren.load("examples/standaardplan-elektrotechniek.yaml")
    >>> duaal_leren.validate(plan).passed
    True
"""

from __future__ import annotations

from duaal_leren.validation import (
    _opvolging_rules,  # noqa: F401 - rules of conversations
    _rules,  # noqa: F401 - registers the built-in rules
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
    Rule,
    RuleError,
    Severity,
    Target,
    validate,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "RULES",
    "Context",
    "Finding",
    "Hit",
    "Registry",
    "Report",
    "Rule",
    "RuleError",
    "Severity",
    "Target",
    "validate",
]
