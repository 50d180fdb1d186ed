"""Allows ``python -m drafter``."""

from drafter.cli import main

if __name__ == "__main__":
    main()
