"""Regular expressions compiled when first used, not when their module is imported.

The readers keep a few hundred patterns at module level; compiling them all costs
about 0.04 s at every start of ``mkdocs build`` or ``decisions``, and a build after the
first, whose records come from the store (ADR-0030, ADR-0035), uses few of them. A
pattern made by ``lazy_pattern`` is compiled on its first use; each method, once looked
up, is the compiled pattern's own, kept on the object, so later calls cost what a
compiled pattern's do.
"""

from __future__ import annotations

import re
from typing import Any, cast


class _LazyPattern:
    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:  # only for what the object does not have yet
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
        found = getattr(compiled, name)
        self.__dict__[name] = found  # `.match`, `.pattern`: looked up here once
        return found


def lazy_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _LazyPattern(source, flags))
