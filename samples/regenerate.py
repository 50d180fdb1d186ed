"""Regenerate every bundled sample draft: ``python samples/regenerate.py``.

For each ``samples/*.yaml`` it writes ``<name>.docx`` and ``<name>.md`` beside it with the shipped templates
and fragments.  The .md files are reviewed text: read the diff before committing them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from drafter.errors import DrafterError
from drafter.output import write_atomic
from drafter.pipeline import draft
from drafter.writers import render_bytes

HERE = Path(__file__).resolve().parent


def main() -> int:
    for facts in sorted(HERE.glob("*.yaml")):
        try:
            result = draft(facts)
        except DrafterError as exc:
            print(exc.format(), file=sys.stderr)
            return 2
        for fmt in ("docx", "md"):
            target = facts.with_suffix(f".{fmt}")
            write_atomic(target, render_bytes(result.document, fmt), force=True, backup=False)
            print(f"{target.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
