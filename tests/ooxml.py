"""Schema validation of .docx packages with openxml-audit (a pure-Python port of Microsoft's Open XML SDK
validator: schema, semantic and package checks for Office 2019), shared by the writer, format and lint tests.

openxml-audit 0.8 caches cross-part lookups (such as the comment ids of word/comments.xml) under
``id(package)``; after one package is garbage-collected the next one can get the same id and read the stale
cache (a comment id “not found” that is there).  :func:`audit` adds a per-call number to that key.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from pathlib import Path
from typing import Any

from openxml_audit import OpenXmlValidator
from openxml_audit.semantic.constraints import cross_part

_VALIDATOR = OpenXmlValidator()
_CALLS = itertools.count()
_CURRENT = [0]
_original_key = cross_part._cache_key


def _key(context: Any, part_path: str, part_uris: list[str]) -> Any:
    return (_CURRENT[0], _original_key(context, part_path, part_uris))


cross_part._cache_key = _key  # type: ignore[assignment]


def audit(data: bytes | Path) -> list[str]:
    """Every error the validator reports for a package (its bytes or its file); [] when it is valid."""
    _CURRENT[0] = next(_CALLS)
    if isinstance(data, Path):
        result = _VALIDATOR.validate(data)
    else:
        handle, name = tempfile.mkstemp(suffix=".docx")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            result = _VALIDATOR.validate(name)
        finally:
            os.unlink(name)
    return [str(error) for error in result.errors]
