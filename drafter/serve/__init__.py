"""``drafter serve``: a local page over one facts file for people who do not edit YAML.

The form is generated from :mod:`drafter.schema` (:mod:`.form`), the facts file stays the source of truth
and is written back with its comments (:mod:`.yamledit`), drafting goes through :mod:`drafter.service`
like ``drafter render`` (:mod:`.workspace`), and the HTTP side with its guards is :mod:`.app`;
:mod:`.server` binds and runs it.  The page's script and styles are plain files under ``static/``
(no JavaScript build step, nothing fetched from the network).
"""
