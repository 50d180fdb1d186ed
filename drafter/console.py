"""The process around the CLI: console encodings and signals.  Imported before anything heavy.

* Output never fails on an encoding: stdout and stderr replace what the console cannot show (an ASCII,
  GBK or cp1252 console, a redirected Windows console), and a Windows console is switched to UTF-8
  where it allows.
* Ctrl-C at any moment — even while the CLI is still being imported — ends with “已取消” and exit code
  130, never a traceback; SIGTERM ends quietly with 143.  Both unwind normally, so every ``finally`` runs
  and no temporary file is left behind.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from types import FrameType


class Cancelled(BaseException):
    """Raised by the signal handlers below.  Not a KeyboardInterrupt, which click would turn into its own
    message and exit code 1; a BaseException, so no ``except Exception`` swallows it."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _stop(signum: int, frame: FrameType | None) -> None:
    del frame
    raise Cancelled(130 if signum == signal.SIGINT else 128 + signum)


def install_signal_handlers() -> None:
    """Ctrl-C and SIGTERM raise :class:`Cancelled` (main thread only; elsewhere this does nothing)."""
    try:
        signal.signal(signal.SIGINT, _stop)
        if hasattr(signal, "SIGTERM"):
            signal.signal(signal.SIGTERM, _stop)
    except ValueError:  # not the main thread (e.g. an embedding application)
        pass


def say_cancelled(code: int) -> None:
    """The one message for a cancelled run (Ctrl-C); SIGTERM ends silently."""
    if code != 130 or sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write("\n已取消\n")
        sys.stderr.flush()


def setup_streams() -> None:
    """Make stdout and stderr replace characters their encoding cannot show instead of raising."""
    if os.name == "nt":
        _windows_utf8()
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(Exception):
                reconfigure(errors="replace")


def _windows_utf8() -> None:  # pragma: no cover - Windows only
    import ctypes

    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return
    with contextlib.suppress(Exception):
        if windll.kernel32.SetConsoleOutputCP(65001):
            for stream in (sys.stdout, sys.stderr):
                if stream is not None and stream.isatty():
                    stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
