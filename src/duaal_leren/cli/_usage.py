"""The error of a bad option value or a document of the wrong kind on the command line.

Kept apart from `duaal_leren.cli._common`, which ``duaal-leren --help`` imports without the
library's errors.
"""

from __future__ import annotations

from duaal_leren.exceptions import DuaalLerenError

__all__ = ["UsageError"]


class UsageError(DuaalLerenError, ValueError):
    """A bad option value or a document of the wrong kind: printed, exit status 2."""
