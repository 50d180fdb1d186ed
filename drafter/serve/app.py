"""The HTTP side of ``drafter serve``: routes, the per-session token and the other guards of a local server.

Flask is used because it is small, well kept and typed, and brings what a safe local page needs without
hand-written HTTP: multipart parsing with a size limit (the standard library's ``cgi`` module is gone
from Python 3.13), routing, static files and Jinja (already a drafter dependency) for the one page.

Guards: every ``/api/`` request must carry the token written into the page (``X-Drafter-Token``), which
another site in the same browser cannot read, so it cannot post here (CSRF); a request whose ``Host`` or
``Origin`` is not this machine is refused (DNS rebinding); uploads are limited in size and type; the
page never sends a path, so nothing outside the facts file's folder is read or written.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any
from urllib.parse import quote, urlsplit

from flask import Flask, Response, abort, jsonify, render_template, request

from drafter.errors import DrafterError
from drafter.serve.workspace import MAX_UPLOAD_BYTES, Download, Workspace, diagnostic_json

TOKEN_HEADER = "X-Drafter-Token"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


def _hostname(netloc: str) -> str:
    return (urlsplit("//" + netloc).hostname or "").lower()


def _values() -> dict[str, Any]:
    body = request.get_json(silent=True)
    values = body.get("values") if isinstance(body, dict) else None
    if not isinstance(values, dict):
        abort(400)
    return values


def create_app(workspace: Workspace, *, extra_host: str | None = None) -> Flask:
    """The Flask application for one workspace; a fresh token per application (= per ``serve`` run)."""
    app = Flask(__name__)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.config["MAX_CONTENT_LENGTH"] = MAX_UPLOAD_BYTES + 64 * 1024
    token = secrets.token_urlsafe(32)
    allowed = set(LOOPBACK_NAMES) | ({extra_host.lower()} if extra_host else set())
    any_host = extra_host in ("0.0.0.0", "::")  # the user chose every address; the token still guards
    app.config["DRAFTER_TOKEN"] = token

    @app.before_request
    def guard() -> Response | None:
        if not any_host and _hostname(request.host) not in allowed:
            return _refuse(403, "拒绝：请求的主机名不是本机")
        origin = request.headers.get("Origin")
        if origin and origin != f"{request.scheme}://{request.host}":
            return _refuse(403, "拒绝：请求来自其他网站")
        if request.path.startswith("/api/"):
            sent = request.headers.get(TOKEN_HEADER, "")
            if not hmac.compare_digest(sent.encode(), token.encode()):
                return _refuse(403, "拒绝：缺少或不对的页面令牌（请从 drafter serve 打开的页面操作）")
        return None

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.errorhandler(413)
    def too_large(_: Exception) -> Response:
        return _refuse(413, f"文件太大：最多 {MAX_UPLOAD_BYTES // 1024 // 1024} MB")

    @app.errorhandler(DrafterError)
    def bad_input(exc: DrafterError) -> Response:
        response = jsonify(
            {
                "error": exc.diagnostics[0].message if exc.diagnostics else str(exc),
                "diagnostics": [diagnostic_json(d) for d in exc.diagnostics],
            }
        )
        response.status_code = 400
        return response

    @app.get("/")
    def page() -> str:
        return render_template("page.html", token=token, state=workspace.page_state())

    @app.post("/api/preview")
    def preview() -> Response:
        return jsonify(workspace.preview(_values()))

    @app.post("/api/save")
    def save() -> Response:
        return jsonify(workspace.save(_values()))

    @app.post("/api/download")
    def download() -> Response:
        return _docx(workspace.download(_values()))

    @app.post("/api/annotated")
    def annotated() -> Response:
        body = request.get_json(silent=True)
        key = body.get("id") if isinstance(body, dict) else None
        if not isinstance(key, str):
            abort(400)
        return _docx(workspace.annotated(key))

    @app.post("/api/lint")
    def lint() -> Response:
        upload = request.files.get("file")
        if upload is None or not upload.filename:
            return _refuse(400, "没有收到文件")
        data = upload.read(MAX_UPLOAD_BYTES + 1)
        return jsonify(workspace.lint_upload(upload.filename, data))

    @app.get("/api/fragments")
    def fragments() -> Response:
        return jsonify({"hits": _fragment_hits(request.args.get("q", ""), request.args.get("ids", ""))})

    return app


def _fragment_hits(query: str, ids: str) -> list[dict[str, str]]:
    """Fragments for the 选用/不用 picker: a search (as ``drafter fragments search``) or given ids."""
    from drafter.pipeline import cached_library
    from drafter.search import search

    library = cached_library(None)
    if ids:
        found = [library.get(i.strip()) for i in ids.split(",")[:50]]
        frags = [f for f in found if f is not None]
    else:
        frags = [hit.fragment for hit in search(library, query[:50], limit=30)]
    return [{"id": f.id, "role": f.role, "lead": f.lead, "text": f.text[:90]} for f in frags]


def _docx(result: Download) -> Response:
    response = Response(
        result.data, mimetype="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response.headers["Content-Disposition"] = (  # RFC 6266: an ASCII fallback, then the Chinese name
        f"attachment; filename=\"draft.docx\"; filename*=UTF-8''{quote(result.name)}"
    )
    return response


def _refuse(status: int, message: str) -> Response:
    response = jsonify({"error": message})
    response.status_code = status
    return response
