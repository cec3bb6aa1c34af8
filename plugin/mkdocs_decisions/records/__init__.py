"""Reading records: from files on disk to immutable :class:`~.model.Record` objects.

Takes in a project's folders and each file's bytes (discovery, front matter with
positions, the Markdown body, the kinds and their specs, trade-off sections); hands
on ``Record`` values and the findings met while parsing. Imports only ``catalogue``:
never git, the corpus, the checks, the site or mkdocs.
"""
