"""cleaner: scraped news pages (text dumps or HTML) -> canonical article body.

>>> import cleaner
>>> article = cleaner.clean("Share this article\\n\\nThe council voted on Monday to keep the library open.")
>>> article.body
'The council voted on Monday to keep the library open.'
>>> [r.rule for r in article.removed]
['social.share_bar']
"""

from __future__ import annotations

from .api import Cleaner, clean, clean_html
from .article import Article, Removal
from .config import Config

__version__ = "0.1.0"
__all__ = ["Article", "Cleaner", "Config", "Removal", "__version__", "clean", "clean_html"]
