"""Regenerate every bundled sample draft: ``python samples/regenerate.py``.

For each ``samples/*.yaml`` it writes ``<name>.docx`` and ``<name>.md`` beside it with the shipped templates
and fragments.  The .md files are reviewed text: read the diff before committing them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from drafter.errors import DrafterError
from drafter.output import write_atomic
from drafter.service import produce

HERE = Path(__file__).resolve().parent


def main() -> int:
    for facts in sorted(HERE.glob("*.yaml")):
        for fmt in ("docx", "md"):  # the same service as drafter render, so the bytes are render's
            try:
                data = produce(facts, fmt=fmt).data
            except DrafterError as exc:
                print(exc.format(), file=sys.stderr)
                return 2
            target = facts.with_suffix(f".{fmt}")
            write_atomic(target, data, force=True, backup=False)
            print(f"{target.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
