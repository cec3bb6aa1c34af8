"""One project's records loaded together: the settings, every record parsed once, links
resolved both ways, history and traceability attached.

Takes in the plugin's options and the project's folders; hands on ``Settings`` and the
``Corpus`` that checks, site and edits work on. Imports ``catalogue``, ``records``,
``history`` and ``trace``; never the checks, the site, the edits, the adapters or mkdocs.
"""
