"""Development-time build of the shipped skeleton parts (``parts/``) for the default fonts.

Run ``python -m drafter.writers.docx.build`` after changing the layout, styles or skeleton code; commit
the files it writes.  ``--check`` exits 1 if the files on disk differ from what the code builds (the test
suite runs the same comparison).
"""

from __future__ import annotations

import sys

from drafter.writers.docx.layout import Fonts
from drafter.writers.docx.skeleton import PARTS_DIR, build_parts


def stale() -> list[str]:
    """The shipped parts whose files differ from what the code builds now."""
    out = []
    for name, data in build_parts(Fonts()).items():
        path = PARTS_DIR / name
        if not path.is_file() or path.read_bytes() != data:
            out.append(name)
    return out


def write() -> list[str]:
    """Write every shipped part; return the names written."""
    for name, data in build_parts(Fonts()).items():
        path = PARTS_DIR / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return sorted(build_parts(Fonts()))


def main(argv: list[str]) -> int:
    if "--check" in argv:
        names = stale()
        sys.stderr.write("".join(f"stale: {name}\n" for name in names))
        return 1 if names else 0
    for name in write():
        sys.stdout.write(f"wrote {PARTS_DIR / name}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
