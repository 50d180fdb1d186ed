"""Schema validation of .docx packages with openxml-audit (a pure-Python port of Microsoft's Open XML SDK
validator: schema, semantic and package checks for Office 2019), shared by the writer, format and lint tests."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from openxml_audit import OpenXmlValidator

_VALIDATOR = OpenXmlValidator()


def audit(data: bytes | Path) -> list[str]:
    """Every error the validator reports for a package (its bytes or its file); [] when it is valid."""
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
