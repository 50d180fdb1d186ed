"""The ``drafter`` console script and ``python -m drafter``: console and signal set-up (drafter.console)
first, then the CLI, so that even a Ctrl-C during start-up ends with “已取消”; when the command is done the
process ends at once (:func:`drafter.console.exit_now`).  Python's cycle collector is off while the CLI
starts (it was a twentieth of a cold ``drafter render``); :func:`drafter.cli.cli` turns it back on unless the
command is one of the short, bounded ones (:data:`drafter.cli.WITHOUT_GC`)."""

from __future__ import annotations

import gc

from drafter.console import Cancelled, exit_now, install_signal_handlers, say_cancelled, setup_streams


def run() -> None:
    gc.disable()
    install_signal_handlers()
    setup_streams()
    try:
        from drafter.cli import main
    except Cancelled as stop:
        say_cancelled(stop.code)
        raise SystemExit(stop.code) from None
    try:
        main()
    except SystemExit as done:
        exit_now(done.code)
    exit_now(0)


if __name__ == "__main__":
    run()
