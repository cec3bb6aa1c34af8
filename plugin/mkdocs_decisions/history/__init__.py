"""Reading git: every record file's history in one pass, and which files changed.

Takes in the project root and the record folders; hands on ``History`` (commits,
versions, status timelines per file). Imports only ``catalogue`` and ``records``:
never the corpus, the checks, the site or mkdocs.
"""
