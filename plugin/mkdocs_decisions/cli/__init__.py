"""The ``decisions`` command line: an adapter over the core, one module per group of
commands.

Reads ``mkdocs.yml`` itself (``project``), then calls ``checks``, ``site`` and ``edit``.
Never imports mkdocs, nor ``plugin.py``.
"""
