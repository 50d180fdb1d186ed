"""``drafter mine``: the phrase miner that turns raw seed reports into raw fragment candidates.

One module per stage — :mod:`.clean`, :mod:`.segment`, :mod:`.classify`, :mod:`.slotify`,
:mod:`.dedupe` — and :mod:`.pipeline`, the thin orchestrator (:func:`~.pipeline.mine`) that also owns
the raw output format.  The command line lives in :mod:`drafter.cli_mine`.
"""
