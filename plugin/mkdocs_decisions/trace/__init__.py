"""Tracing decisions to objectives and standards.

Takes in parsed records; hands on each project's objectives, the index of which
decision addresses, follows or deviates from what (``Traceability``), and targets read
as comparisons with what the measurements say about them. Imports only
``catalogue`` and ``records``: never git, the corpus, the checks, the site or mkdocs.
"""
