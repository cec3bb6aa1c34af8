"""Rendering: the corpus in, the pages and files of the site out.

Record pages, indexes, timeline, traceability pages, graph and trend pictures, the Atom feed,
``decisions.json`` and the JSON Schemas, all from the Jinja templates and assets in
this folder, with autoescaping on. Imports the stages below (``corpus`` down); never
the checks, the edits, the adapters or mkdocs.
"""
