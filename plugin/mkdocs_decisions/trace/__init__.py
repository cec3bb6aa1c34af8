"""Tracing decisions to objectives and standards.

Takes in parsed records; hands on each project's objectives and the index of which
decision addresses, follows or deviates from what (``Traceability``). Imports only
``catalogue`` and ``records``: never git, the corpus, the checks, the site or mkdocs.
"""
