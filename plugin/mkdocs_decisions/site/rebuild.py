"""What changed since the previous build in the same process, for dirty rebuilds.

While ``mkdocs serve --dirty`` runs, MkDocs rewrites a page only when its file says it
was modified. A generated page has no file on disk, so MkDocs would rewrite every one
of ours on every save. This module remembers a digest of each page and file that the
last build delivered, so the adapter can tell MkDocs which ones really changed: the
edited record's page, and the pages whose content shows something of it.

Every page of a site shows the navigation. When the titles or the set of pages change,
the navigation changes, so every page is stale: ``navigation_changed`` says so, and
the adapter rebuilds everything, as a clean build would.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .build import SiteBuild


def _digest(*parts: str | bytes) -> bytes:
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.digest()


@dataclass
class Delivered:
    """Digests of what one build delivered, by path in the site."""

    pages: dict[str, bytes] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    navigation: bytes = b""


@dataclass
class RebuildTracker:
    """Compares each build with the one before it in this process."""

    previous: Delivered | None = None
    current: Delivered = field(default_factory=Delivered)
    # What the digests of the last build were taken of: a page or file content that a
    # build reuses (site/reuse.py) is the same object, and is not digested again.
    digested: dict[str, tuple[object, bytes]] = field(default_factory=dict)

    def start(self, build: SiteBuild, other_pages: Iterable[str]) -> None:
        """Take the digests of a new build. ``other_pages`` are the site paths of the
        pages that are not ours (they are in the navigation too)."""
        if self.current.pages or self.current.files:
            self.previous = self.current
        delivered = Delivered()
        digested: dict[str, tuple[object, bytes]] = {}
        for page in build.pages:
            delivered.pages[page.site_path] = self._digest_of(
                page.site_path,
                page,
                lambda page=page: _digest(  # type: ignore[misc]
                    page.markdown,
                    page.html_after_title,
                    page.html_at_end,
                    page.title,
                    page.source_path or "",
                ),
                digested,
            )
        for site_file in build.files:
            if site_file.source_path:  # a copy of a file on disk: a few, digested each time
                delivered.files[site_file.site_path] = _digest(b"", site_file.source_path)
                continue
            delivered.files[site_file.site_path] = self._digest_of(
                f"file:{site_file.site_path}",
                site_file.content,
                lambda site_file=site_file: _digest(site_file.content, ""),  # type: ignore[misc]
                digested,
            )
        self.digested = digested
        delivered.navigation = _digest(
            *(f"{page.site_path}\0{page.title}" for page in build.pages),
            *sorted(other_pages),
        )
        self.current = delivered

    def _digest_of(
        self,
        name: str,
        taken_of: object,
        digest: Callable[[], bytes],
        digested: dict[str, tuple[object, bytes]],
    ) -> bytes:
        earlier = self.digested.get(name)
        value = earlier[1] if earlier is not None and earlier[0] is taken_of else digest()
        digested[name] = (taken_of, value)
        return value

    @property
    def navigation_changed(self) -> bool:
        """No previous build, or a page title or the set of pages differs from it."""
        return self.previous is None or self.previous.navigation != self.current.navigation

    def page_changed(self, site_path: str) -> bool:
        return self._changed(site_path, "pages")

    def file_changed(self, site_path: str) -> bool:
        return self._changed(site_path, "files")

    def _changed(self, site_path: str, group: str) -> bool:
        if self.navigation_changed and group == "pages":
            return True
        if self.previous is None:
            return True
        before: dict[str, bytes] = getattr(self.previous, group)
        now: dict[str, bytes] = getattr(self.current, group)
        return before.get(site_path) != now.get(site_path)
