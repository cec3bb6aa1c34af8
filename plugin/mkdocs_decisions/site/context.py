"""What every generated page of one build is rendered with: the corpus, the settings, the
URL style, the templates, and the way a page names another record (an entry)."""

from __future__ import annotations

from collections.abc import Mapping

from ..corpus.links import Corpus
from ..corpus.settings import Settings
from ..records.model import Record
from .environment import template_environment
from .urls import relative_href


class SiteContext:
    """The parts of a build that every page renderer shares."""

    def __init__(self, corpus: Corpus, settings: Settings, use_directory_urls: bool) -> None:
        self.corpus = corpus
        self.settings = settings
        self.use_directory_urls = use_directory_urls
        self.environment = template_environment()

    def render(self, template: str, values: Mapping[str, object]) -> str:
        return self.environment.get_template(template).render(**values)

    def href(self, here: str, to_page: str) -> str:
        """The relative URL from the page ``here`` to another page of the site."""
        return relative_href(here, to_page, self.use_directory_urls)

    def entry(self, record: Record, here: str) -> dict[str, str]:
        """How a page lists another record: id, title, status, link and date."""
        return {
            "id": record.id,
            "title": record.title,
            "status": record.status or record.raw_status or "unknown",
            "href": relative_href(here, record.site_path, self.use_directory_urls),
            "date": record.date.isoformat() if record.date else "",
            "kind": record.kind,
            "kind_label": self.settings.kinds[record.kind].prefix,
            "note": "",
        }
