"""The named rules, in the one order the pipeline runs them.

:data:`RULES` is the single source of truth for rule order; ``docs/rules.md`` is
generated from it (``python -m cleaner.docs``). The table-repair and core ids that the
pipeline also records are listed in :data:`cleaner.registry.ALL`.
"""

from __future__ import annotations

from . import chrome, dup, markers, media, meta, promo, related, social
from .base import Doc, Hit, Rule

RULES: tuple[Rule, ...] = (
    # Typographic furniture first: it would otherwise disturb every other test.
    markers.end_marker,
    markers.symbols,
    # Widget and page chrome named by phrases.
    social.share_bar,
    social.follow_prompt,
    chrome.nav_label,
    chrome.ad_label,
    chrome.cookie_banner,
    chrome.comments_chrome,
    chrome.copyright_footer,
    chrome.newsletter,
    # Promotions: two signals each (topic and call to action).
    promo.app_download,
    promo.upsell,
    promo.contact_line,
    promo.press_release_ad,
    promo.portal_plug,
    # Pictures.
    media.alt_text,
    media.caption_credit,
    media.photo_description,
    # Other articles.
    related.related_inline,
    related.related_section,
    # Metadata lines: after the debris above so "the first line" means the first real one.
    meta.dateline,
    meta.byline,
    meta.site_line,
    meta.relative_timestamp,
    meta.title,
    meta.title_repeat,
    meta.subtitle,
    dup.adjacent_duplicate,
)

__all__ = ["RULES", "Doc", "Hit", "Rule"]
