"""HTML mode: trafilatura finds the main content, cleaner's rules and core clean it.

trafilatura extracts the article as a tree of paragraphs, headings, lists and tables; those
become cleaner blocks, so the same named rules and shape-based core strip the residue it
keeps (related callouts, share and newsletter prompts, captions) and explain every removal.
When trafilatura returns nothing, or a small part of the page's prose, the text-mode pipeline
runs on the page's block text too; its article is used when it holds what trafilatura found
and much more (trafilatura stopped at a box around part of the article), and the article
says so (``fallback:text``). A page that renders its article with script, so that neither
finds it, often states it in JSON-LD (``articleBody``): text mode runs on that
(``fallback:jsonld``).

Bytes are decoded from the declared charset, else detected; problems are flagged on the
article, never raised. Parsing never touches the network or external entities, and a
per-document time limit (``Config.timeout_seconds``) applies.
"""

from __future__ import annotations

import codecs
import html as htmllib
import json
import re
import threading
from dataclasses import replace
from functools import lru_cache
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from . import lang as langs
from .article import Article
from .blocks import Block
from .config import Config
from .dates import find_date
from .lexicon import Lexicon, for_language, key, load
from .limits import DocumentTimeout, time_limit
from .normalize import fix_mojibake
from .pipeline import finish, run_steps
from .rules.base import Doc
from .rules.meta import CREDENTIAL, without_site
from .tables import Table
from .words import TOKEN

_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})""",
    re.I,
)
_SPACE = re.compile(r"\s+")
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "select"})
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "caption",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "form",
        "address",
        "details",
        "summary",
        "fieldset",
        "legend",
        "hr",
        "br",
        "title",
        "option",
    ]
)
_META_TAG = re.compile(r"<meta\b[^>]{0,2000}>", re.I)
_ATTR = re.compile(r"""([a-zA-Z:._-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")
_TITLE_TAG = re.compile(r"<title\b[^>]{0,200}>([^<]{1,600})</title>", re.I)
_HTML_LANG = re.compile(r"""<html\b[^>]{0,600}?\blang\s*=\s*["']?([a-zA-Z]{2,3})\b""", re.I)
_TIME_TAG = re.compile(r"""<time\b[^>]{0,300}?datetime\s*=\s*["']([^"']{8,40})["']""", re.I)
_JSONLD = re.compile(r"""<script[^>]{0,200}?application/ld\+json[^>]{0,100}>(.{2,100000}?)</script>""", re.I | re.S)
_ISO_MINUTE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?")
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "headline")
_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "dcterms.creator")
_DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "date",
    "article.published",
)
_SITE_KEYS = ("og:site_name", "application-name", "twitter:site")
# A start tag longer than this loses its attributes before parsing: libxml2 checks
# attribute names pairwise, so one tag with 100,000 attributes stalls it for minutes in C,
# where no Python time limit can interrupt it.
_MAX_TAG_CHARS = 4096
# Possessive quantifiers: a tag name that could give characters back to the attributes made
# the scan try each split of it (2.6 ms a page, now 1).
_HUGE_TAG = re.compile(rf"<([a-zA-Z][\w:-]{{0,40}}+)[^<>]{{{_MAX_TAG_CHARS}}}[^<>]*+>")
_PROSE_LINE = re.compile(r"[.!?。！？][\"”’)»]?$")
_PROSE_LINE_CHARS = 80
# An account name, not a person's: 'q_admin', 'webmaster', 'michael.andrusio' (lower case:
# a surname such as 'Hauser' holds 'user').
_ACCOUNT = re.compile(r"[a-z0-9_.-]*(?:admin|webmaster)[a-z0-9_.-]*|user\d*|[a-z0-9]+[._][a-z0-9._]+")
_SPACED_END = re.compile(r"\s+(\.)$")  # 'Ten travel hacks .' (a CMS spaced the full stop; French spaces '?' and '!')


def decode_html(data: bytes) -> tuple[str | None, list[str]]:
    """Bytes -> text: BOM, then valid UTF-8, then the declared charset, then detection.
    Returns (text, flags)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), []
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[2:].decode(name, errors="replace"), [f"decoded_from:{name}"]
    declared = _DECLARED.search(data[:4096])
    name = (declared.group(1) or declared.group(2)).decode("ascii").lower() if declared else None
    utf8 = name is not None and name.replace("_", "-") in ("utf-8", "utf8")
    if name and not utf8 and not data.isascii():
        # Bytes that are valid UTF-8 and not ASCII are UTF-8 whatever the page declares:
        # legacy text practically never forms valid multi-byte sequences, while servers
        # that label UTF-8 pages 'iso-8859-1' are common (decoding by the label gives 'fÃ¼r').
        try:
            return data.decode("utf-8"), [f"charset_mismatch:{name}"]
        except UnicodeDecodeError:
            pass
    if name:
        try:
            codecs.lookup(name)
            text = data.decode(name)
            return text, ([] if utf8 else [f"decoded_from:{name}"])
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8"), ([f"charset_mismatch:{name}"] if name else [])
    except UnicodeDecodeError:
        pass
    from .io import decode

    text, encoding, error = decode(data)
    flags = [f"charset_mismatch:{name}"] if name else []
    if text is None:
        return None, [*flags, f"decode_error:{error}"]
    return text, [*flags, f"decoded_from:{encoding}"]


def _text(element: Any) -> str:
    return " ".join(" ".join(element.itertext()).split())  # runs of whitespace as one space


def _item_text(item: Any) -> str:
    """An item's own words: a list nested in it gives items of its own, not a second copy here."""
    parts = [item.text or ""]
    for child in item:
        if child.tag != "list":
            parts.extend(child.itertext())
        parts.append(child.tail or "")
    return " ".join(" ".join(parts).split())


def _table(element: Any) -> Table | None:
    rows = []
    header: list[str] | None = None
    for row in element.iter("row"):
        cells = [_text(cell) for cell in row.iter("cell")]
        if not any(cells):
            continue
        if header is None and any(cell.get("role") == "head" for cell in row.iter("cell")):
            header = cells
        else:
            rows.append(cells)
    if header is None and rows:
        header, rows = rows[0], rows[1:]
    if header is None:
        return None
    width = max(len(header), *(len(r) for r in rows)) if rows else len(header)
    return Table(header + [""] * (width - len(header)), rows)


def content_blocks(body: Any) -> list[Block]:
    """trafilatura's content tree -> cleaner blocks (paragraphs, headings, items, tables).

    Prose that trafilatura leaves loose in the container (the text after a heading, outside any
    ``<p>``: an element's tail) is a paragraph of its own."""
    blocks: list[Block] = []
    loose = _SPACE.sub(" ", body.text or "").strip()
    if loose:
        blocks.append(Block(loose, 1, "p"))
    for n, element in enumerate(body):
        tag = element.tag if isinstance(element.tag, str) else ""
        blocks.extend(_element_blocks(element, tag, n + 1))
        tail = _SPACE.sub(" ", element.tail or "").strip()
        if tail:
            blocks.append(Block(tail, n + 1, "p"))
    for block in blocks:  # a page encoded twice ('EmbraceÂ', 'Japanâ€™s'): repaired as text mode does
        if block.table is not None:
            block.table.header = [fix_mojibake(c) for c in block.table.header]
            block.table.rows = [[fix_mojibake(c) for c in row] for row in block.table.rows]
        else:
            block.text = fix_mojibake(block.text)
    return blocks


def _list_blocks(element: Any, line: int) -> list[Block]:
    """A list's items in document order, a nested list right after its item; items of an
    ordered list (trafilatura keeps the list's tag in ``rend``) carry their number ('3.')."""
    blocks: list[Block] = []
    # a stack of (is the list ordered, its remaining items), not recursion: hostile pages
    # nest lists thousands deep
    stack = [(element.get("rend") == "ol", enumerate(element.iterchildren("item"), 1))]
    while stack:
        ordered, items = stack[-1]
        step = next(items, None)
        if step is None:
            stack.pop()
            continue
        n, item = step
        text = _item_text(item)
        if text:
            blocks.append(Block(text, line, "li", marker=f"{n}." if ordered else ""))
        for child in reversed([c for c in item if c.tag == "list"]):
            stack.append((child.get("rend") == "ol", enumerate(child.iterchildren("item"), 1)))
    return blocks


def _element_blocks(element: Any, tag: str, line: int) -> list[Block]:
    if tag == "list":
        return _list_blocks(element, line)
    if tag == "table":
        cells = [[_text(cell) for cell in row.iter("cell")] for row in element.iter("row")]
        if all(sum(1 for c in row if c) <= 1 for row in cells):  # a layout table: one text per row
            return [Block(text, line, "p") for row in cells for text in row if text]
        table = _table(element)
        return [Block(table.render(), line, "table", table=table)] if table is not None else []
    if tag in ("div", "section") and len(element):
        return content_blocks(element)
    if tag in ("p", "head", "quote", "code", "div", "section"):
        text = _text(element)
        return [Block(text, line, "p")] if text else []
    return []


_BLOCK_LINE = "<xsl:text>&#10;</xsl:text><xsl:apply-templates/><xsl:text>&#10;</xsl:text>"
_LINES_XSLT = f"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="utf-8"/>
<xsl:template match="{"|".join(sorted(_SKIP_TAGS))}"/>
<xsl:template match="{"|".join(sorted(_BLOCK_TAGS))}">{_BLOCK_LINE}</xsl:template>
<xsl:template match="td|th"><xsl:apply-templates/><xsl:text> </xsl:text></xsl:template>
</xsl:stylesheet>"""
_local = threading.local()


def _lines_transform() -> Any:
    """The block-dump stylesheet, compiled once per thread, with no access to files or the network."""
    transform = getattr(_local, "lines", None)
    if transform is None:
        transform = _local.lines = etree.XSLT(etree.XML(_LINES_XSLT), access_control=etree.XSLTAccessControl.DENY_ALL)
    return transform


def page_lines(tree: Any) -> str:
    """The page's text as a crawler's block dump: one block element per line (a line break
    around each block element, a space after a table cell, scripts, styles and embedded
    objects left out). libxslt walks the tree: twice as fast as a Python walk."""
    text = str(_lines_transform()(tree))
    return "\n".join([" ".join(words) for words in map(str.split, text.split("\n")) if words])


def _meta_tags(head: str) -> dict[str, str]:
    """``<meta>`` name/property/itemprop -> content (first one wins), lower-cased keys."""
    tags: dict[str, str] = {}
    for tag in _META_TAG.finditer(head):
        attrs = {
            m.group(1).lower(): htmllib.unescape(m.group(2) or m.group(3) or m.group(4) or "")
            for m in _ATTR.finditer(tag.group(0))
        }
        content = attrs.get("content", "").strip()
        for name in ("property", "name", "itemprop"):
            if attrs.get(name) and content:
                tags.setdefault(attrs[name].lower(), content)
    return tags


def _jsonld(head: str) -> dict[str, Any]:
    """headline, datePublished, articleBody, author and publisher names from JSON-LD
    (first found)."""
    found: dict[str, Any] = {}

    def visit(node: Any, depth: int = 0) -> None:
        if depth > 6:
            return
        if isinstance(node, list):
            for item in node[:50]:
                visit(item, depth + 1)
        elif isinstance(node, dict):
            for key in ("headline", "datePublished", "articleBody"):
                if isinstance(node.get(key), str):
                    found.setdefault(key, node[key])
            author = node.get("author")
            names = [a.get("name") for a in (author if isinstance(author, list) else [author]) if isinstance(a, dict)]
            if any(isinstance(n, str) for n in names):
                found.setdefault("author", [n for n in names if isinstance(n, str)])
            publisher = node.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                found.setdefault("publisher", publisher["name"])
            visit(node.get("@graph"), depth + 1)

    for m in _JSONLD.finditer(head):
        try:
            visit(json.loads(m.group(1)))
        except (ValueError, RecursionError):
            continue
    return found


def _iso(value: str | None) -> str | None:
    m = _ISO_MINUTE.match((value or "").strip())
    if not m:
        return None
    date, hour, minute = m.groups()
    return f"{date}T{hour}:{minute}" if hour is not None else date


def _authors(values: list[str]) -> list[str]:
    """Names from author tags: 'A; B', 'A, B and C'; credentials go ('Jane Doe, MD'), and a
    name followed by one-word parts is a name and its place ('SPIEGEL ONLINE, Hamburg,
    Germany'), not three authors."""
    out: list[str] = []
    for value in values:
        if value.startswith(("http://", "https://", "@")):
            continue
        for group in re.split(r"[;|]", value):
            parts = [
                p.strip() for p in re.split(r",|\s+and\s+", group) if p.strip() and not CREDENTIAL.match(p.strip())
            ]
            if len(parts) > 1 and any(len(p.split()) < 2 for p in parts[1:]):
                parts = parts[:1]
            out.extend(p for p in parts if len(p) <= 80 and p not in out)
    return out


def page_metadata(html: str) -> dict[str, Any]:
    """Title, authors, publication time, site and language from the page's markup
    (meta tags, JSON-LD, ``<title>``, ``<time>``, ``<html lang>``), by pattern, cheaply."""
    from .rules.meta import _split_site

    head = html[:300_000]
    tags = _meta_tags(head)
    ld = _jsonld(head)
    title_tag = _TITLE_TAG.search(head)
    raw_title = next((tags[k] for k in _TITLE_KEYS if tags.get(k)), None) or ld.get("headline")
    page_title = htmllib.unescape(title_tag.group(1)).strip() if title_tag else None
    title, suffix = _split_site(_SPACE.sub(" ", raw_title or page_title or "").strip())
    if raw_title is None and page_title:
        title, suffix = _split_site(_SPACE.sub(" ", page_title))
    authors = _authors([tags[k] for k in _AUTHOR_KEYS if tags.get(k)] + list(ld.get("author", [])))
    published = next((_iso(tags[k]) for k in _DATE_KEYS if _iso(tags.get(k))), None) or _iso(ld.get("datePublished"))
    if published is None:
        time_tag = _TIME_TAG.search(html)
        published = _iso(time_tag.group(1)) if time_tag else None
    site = next((tags[k] for k in _SITE_KEYS if tags.get(k) and not tags[k].startswith("@")), None)
    if site and raw_title and site.casefold() == raw_title.casefold():
        site = None  # 'application-name' holding the headline: a page's tag misused
    lang_tag = _HTML_LANG.search(head)
    title = _SPACED_END.sub(r"\1", without_site(title, site or ld.get("publisher") or suffix))
    return {
        "title": title or None,
        "authors": authors,
        "published": published,
        "site": site or ld.get("publisher") or suffix,
        "lang": lang_tag.group(1).lower() if lang_tag else None,
        "article_body": ld.get("articleBody"),
    }


#: '</body>' and '</html>' end nothing a browser shows: markup after them still renders (into
#: the body), but libxml2 stops there, and some sites print their article after a stray pair.
_DOCUMENT_END = re.compile(r"</(?:body|html)\s*>", re.I)


def _parse(html: str) -> Any:
    html = _DOCUMENT_END.sub("", html)
    parser = lxml_html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, collect_ids=False, encoding="utf-8"
    )
    return lxml_html.document_fromstring(html.encode("utf-8", errors="replace"), parser=parser)


_EMBED = re.compile(r"embed|tweet|instagram|tiktok|social", re.I)


def _quote_figures(tree: Any) -> None:
    """trafilatura deletes every ``<figure>`` when images are off, and with it the pull
    quotes a figure wraps (``<figure class="wp-block-pullquote"><blockquote>``). Such a
    figure becomes a ``<div>``, as trafilatura itself does for a figure holding a table;
    an embedded post (a tweet's blockquote) stays a figure."""
    for figure in tree.iter("figure"):
        quote = figure.find(".//blockquote")
        if quote is None or _EMBED.search(figure.get("class") or "") or _EMBED.search(quote.get("class") or ""):
            continue
        figure.tag = "div"


_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|(?:^|[\s_-])(?:hidden|hide)(?:$|[\s_-])", re.I)
_DIGIT = re.compile(r"\d")
_PEER_REGIONS = 8  # regions searched for boxes made like a spared one (nested boxes each make one)


def _mostly_links(element: Any, chars: int) -> bool:
    """Whether more than half of an element's ``chars`` characters are link text."""
    return 2 * sum(len(a.text_content()) for a in element.iter("a")) > chars


def _prose_boxes(tree: Any) -> dict[Any, int]:
    """Characters of prose under each element: paragraphs of ``_PROSE_LINE_CHARS`` or more
    that end a sentence and are not mostly link text, summed up every ancestor (libxml2
    nests at most 256 deep)."""
    prose: dict[Any, int] = {}
    for paragraph in tree.iter("p"):
        text = paragraph.text_content().strip()
        if len(text) < _PROSE_LINE_CHARS or not _PROSE_LINE.search(text):
            continue
        if _mostly_links(paragraph, len(text)):
            continue
        for element in (paragraph, *paragraph.iterancestors()):
            prose[element] = prose.get(element, 0) + len(text)
    return prose


def _region(element: Any, prose: dict[Any, int], chars: float) -> Any:
    """The nearest ancestor (or the element) holding ``chars`` of prose: the article's box."""
    for box in (element, *element.iterancestors()):
        if prose.get(box, 0) >= chars:
            return box
    return element


def _peer_text(element: Any, prose: int) -> bool:
    """A box of the article's make holds prose or a heading's worth of text, not a list of
    links (a grid of teasers, a menu)."""
    text = len(element.text_content().strip())
    if not text or _mostly_links(element, text):
        return False
    return prose > 0 or text <= _HEADING_MAX_CHARS


def _class_words(element: Any) -> set[str]:
    return {w for w in (element.get("class") or "").split() if not _DIGIT.search(w)}


def _discarded(tag: str, attributes: tuple[tuple[str, str], ...]) -> bool:
    """Whether trafilatura deletes a ``tag`` box with these attributes by its name."""
    from trafilatura.xpaths import OVERALL_DISCARD_XPATH

    probe = etree.Element("div")
    try:
        etree.SubElement(probe, tag, dict(attributes))
    except ValueError:  # a prefixed tag ('o:p', 'fb:like') or a value XML does not allow
        try:
            etree.SubElement(probe, "x", dict(attributes))
        except ValueError:
            return False
    return any(xpath(probe) for xpath in OVERALL_DISCARD_XPATH)


_named = lru_cache(maxsize=8192)(_discarded)  # bounded: ids and hashed class names are new on every page
_NAMING = frozenset({"class", "id", "style", "role", "aria-hidden", "data-component", "data-lp-replacement-content"})


def _named_away(element: Any) -> bool:
    """Whether trafilatura deletes this element by its name (class, id, role, style, ...)."""
    attributes = tuple((k, v) for k, v in element.attrib.items() if k in _NAMING)
    return _named(element.tag, attributes)


_PIECE = re.compile(r"([-_]+)")


@lru_cache(maxsize=8192)
def _unnamed(word: str) -> str:
    """A class word without the pieces trafilatura deletes boxes by: 'elementor-widget-theme-
    post-content' keeps 'elementor-theme-post-content', which trafilatura's content paths
    still find; a word still deleted as a whole ('bard' by 'bar') goes."""
    if not _named("div", (("class", word),)):
        return word
    pieces = _PIECE.split(word)
    kept = [p for i, p in enumerate(pieces) if i % 2 or not _named("div", (("class", p),))]
    out = re.sub(r"^[-_]+|[-_]+$", "", _PIECE.sub(lambda m: m.group(1)[0], "".join(kept)))
    return "" if not out or _named("div", (("class", out),)) else out


def spare_prose_boxes(tree: Any, config: Config, debris: re.Pattern[str] | None) -> int:
    """trafilatura deletes every box whose class or id holds one of its debris words, and
    reads them as substrings: 'widget' deletes a page builder's text widget
    ('elementor-widget-text-editor', 'textwidget'), 'bar' a 'bard' prose block, 'meta' a
    CMS's 'meta_field' post body, 'sidebar' a 'content-sidebar-wrap' around the article.
    When nearly all the page would go, its guard keeps everything, the debris too. A box it
    would delete that holds ``spare_box_chars`` of prose and ``spare_box_share`` of the
    page's, and the boxes made like it inside its region (same tag, two class words in
    common; holding prose or a heading's worth of text), lose the pieces of their class and
    id that named them, unless their class or id names debris cleaner knows (``markup.debris_boxes``:
    related, comments, share, ...), they sit in an ``<aside>``, or they are hidden
    (responsive copies). Returns how many boxes were spared."""
    prose = _prose_boxes(tree)
    total = prose.get(tree, 0)

    def candidate(element: Any) -> bool:
        if not _named_away(element):
            return False
        names = " ".join(element.get(a) or "" for a in ("class", "id", "style"))
        if element.get("aria-hidden") == "true" or element.get("hidden") is not None or _HIDDEN.search(names):
            return False
        if debris is not None and debris.search(names):
            return False
        return not any(a.tag == "aside" for a in element.iterancestors())

    floor = max(config.spare_box_chars, config.spare_box_share * total)
    kept = [e for e, chars in prose.items() if chars >= floor and candidate(e)]
    spared = set(kept)
    makes: dict[Any, list[tuple[str, set[str]]]] = {}  # the kept boxes' makes, by region
    for box in kept:
        if words := _class_words(box):
            region = _region(box, prose, config.spare_region_share * total)
            makes.setdefault(region, []).append((box.tag, words))
    for region, made in list(makes.items())[:_PEER_REGIONS]:  # each read once: linear in the page
        for element in region.iter(*{tag for tag, _ in made}):
            if element in spared or not (words := _class_words(element)):
                continue
            if not any(tag == element.tag and len(words & w) >= min(2, len(w)) for tag, w in made):
                continue
            if _peer_text(element, prose.get(element, 0)) and candidate(element):
                kept.append(element)
                spared.add(element)
    for element in kept:
        classes = (_unnamed(w) for w in (element.get("class") or "").split())
        element.set("class", " ".join(w for w in classes if w))
        if element.get("id") and _named("div", (("id", element.get("id")),)):
            del element.attrib["id"]
        if _named_away(element):
            for name in ("class", "id", "role"):
                element.attrib.pop(name, None)
    return len(kept)


def _extract(page: Any, url: str | None) -> Any:
    """trafilatura's main-content tree, from the parsed page (or its markup when it did not
    parse). ``favor_recall`` measured best with cleaner's rules behind it, and fastest; its
    metadata pass is skipped (``page_metadata`` reads the markup for a fraction of the
    time; htmldate's text search alone costs more than the whole extraction)."""
    import trafilatura

    return trafilatura.bare_extraction(
        page, url=url, favor_recall=True, include_comments=False, include_tables=True, include_images=False
    )


_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_HEADING_MAX_CHARS = 120
_MATCH_CHARS = 60  # a block is found by the first characters of its letters and digits
_NON_WORD = re.compile(r"\W+")


def _match_key(text: str) -> str:
    return _NON_WORD.sub(" ", text).strip().casefold()[:_MATCH_CHARS]


def _leading_text(element: Any, chars: int = 4 * _MATCH_CHARS) -> str:
    """The start of an element's text, read no further than needed (the element after a
    heading may hold the rest of the article)."""
    parts: list[str] = []
    size = 0
    for text in element.itertext():
        parts.append(text)
        size += len(text)
        if size >= chars:
            break
    return "".join(parts)


_CONTAINERS = frozenset({"div", "section", "article", "ul", "ol", "dl", "main", "figure", "blockquote"})


def _first_block(element: Any) -> Any:
    """The first block inside a container that opens with an element ('<ol><li>'): its
    text is what one extracted block starts with, not the items run together."""
    while element.tag in _CONTAINERS and not (element.text or "").strip():
        child = next((c for c in element if isinstance(c.tag, str) and c.tag not in _SKIP_TAGS), None)
        if child is None:
            break
        element = child
    return element


def _opened_text(heading: Any, steps: int, have: set[str]) -> str:
    """The match key of the first element after ``heading`` in document order that holds a
    word (its next siblings, then its parent's), looking at no more than ``steps`` elements;
    a heading that was not extracted either is passed over ('Strengths' / '1. Easy setup' /
    the paragraph both open)."""
    element = heading
    while element is not None and steps > 0:
        for sibling in element.itersiblings():
            steps -= 1
            if not isinstance(sibling.tag, str) or sibling.tag in _SKIP_TAGS:
                continue
            text = _match_key(_leading_text(_first_block(sibling)))
            if sibling.tag in _HEADINGS and text not in have:
                continue
            if len(text) > 1:
                return text  # an empty paragraph ('<p>&zwj;</p>') or a stray glyph opens nothing
            if steps <= 0:
                return ""
        element = element.getparent()
        steps -= 1
    return ""


def _linked(heading: Any, text: str) -> bool:
    """A heading that is mostly a link to another page, or inside one (a card), is a
    teaser's headline ('#anchor' links of a section heading do not count)."""
    if any(not (a.get("href") or "#").startswith("#") for a in heading.iterancestors("a")):
        return True
    linked = sum(
        len(_SPACE.sub(" ", a.text_content()).strip())
        for a in heading.iter("a")
        if not (a.get("href") or "").startswith("#")
    )
    return linked * 2 >= len(text)


def _section_heading(text: str, lexicon: Lexicon, title: str | None) -> bool:
    """Whether a dropped heading may go back: not the page's title or a dateline (the
    header rules would take the paragraph next to it for a standfirst) and not the heading
    of a related-news box (its rule would take the paragraphs under it for teasers)."""
    k = key(text)
    if title and _match_key(text) == _match_key(title):
        return False
    if find_date(text, lexicon) is not None:
        return False  # a dateline: the date rules would take the paragraph over it for a standfirst
    if k in lexicon.set("related", "headings"):
        return False
    return not any(k.startswith(prefix + " ") for prefix in lexicon.set("related", "heading_prefixes"))


def restore_headings(
    tree: Any, blocks: list[Block], config: Config, lexicon: Lexicon, title: str | None = None
) -> list[Block]:
    """Headings trafilatura dropped inside the article: when it finds no container it
    recovers the page's loose paragraphs, and headings are not among them. A page heading
    (h2-h6) goes back before the block it opens, when that block was extracted and is not
    the first (a heading over the first block may be the page's title or a teaser's), the
    heading is no link to another page, and it is a section's heading, not the title's or
    a related box's (:func:`_section_heading`)."""
    if tree is None or len(blocks) < 2:
        return blocks
    keys = [_match_key(b.text[: 4 * _MATCH_CHARS]) for b in blocks]
    have = set(keys)
    starts: dict[str, int] = {}
    for i in range(len(blocks) - 1, 0, -1):
        starts[keys[i]] = i  # the first block with this start
    inserts: dict[int, list[Block]] = {}
    for heading in tree.iter(*_HEADINGS):
        text = _SPACE.sub(" ", heading.text_content()).strip()
        if not text or len(text) > _HEADING_MAX_CHARS or _match_key(text) in have:
            continue
        opened = _opened_text(heading, config.heading_restore_steps, have)
        at = starts.get(opened) if opened else None
        if at is None or _linked(heading, text) or not _section_heading(text, lexicon, title):
            continue
        inserts.setdefault(at, []).append(Block(fix_mojibake(text), blocks[at].line, "p"))
        have.add(_match_key(text))  # a heading printed twice (desktop and mobile) goes back once
    if not inserts:
        return blocks
    out: list[Block] = []
    for i, block in enumerate(blocks):
        out.extend(inserts.get(i, []))
        out.append(block)
    return out


def _prose_chars(lines: str) -> int:
    """Characters in the page's lines that read as sentences: how much article there is."""
    return sum(len(line) for line in lines.split("\n") if len(line) >= _PROSE_LINE_CHARS and _PROSE_LINE.search(line))


def _shingles(text: str) -> set[tuple[str, ...]]:
    """4-word shingles of each line: none across two lines, none from a label shorter than four
    words (so text mode's dropping of 'Book a demo' does not read as finding another region)."""
    out: set[tuple[str, ...]] = set()
    for line in text.split("\n"):
        words = TOKEN.findall(line)
        out.update(tuple(words[i : i + 4]) for i in range(len(words) - 3))
    return out


def _overlap(part: str, whole: str) -> float:
    """Share of ``part``'s 4-word shingles found in ``whole``."""
    wanted = _shingles(part)
    if not wanted:
        return 1.0
    return len(wanted & _shingles(whole)) / len(wanted)


def _text_fallback(tree: Any, extracted: str, config: Config, lang: str | None, url: str | None) -> Article | None:
    """Text mode on the page's block dump, when trafilatura found too little of the page's
    prose and text mode finds much more, including what trafilatura found (or so much more,
    ``fallback_overwhelming_gain`` times, that trafilatura's piece was an intro above it)."""
    from .pipeline import run

    if tree is None:
        return None
    lines = page_lines(tree)
    size = len(extracted)
    if size >= config.fallback_min_chars and size >= config.fallback_prose_share * _prose_chars(lines):
        return None
    article = run(lines, config, lang=lang, url=url) if lines else None
    if article is None or len(article.body) <= max(config.fallback_gain * size, config.fallback_min_chars):
        return None
    if (
        size >= config.fallback_min_chars
        and len(article.body) < config.fallback_overwhelming_gain * size
        and _overlap(extracted, article.body) < config.fallback_overlap
    ):
        return None  # text mode found another region, not more of this one
    return article


def _jsonld_fallback(
    meta: dict[str, Any], extracted: str, config: Config, lang: str | None, url: str | None
) -> Article | None:
    """Text mode on the page's JSON-LD ``articleBody``, when trafilatura found less than
    ``fallback_min_chars`` and neither did text mode on the page's blocks: a page that
    renders its article with script (the text sits in JSON, not in the markup) often
    states it there. Title, authors, date and site come from the page as usual."""
    from .pipeline import run

    body = meta.get("article_body")
    if len(extracted) >= config.fallback_min_chars or not isinstance(body, str):
        return None
    if len(body) < max(config.fallback_min_chars, config.fallback_gain * len(extracted)):
        return None
    article = run(body, config, lang=lang or meta.get("lang"), url=url)
    if len(article.body) < config.fallback_min_chars:
        return None
    return _with_page_meta(article, meta, for_language(config.lexicons, article.lang))


def _html_error(message: str, flags: list[str]) -> Article:
    return Article(body="", flags=flags, error=message)


def run_html(html: str | bytes, config: Config, lang: str | None = None, url: str | None = None) -> Article:
    """The HTML-mode pipeline on one page. Never raises on bad input; see ``Article.error``."""
    flags: list[str] = []
    if isinstance(html, bytes):
        decoded, flags = decode_html(html[: config.max_html_bytes])
        if decoded is None:
            return _html_error("cannot decode the page", flags)
        html = decoded
    elif not isinstance(html, str):
        raise TypeError(f"clean_html() takes str or bytes, not {type(html).__name__}")
    if len(html) > config.max_html_bytes:
        html = html[: config.max_html_bytes]
        flags.append("truncated")
    html = html.replace("\x00", "")
    if len(html) > _MAX_TAG_CHARS:
        html, defused = _HUGE_TAG.subn(r"<\1>", html)
        if defused:
            flags.append(f"defused_tags:{defused}")
    if not html.strip():
        return Article(body="", flags=flags)
    try:
        with time_limit(config.timeout_seconds):
            return _run(html, config, lang, url, flags)
    except DocumentTimeout as exc:
        return _html_error(f"timeout: {exc}", [*flags, "timeout"])
    except (RecursionError, MemoryError, etree.LxmlError, ValueError) as exc:
        return _html_error(f"cannot parse the page: {type(exc).__name__}: {exc}", flags)


#: In HTML mode trafilatura has already chosen the article's region, so the text-mode
#: region search and the title guess from the first line do not run on its output
#: (measured on the benchmark sets, re-running the core there costs recall for little
#: precision). The shape-based core runs in full on the fallback path.
HTML_SKIP = frozenset({"core", "guard", "meta.lead_headline"})


def _run(html: str, config: Config, lang: str | None, url: str | None, flags: list[str]) -> Article:
    try:
        tree = _parse(html)
    except (etree.ParserError, ValueError):
        tree = None
    if tree is not None and config.quote_figures:
        _quote_figures(tree)
    if tree is not None and config.spare_box_chars:
        spare_prose_boxes(tree, config, load(config.lexicons).patterns("markup", "debris_boxes"))
    document = _extract(tree if tree is not None else html, url)
    body = getattr(document, "body", None) if document is not None else None
    blocks = content_blocks(body) if body is not None else []
    text = "\n".join(b.text for b in blocks)
    article = _text_fallback(tree, text, config, lang, url)
    if article is not None:
        return _with_flags(article, [*flags, "fallback:text"])
    meta = page_metadata(html)
    article = _jsonld_fallback(meta, text, config, lang, url)
    if article is not None:
        return _with_flags(article, [*flags, "fallback:jsonld"])
    language = lang or meta.get("lang") or langs.detect(text)
    lexicon = for_language(config.lexicons, language)
    if config.heading_restore:
        blocks = restore_headings(tree, blocks, config, lexicon, meta.get("title"))
    doc = Doc(blocks, lexicon, config, language, langs.stopwords(language))
    skip = HTML_SKIP
    if meta.get("title"):
        doc.meta["title"] = meta["title"]
        skip = skip | {"meta.title"}
    removals = run_steps(doc, [], flags, skip=skip)
    return _with_page_meta(finish(doc, removals, flags), meta, lexicon)


def _with_page_meta(article: Article, meta: dict[str, Any], lexicon: Lexicon) -> Article:
    """The page's markup states title, date and site better than its text; the text's
    byline names authors better than the page's author tags."""
    return replace(
        article,
        title=meta.get("title") or article.title,
        authors=article.authors or _persons(meta.get("authors") or [], lexicon),
        published=meta.get("published") or article.published,
        site=meta.get("site") or article.site,
    )


def _persons(authors: list[str], lexicon: Lexicon) -> list[str]:
    """The page's author tags without a desk or an account ('admin', 'q_admin', 'Redaktion',
    'mix1.de Redaktion', 'jane.doe'): they name no writer, as the same words in a byline do
    not."""
    desks = lexicon.set("byline", "desks")
    return [
        a
        for a in authors
        if key(a) not in desks and key(a).rsplit(" ", 1)[-1] not in desks and not _ACCOUNT.fullmatch(a)
    ]


def _with_flags(article: Article, flags: list[str]) -> Article:
    from dataclasses import replace

    return replace(article, flags=[*article.flags, *flags])


__all__ = ["content_blocks", "decode_html", "page_lines", "run_html"]
