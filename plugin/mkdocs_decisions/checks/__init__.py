"""Checking: the corpus in, findings out, one module per rule family.

Each check is a small function registered in ``registry.CHECKS`` with the rule ids it
reports (documented in ``catalogue``); ``run.run_checks`` applies them all at the
configured severities. Imports the stages below (``corpus`` down); never the site,
the edits, the adapters or mkdocs.
"""
