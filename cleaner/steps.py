"""The one ordered list of pipeline steps after parsing.

:data:`PIPELINE` is the single source of truth for what runs when: the named rules, the
shape-based core and the guard are all steps in it. ``docs/rules.md`` is generated from
it, and every rule id the pipeline can record is in :data:`cleaner.registry.ALL`.
"""

from __future__ import annotations

from . import core
from .rules import chrome, dup, markers, media, meta, promo, related, social
from .rules.base import Rule

GUARD = Rule(
    "guard",
    "restores the best prose region when almost nothing survived a long input",
    "step",
    lambda doc: iter(()),
)

#: The pipeline after parsing, in order. The core and the guard are steps here too, so
#: this tuple is the one place that says what runs when.
PIPELINE: tuple[Rule, ...] = (
    # Typographic furniture first: it would otherwise disturb every other test.
    markers.end_marker,
    markers.symbols,
    markers.page_source,
    markers.script_data,
    markers.server_error,
    markers.icon_name,
    # Widget and page chrome named by phrases.
    social.share_bar,
    social.follow_prompt,
    social.embed,
    chrome.nav_label,
    chrome.breadcrumb,
    chrome.menu_list,
    chrome.post_link,
    chrome.tag_line,
    chrome.ad_label,
    chrome.sponsored_card,
    chrome.cookie_banner,
    chrome.comments_chrome,
    chrome.comment_text,
    chrome.copyright_footer,
    chrome.newsletter,
    chrome.disclosure,
    chrome.disclaimer,
    chrome.syndication,
    chrome.references,
    chrome.author_box,
    chrome.author_bio,
    chrome.about_blurb,
    # Promotions: two signals each (topic and call to action).
    promo.app_download,
    promo.upsell,
    promo.ai_summary,
    promo.contact_line,
    promo.press_release_ad,
    promo.portal_plug,
    # Pictures.
    media.image_markup,
    media.alt_text,
    media.caption_credit,
    media.photo_description,
    media.file_link,
    media.viewer_controls,
    # Other articles.
    related.related_inline,
    related.related_box,
    related.related_section,
    related.teaser_list,
    related.dated_list,
    # Metadata lines: after the debris above so "the first line" means the first real one.
    meta.dateline,
    chrome.dated_comments,
    meta.byline,
    meta.author_line,
    meta.site_line,
    meta.relative_timestamp,
    meta.teaser_label,
    meta.title,
    meta.title_repeat,
    meta.subtitle,
    meta.masthead,
    dup.adjacent_duplicate,
    # The shape-based core decides the rest, then the guard checks something is left.
    core.STEP,
    core.AFTER_RELATED,
    core.REPEATS,
    GUARD,
    # After the core, removals can leave a headline on top or two copies side by side.
    meta.lead_headline,
    dup.adjacent_duplicate,
)

#: Rules text mode does not run. ``widget.about_blurb`` asks for the page's last
#: paragraph: in a text dump, footer lines only the core drops follow it, so it would find
#: the blurb only when the body is cleaned again (cleaning would not be idempotent), and run
#: after the core, its removal changes what the core keeps the second time. In HTML mode
#: trafilatura has cut the footer already. ``core.tail`` trims trafilatura's selection below
#: the related heading the article ends at; in text mode the core itself does that.
TEXT_SKIP = frozenset({"widget.about_blurb", "core.tail"})

#: The named rules (without steps), each once, in pipeline order.
RULES: tuple[Rule, ...] = tuple(dict.fromkeys(r for r in PIPELINE if r.kind != "step"))

__all__ = ["GUARD", "PIPELINE", "RULES"]
