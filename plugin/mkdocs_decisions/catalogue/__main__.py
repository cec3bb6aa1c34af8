"""``python -m mkdocs_decisions.catalogue`` prints the rules reference page."""

import sys

from .reference import reference_markdown

sys.stdout.write(reference_markdown())
