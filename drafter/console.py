"""The process around the CLI: console encodings and signals.  Imported before anything heavy.

* Output never fails on an encoding: stdout and stderr replace what the console cannot show (an ASCII,
  GBK or cp1252 console, a redirected Windows console), and a Windows console is switched to UTF-8
  where it allows.
* Ctrl-C at any moment — even while the CLI is still being imported — ends with “已取消” and exit code
  130, never a traceback; SIGTERM ends quietly with 143.  Both unwind normally, so every ``finally`` runs
  and no temporary file is left behind.
* A finished command ends the process at once (:func:`exit_now`): output flushed and exit handlers run as
  Python would, but without freeing every object one by one first, which took a sixth of a cold
  ``drafter render``.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import sys
import threading
from types import FrameType
from typing import NoReturn


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
        return
    if sys.unraisablehook is not _unraisable:
        global _previous_hook
        _previous_hook = sys.unraisablehook
        sys.unraisablehook = _unraisable


_previous_hook = sys.unraisablehook


def _unraisable(unraisable: object) -> None:
    """A signal that lands while Python runs a callback whose exceptions it ignores (a weakref callback of
    the import system's module locks, a garbage-collector callback) raised :class:`Cancelled` there: Python
    would print “Exception ignored in …” with a traceback and go on as if nothing had happened (CI, session
    14: Ctrl-C 10 ms into a render).  The signal is raised again instead, so the cancellation reaches the
    program's own code and ends the run as any other Ctrl-C does — from another thread a moment later, as a
    handler run here would raise inside this hook, where it is ignored too.  Any other such exception, and on
    Windows this one, is Python's."""
    exc = getattr(unraisable, "exc_value", None)
    if isinstance(exc, Cancelled) and os.name != "nt":
        signum = signal.SIGINT if exc.code == 130 else exc.code - 128
        again = threading.Timer(0.01, os.kill, (os.getpid(), signum))
        again.daemon = True
        again.start()
        return
    _previous_hook(unraisable)  # type: ignore[arg-type]


def say_cancelled(code: int) -> None:
    """The one message for a cancelled run (Ctrl-C); SIGTERM ends silently."""
    if code != 130 or sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write("\n已取消\n")
        sys.stderr.flush()


def exit_now(code: object) -> NoReturn:
    """End the process with ``code`` (a ``SystemExit`` code) as Python's own exit would — standard streams
    flushed, ``atexit`` handlers run — but without tearing down every module and object first.

    Anything unusual takes Python's own way out instead (``raise SystemExit(code)``): a code that is not a
    number, another thread still running, output that cannot be flushed (a closed pipe: Python reports it and
    exits with 120)."""
    if code is None:
        code = 0
    if not isinstance(code, int) or any(
        t is not threading.main_thread() and not t.daemon and t.is_alive() for t in threading.enumerate()
    ):
        raise SystemExit(code)
    if not _flushed():
        raise SystemExit(code)
    atexit._run_exitfuncs()
    atexit._clear()
    if not _flushed():  # an exit handler printed to a closed pipe
        raise SystemExit(code)
    os._exit(code & 0xFF)  # as the C exit() Python calls: 256 is 0, -1 is 255


def _flushed() -> bool:
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        try:
            stream.flush()
        except (OSError, ValueError):
            return False
    return True


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
