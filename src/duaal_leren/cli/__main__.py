"""``python -m duaal_leren.cli``: the ``duaal-leren`` command without its script."""

from __future__ import annotations

import sys

from duaal_leren.cli import main

__all__: list[str] = []

if __name__ == "__main__":
    sys.exit(main())
