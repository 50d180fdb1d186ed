"""The ``drafter`` console script and ``python -m drafter``: console and signal set-up (drafter.console)
first, then the CLI, so that even a Ctrl-C during start-up ends with “已取消”."""

from __future__ import annotations

from drafter.console import Cancelled, install_signal_handlers, say_cancelled, setup_streams


def run() -> None:
    install_signal_handlers()
    setup_streams()
    try:
        from drafter.cli import main
    except Cancelled as stop:
        say_cancelled(stop.code)
        raise SystemExit(stop.code) from None
    main()


if __name__ == "__main__":
    run()
