"""What every generated page of one build is rendered with: the corpus, the settings, the
URL style, the templates, and the way a page names another record (an entry)."""

from __future__ import annotations

from collections.abc import Mapping

from ..corpus.links import Corpus
from ..corpus.settings import Settings
from ..records.model import Record
from .environment import template_environment
from .urls import relative_href, source_href

# How links written as HTML name another page: "url", relative to the page's URL (the
# plugin inserts the HTML after conversion, and plain MkDocs leaves raw HTML alone), or
# "source", relative to the page's Markdown file (Zensical rewrites links in raw HTML
# as it does Markdown links, and checks them).
LINK_STYLES = ("url", "source")


class SiteContext:
    """The parts of a build that every page renderer shares."""

    def __init__(
        self,
        corpus: Corpus,
        settings: Settings,
        use_directory_urls: bool,
        link_style: str = "url",
    ) -> None:
        if link_style not in LINK_STYLES:
            raise ValueError(f"link style {link_style!r} is not one of {LINK_STYLES}")
        self.corpus = corpus
        self.settings = settings
        self.use_directory_urls = use_directory_urls
        self.link_style = link_style
        self.environment = template_environment()

    def render(self, template: str, values: Mapping[str, object]) -> str:
        return self.environment.get_template(template).render(**values)

    def href(self, here: str, to_page: str) -> str:
        """The relative link from the page ``here`` to another page of the site, for HTML."""
        if self.link_style == "source":
            return source_href(here, to_page)
        return relative_href(here, to_page, self.use_directory_urls)

    def entry(self, record: Record, here: str) -> dict[str, str]:
        """How a page lists another record: id, title, status, link and date."""
        return {
            "id": record.id,
            "title": record.title,
            "status": record.status or record.raw_status or "unknown",
            "href": self.href(here, record.site_path),
            "date": record.date.isoformat() if record.date else "",
            "kind": record.kind,
            "kind_label": self.settings.kinds[record.kind].prefix,
            "note": "",
        }
