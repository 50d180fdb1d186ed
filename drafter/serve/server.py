"""Running the page: bind to loopback (another address only when asked), pick a free port, open the browser.

The server is werkzeug's threaded WSGI server (Flask's own), made directly so that no development-server
banner or request log reaches the user's terminal; the CLI prints the address.
"""

from __future__ import annotations

import errno
import ipaddress
import logging
import os
import socket
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path

from werkzeug.serving import BaseWSGIServer, make_server

from drafter.errors import DrafterError
from drafter.serve.app import create_app
from drafter.serve.workspace import Workspace

DEFAULT_PORT = 8765
PORT_TRIES = 50


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind(facts: Path, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT) -> BaseWSGIServer:
    """A server for ``facts`` on ``host``, on ``port`` or the next free port after it."""
    workspace = Workspace(facts)
    app = create_app(workspace, extra_host=None if is_loopback(host) else host)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    last: OSError | None = None
    for candidate in range(port, min(port + PORT_TRIES, 65536)):
        try:
            sock = _listen(host, candidate)
        except OSError as exc:  # busy (or not allowed): try the next one
            if exc.errno not in (errno.EADDRINUSE, errno.EACCES):
                raise DrafterError(
                    f"无法在 {host} 上启动页面：{exc.strerror or exc}",
                    hint="检查 --host 写的地址是不是本机的地址",
                ) from None
            last = exc
            continue
        try:  # werkzeug takes the bound socket (it would exit the process on a busy port itself)
            return make_server(host, candidate, app, threaded=True, fd=sock.fileno())
        finally:
            sock.close()  # werkzeug holds its own duplicate
    raise DrafterError(
        f"端口 {port}–{port + PORT_TRIES - 1} 都被占用了", hint="用 --port 换一个端口，例如 --port 9000"
    ) from last


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        if os.name != "nt":  # on Windows this flag would let two servers share one port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


def url_of(server: BaseWSGIServer) -> str:
    host = server.host
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{server.port}/"


def serve(
    server: BaseWSGIServer, *, open_browser: bool, opener: Callable[[str], object] = webbrowser.open
) -> None:
    """Serve until interrupted (Ctrl+C), opening the page in the browser first when asked."""
    if open_browser:
        threading.Timer(0.3, opener, args=(url_of(server),)).start()
    try:
        server.serve_forever()
    finally:
        server.server_close()
