"""Public entry points: :func:`clean`, :func:`clean_html` and the reusable :class:`Cleaner`."""

from __future__ import annotations

from .article import Article
from .config import DEFAULT, Config
from .pipeline import run


class Cleaner:
    """A configured cleaner; cheap to create, safe to reuse and to pickle to workers.

    >>> page = "The council met on Monday and voted to keep the library open.\\n\\nAdvertisement"
    >>> Cleaner().clean(page).body
    'The council met on Monday and voted to keep the library open.'
    >>> lenient = Cleaner(Config(disabled_rules=frozenset({"ads.label", "core.outside_article"})))
    >>> lenient.clean(page).body.endswith("Advertisement")
    True
    """

    def __init__(self, config: Config | None = None, *, lang: str | None = None):
        self.config = config or DEFAULT
        self.lang = lang

    def __repr__(self) -> str:
        return f"Cleaner({self.config!r}, lang={self.lang!r})"

    def __reduce__(self):
        return (_rebuild, (self.config, self.lang))

    def clean(self, text: str, *, url: str | None = None, lang: str | None = None) -> Article:
        """Clean a text dump of a page. ``lang`` (ISO code) overrides detection."""
        if not isinstance(text, str):
            raise TypeError(f"clean() takes str, not {type(text).__name__}; decode bytes first or use clean_html()")
        return run(text, self.config, lang=lang or self.lang, url=url)

    def clean_html(self, html: str | bytes, *, url: str | None = None, lang: str | None = None) -> Article:
        """Clean a raw HTML page (str, or bytes decoded from its declared or detected charset)."""
        from .html import run_html

        return run_html(html, self.config, lang=lang or self.lang, url=url)


def _rebuild(config: Config, lang: str | None) -> Cleaner:
    return Cleaner(config, lang=lang)


def clean(text: str, *, url: str | None = None, lang: str | None = None, config: Config | None = None) -> Article:
    """Clean a text dump of a news page into an :class:`Article`."""
    return Cleaner(config).clean(text, url=url, lang=lang)


def clean_html(
    html: str | bytes, *, url: str | None = None, lang: str | None = None, config: Config | None = None
) -> Article:
    """Clean a raw HTML page into an :class:`Article`."""
    return Cleaner(config).clean_html(html, url=url, lang=lang)
