"""The data that leaves the pipeline: :class:`Article` and its :class:`Removal` records."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Removal:
    """One piece of text the pipeline removed, and why.

    ``line`` is the 1-based line of the input (after line endings are unified) where the
    removed text starts; 0 when the text did not come from a line of the input.
    """

    rule: str
    reason: str
    text: str
    line: int


@dataclass(frozen=True)
class Article:
    """The canonical article: body, metadata and the record of every removal.

    ``body`` holds blocks separated by one blank line: paragraphs, headings, lists (items
    on consecutive lines starting ``- ``) and tables (``| a | b |`` rows, a ``| --- |``
    row after the header). ``published`` is ISO 8601, to the minute when the time is known.
    ``flags`` carries notes on the result, e.g. ``"low_confidence"`` when the guard had to
    keep a region the rules would have dropped; ``error`` is set when the input could not
    be processed at all (the record is still returned, with an empty body).
    """

    body: str
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    site: str | None = None
    lang: str | None = None
    removed: list[Removal] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def low_confidence(self) -> bool:
        """True when the body is a best guess rather than a confident extraction."""
        return "low_confidence" in self.flags

    def to_dict(self) -> dict[str, Any]:
        """A plain dict ready for ``json.dumps``."""
        return asdict(self)
