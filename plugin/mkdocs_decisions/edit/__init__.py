"""Writing records: ``new``, ``status``, ``supersede``, ``import`` and ``measure``, changing
only the bytes they must.

Takes in the corpus and a command's arguments; hands on edited file contents (and
writes them). Imports the stages below (``corpus`` down); never the checks, the site,
the adapters or mkdocs.
"""
