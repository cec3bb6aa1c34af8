"""mkdocs-decisions: architecture decision records, RFCs, standards and project objectives
kept as Markdown in git, checked, and published as a cross-linked site.

The package is laid out as its pipeline (docs/architecture.md, ADR-0018): ``catalogue``
(rules and findings) -> ``records`` (files to records) -> ``history`` (git) and
``trace`` (objectives, standards) -> ``corpus`` (everything loaded together) ->
``checks``, ``site``, ``edit`` -> the adapters ``cli`` and ``plugin.py`` (the only
module that imports mkdocs).
"""
