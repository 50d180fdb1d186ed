"""What the page does with one facts file: preview, save, download, check an edited draft.

Owns the one facts file a ``drafter serve`` works on (fixed when the server starts: the page never sends a
path) and every action on it.  Drafting goes through :mod:`drafter.service`, the same path as ``drafter
render``; the download is drafted from exactly the text "保存事实文件" writes, so its bytes equal what
``drafter render`` makes of the saved file.  Nothing here knows about HTTP.
"""

from __future__ import annotations

import re
import secrets
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.errors import SEVERITY_LABEL, Diagnostic, DrafterError, FactsError, Location
from drafter.facts import facts_from_text, parse_yaml, read_text, validate
from drafter.initfile import facts_template
from drafter.model import PLACEHOLDER_PREFIX, Document
from drafter.output import default_name, write_atomic
from drafter.serve.form import (
    FormValueError,
    describe_form,
    field_for_key,
    form_values,
    placeholder_fields,
    values_to_data,
    visible_extras,
)
from drafter.serve.yamledit import update_text

UPLOAD_SUFFIXES = (".docx", ".md", ".txt")
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Download:
    name: str
    data: bytes


_PLACEHOLDER = re.compile("【" + re.escape(PLACEHOLDER_PREFIX) + "(.+?)】")
_NAMED = re.compile("填写“([^”]+)”")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def diagnostic_json(d: Diagnostic) -> dict[str, Any]:
    """A diagnostic as the page shows it: beside its field (and row) when it has one; a note about a
    【待补充：X】 in the draft goes beside the field that fills X."""
    field, row = field_for_key(d.location.key)
    if field is None:
        mark = _PLACEHOLDER.search(d.message)
        named = _NAMED.search(d.hint or "") if mark else None  # 【待补充：全会】: “填写“年度”后……”
        field = placeholder_fields().get(named[1] if named else mark[1]) if mark else None
    return {
        "severity": d.severity,
        "label": SEVERITY_LABEL[d.severity],
        "message": d.message,
        "hint": d.hint or "",
        "key": d.location.key or "",
        "field": field,
        "row": row,
    }


def document_json(doc: Document, derived: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The document model's blocks, placeholders pointing at the field that fills them (``derived``:
    markers such as 【待补充：全会】 that another field fills, as ``check`` names it)."""
    fields = {**placeholder_fields(), **(derived or {})}
    return [
        {
            "kind": b.kind,
            "spans": [
                {
                    "text": s.text,
                    "role": s.role,
                    "placeholder": s.placeholder,
                    "field": fields.get(s.placeholder) if s.placeholder else None,
                }
                for s in b.spans
            ],
        }
        for b in doc.blocks
    ]


class Workspace:
    """One facts file and the actions the page offers on it (thread-safe: one lock around writes)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.folder = path.parent
        self._lock = threading.Lock()
        self._annotated: dict[str, Download] = {}
        try:
            self.initial = self._read_values()
        except FactsError as exc:
            raise FactsError(
                f"页面无法打开这个事实文件：{exc}",
                location=exc.location,
                hint=f"先运行 drafter check {path.name} 改正 YAML 语法错误",
                diagnostics=exc.diagnostics,
            ) from None

    def _read_values(self) -> dict[str, Any]:
        text, _ = self._base()
        data, _lines = parse_yaml(text, self.path)
        return form_values(data if isinstance(data, dict) else {})

    # ------------------------------------------------------------------ the file

    def _base(self) -> tuple[str, str]:
        """The file as it is on disk now (text, encoding), or a new ``drafter init`` file."""
        if self.path.exists():
            return read_text(self.path)
        return facts_template(self.path.name), "utf-8"

    def yaml_text(self, values: dict[str, Any]) -> tuple[str, str]:
        """The facts file the form's values make (comments and key order of the file on disk kept)."""
        text, encoding = self._base()
        try:
            data = values_to_data(values)
        except FormValueError as exc:
            raise FactsError(
                str(exc), location=Location(self.path, key=exc.path), hint="按 YAML 写法填写，或清空这一项"
            ) from None
        return update_text(text, data, self.path.name), encoding

    # ------------------------------------------------------------------ actions

    def page_state(self) -> dict[str, Any]:
        """What the page starts from: the form and the file's values as they are on disk now (a reload
        after saving, or after an edit in Notepad, shows the file, not what the server first read)."""
        try:
            values = self._read_values()
        except FactsError:  # broken since the start (edited by hand): the last values that could be read
            values = self.initial
        return {
            "file": self.path.name,
            "folder": str(self.folder),
            "exists": self.path.exists(),
            "form": describe_form(),
            "values": values,
            "extras": visible_extras(values),
        }

    def preview(self, values: dict[str, Any]) -> dict[str, Any]:
        """Every ``check`` finding and, when the facts are valid, the draft, 字数 and originality."""
        from drafter.pipeline import check_draft, draft
        from drafter.service import review

        try:
            # through the text "保存事实文件" would write: what the page shows is what render will say
            text, _ = self.yaml_text(values)
            data, lines = parse_yaml(text, self.path)
            facts, diags = validate(data, self.path, lines)
            if any(d.severity == "error" for d in diags):
                return {
                    "ok": False,
                    "diagnostics": [diagnostic_json(d) for d in diags],
                    "extras": visible_extras(values),
                }
            facts.warnings = diags
            result = draft(facts)
            findings = check_draft(result)
        except DrafterError as exc:
            return {"ok": False, "diagnostics": [diagnostic_json(d) for d in exc.diagnostics]}
        doc = result.document
        checked = review(doc)
        extras = visible_extras(values)
        overlap = checked.overlap
        shown = [diagnostic_json(d) for d in findings]
        derived = {m[1]: d["field"] for d in shown if d["field"] and (m := _PLACEHOLDER.search(d["message"]))}
        return {
            "ok": True,
            "diagnostics": shown,
            "blocks": document_json(doc, derived),
            "counts": [{"section": name, "chars": n} for name, n in doc.word_counts()],
            "total": doc.total_chars,
            "placeholders": len(doc.placeholders),
            "originality": {"share": overlap.share, "seed": overlap.b} if overlap else None,
            "lint": [f.to_dict() for f in checked.findings],
            "extras": extras,
        }

    def save(self, values: dict[str, Any]) -> dict[str, Any]:
        """Write the facts file atomically; an earlier version is kept as a numbered backup."""
        with self._lock:
            text, encoding = self.yaml_text(values)
            data = text.encode(encoding)
            if self.path.is_file() and self.path.read_bytes() == data:
                return {"saved": self.path.name, "backup": None, "changed": False}
            backup = write_atomic(self.path, data, force=True)
        return {"saved": self.path.name, "backup": backup.name if backup else None, "changed": True}

    def download(self, values: dict[str, Any]) -> Download:
        """The Word draft ``drafter render`` makes of the facts file these values save."""
        from drafter.service import produce

        text, encoding = self.yaml_text(values)
        facts = facts_from_text(text, self.path, encoding=encoding)
        product = produce(facts)
        return Download(default_name(product.draft.facts, "docx"), product.data)

    def lint_upload(self, filename: str, data: bytes) -> dict[str, Any]:
        """``drafter lint`` on an uploaded draft, and for a .docx a copy with one Word comment per finding
        (kept in memory for the page to fetch).  The upload lives in a private temporary folder only."""
        from drafter.service import check_file

        suffix = Path(filename).suffix.lower()
        if suffix not in UPLOAD_SUFFIXES:
            raise DrafterError(
                f"不支持的文件类型“{suffix or '（无扩展名）'}”",
                hint="请上传 Word（.docx）稿，或 .md、.txt 文本稿",
            )
        if len(data) > MAX_UPLOAD_BYTES:
            raise DrafterError("文件太大", hint=f"稿子一般不超过 {MAX_UPLOAD_BYTES // 1024 // 1024} MB")
        if suffix == ".docx" and not data.startswith(b"PK\x03\x04"):
            raise DrafterError("这不是真正的 .docx 文件", hint="在 Word 或 WPS 中“另存为” .docx 后再上传")
        annotated: str | None = None
        with tempfile.TemporaryDirectory(prefix="drafter-upload-") as tmp:
            target = Path(tmp) / f"上传的稿子{suffix}"  # never the uploaded name: no path comes from the page
            target.write_bytes(data)
            findings = check_file(target).findings
            if suffix == ".docx" and findings:
                annotated = self._annotate(target, findings, filename)
        return {"findings": [f.to_dict() for f in findings], "annotated": annotated}

    def _annotate(self, draft: Path, findings: list[Any], filename: str) -> str | None:
        from drafter.typeset.annotate import annotate

        try:
            data, _placed = annotate(draft, findings)
        except DrafterError:
            return None
        key = secrets.token_urlsafe(12)
        stem = _UNSAFE.sub("", Path(filename).stem)[:60] or "稿子"
        with self._lock:
            self._annotated = {key: Download(f"{stem}（批注）.docx", data)}  # the last one only
        return key

    def annotated(self, key: str) -> Download:
        """The commented copy of the last checked draft."""
        found = self._annotated.get(key)
        if found is None:
            raise DrafterError("带批注的副本已不在了", hint="请重新点“检查已改稿”上传一次")
        return found
