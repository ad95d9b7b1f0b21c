"""The native module, built from python/src/lib.rs."""

import os
from collections.abc import Sequence
from typing import Any, final

from . import Report, Unit

__all__ = ["Scanner", "article_text", "__version__"]

__version__: str

@final
class Scanner:
    """An actor list compiled for scanning: build it once, scan many texts, from any thread.

    ``config`` is a dict in the config's JSON shape, JSON text (a string that opens with ``{``),
    or the path of a list file: JSON, or a CSV or TSV table, told apart as the command line tells
    them (by the extension, else the content). A bad config raises ``ValueError`` with the core's
    one-line message; a file that cannot be read raises ``OSError``.
    """

    def __new__(cls, config: dict[str, Any] | str | os.PathLike[str]) -> Scanner: ...
    def scan(self, text: str, unit: Unit = "chars") -> Report:
        """The report on ``text``, with offsets in ``unit``. The GIL is released while it runs."""
    def scan_many(self, texts: Sequence[str], unit: Unit = "chars") -> list[Report]:
        """The reports on ``texts``, in order, scanned in parallel on every core."""

def article_text(html: str) -> str:
    """The text the highlighter scans on an HTML page: the article found on it, without its menus,
    asides and hidden parts, each block ended by U+2029 (the paragraph break the core reads), as the
    command line reads a ``.html`` file. The GIL is released while it runs."""
