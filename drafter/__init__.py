"""drafter: drafts Chinese Party-building annual reports from a unit's own facts.

The package root only exposes the version; every stage lives in its own module
(see README, "Architecture").  Nothing is imported eagerly so that the CLI starts fast.
"""

__version__ = "0.1.0"
