"""``drafter mine``: the phrase miner that turns raw report texts into raw fragment candidates.

One module per stage — :mod:`.clean` (with the site-noise patterns of :mod:`drafter.noise`),
:mod:`.segment`, :mod:`.classify` (structure rules, then the text model of :mod:`.textmodel`),
:mod:`.slotify` (with the proper names found by :mod:`.names`), :mod:`.dedupe` — and :mod:`.pipeline`,
the thin orchestrator (:func:`~.pipeline.mine`) that also owns the raw output format.  :mod:`.roles`
names the roles; :mod:`.labels` reads label files and scores the roles against them (``--labels``);
:mod:`.training` turns the labelled test reports into the shipped training data.  The command line
lives in :mod:`drafter.cli.mine`.
"""
