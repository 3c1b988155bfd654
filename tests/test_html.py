"""HTML mode: extraction with structure, residue stripped and explained, metadata,
decoding, fallback, and hostile pages that must neither crash nor hang."""

from __future__ import annotations

import json

import pytest

import cleaner
from cleaner import html as html_mode
from cleaner.cli import main
from conftest import FIXTURES

PAGE = (FIXTURES / "html" / "article.html").read_text(encoding="utf-8")


def test_article_structure_and_metadata() -> None:
    article = cleaner.clean_html(PAGE)
    assert article.title == "Council Extends Library Hours"
    assert article.authors == ["Jane Doe"] and article.site == "City Ledger" and article.lang == "en"
    assert article.published == "2025-06-02T07:13"
    body = article.body
    assert body.startswith("The city council voted on Tuesday")
    assert "What changes\n\n- Longer opening hours on weekdays\n- A new reading room for students" in body
    assert "| Day | Hours |\n| --- | --- |\n| Monday | 8-22 |" in body
    assert "Home" not in body and "All rights reserved" not in body


def test_residue_is_removed_and_explained() -> None:
    article = cleaner.clean_html(PAGE)
    assert "newsletter" not in article.body
    rules = {r.rule for r in article.removed}
    assert {"promo.newsletter", "meta.title_repeat"} <= rules


def test_bytes_use_the_declared_charset() -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace(
        "weekends.", "weekends, café included."
    )
    article = cleaner.clean_html(page.encode("cp1252"))
    assert "café included" in article.body and "decoded_from:windows-1252" in article.flags


def test_utf8_bytes_under_a_legacy_label_are_read_as_utf8() -> None:
    # servers often label UTF-8 pages 'iso-8859-1'; decoding by the label gives 'fÃ¼r'
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">').replace(
        "weekends.", "weekends, für alle Käufer."
    )
    article = cleaner.clean_html(page.encode("utf-8"))
    assert "für alle Käufer" in article.body and "Ã" not in article.body
    assert "charset_mismatch:iso-8859-1" in article.flags


def test_text_encoded_twice_is_repaired_in_the_body() -> None:
    # a CMS that stored UTF-8 read as cp1252: the markup itself carries 'â€™' and 'Ã©'
    page = PAGE.replace("weekends.", "weekends, the mayorâ€™s cafÃ© included.")
    article = cleaner.clean_html(page)
    assert "the mayor’s café included" in article.body


def test_wrong_declared_charset_is_flagged_not_raised() -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="no-such-charset">')
    article = cleaner.clean_html(page.encode("utf-8"))
    assert article.error is None and "charset_mismatch:no-such-charset" in article.flags
    assert "The city council voted" in article.body


def test_fallback_to_text_mode_is_flagged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_mode, "_extract", lambda html, url: None)
    article = cleaner.clean_html(PAGE)
    assert "fallback:text" in article.flags and "The city council voted" in article.body


def _extracting(markup: str):
    from types import SimpleNamespace

    from lxml import etree

    return lambda page, url: SimpleNamespace(body=etree.fromstring(f"<body>{markup}</body>"))


FIRST = (
    "The city council voted on Tuesday to extend the hours of the central library, after months of "
    "debate over the cost of staffing the building in the evenings and at weekends."
)
SMALL = cleaner.Config(fallback_min_chars=100)
NO_FALLBACK = cleaner.Config(fallback_min_chars=0, fallback_prose_share=0.0)


def test_text_mode_takes_over_when_trafilatura_keeps_a_small_part(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_mode, "_extract", _extracting(f"<p>{FIRST}</p>"))
    article = cleaner.clean_html(PAGE, config=SMALL)
    assert "fallback:text" in article.flags
    assert FIRST in article.body and "Opponents argued that the money" in article.body


def test_a_menu_over_the_article_goes_and_an_ingredient_list_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    menu = "<list><item>You are here:</item><item>Home</item><item>Council Extends Library Hours</item></list>"
    monkeypatch.setattr(html_mode, "_extract", _extracting(f"{menu}<p>{FIRST}</p>"))
    article = cleaner.clean_html(PAGE, config=NO_FALLBACK)
    assert article.body == FIRST
    assert {r.text for r in article.removed if r.rule == "nav.menu_list"} == {
        "You are here:",
        "Council Extends Library Hours",
    }
    ingredients = "<list><item>2 cups flour</item><item>3 eggs</item><item>1 cup milk</item></list>"
    monkeypatch.setattr(html_mode, "_extract", _extracting(f"{ingredients}<p>{FIRST}</p>"))
    assert cleaner.clean_html(PAGE, config=NO_FALLBACK).body.startswith("- 2 cups flour\n- 3 eggs\n- 1 cup milk\n\n")


def test_text_mode_does_not_replace_another_region(monkeypatch: pytest.MonkeyPatch) -> None:
    other = (
        "Completely different words about football results, transfer rumours and the weather "
        "in a town far away from this one."
    )
    monkeypatch.setattr(html_mode, "_extract", _extracting(f"<p>{other}</p>"))
    article = cleaner.clean_html(PAGE, config=SMALL)
    assert "fallback:text" not in article.flags and article.body == other


def test_text_mode_takes_over_when_it_finds_overwhelmingly_more(monkeypatch: pytest.MonkeyPatch) -> None:
    intro = "An intro above the list that trafilatura kept alone, and text mode does not keep."
    monkeypatch.setattr(html_mode, "_extract", _extracting(f"<p>{intro}</p>"))
    config = cleaner.Config(fallback_min_chars=50, fallback_overwhelming_gain=3.0)
    article = cleaner.clean_html(PAGE, config=config)
    assert "fallback:text" in article.flags and FIRST in article.body
    assert "fallback:text" not in cleaner.clean_html(PAGE, config=config.with_(fallback_overwhelming_gain=1e9)).flags


def test_a_layout_table_gives_paragraphs_and_a_data_table_stays() -> None:
    from lxml import etree

    layout = etree.fromstring(
        "<body><table><row><cell>Weitere Artikel zum Thema</cell></row>"
        "<row><cell></cell><cell>Kommentare insgesamt: 0</cell></row></table>"
        "<table><row><cell role='head'>Day</cell><cell role='head'>Hours</cell></row>"
        "<row><cell>Monday</cell><cell>8-22</cell></row></table></body>"
    )
    blocks = html_mode.content_blocks(layout)
    expected = [("p", "Weitere Artikel zum Thema"), ("p", "Kommentare insgesamt: 0")]
    assert [(b.kind, b.text) for b in blocks[:2]] == expected
    assert blocks[2].kind == "table" and blocks[2].table is not None


def test_fallback_overlap_ignores_labels_text_mode_dropped() -> None:
    # trafilatura's piece holds a button label; text mode drops it: still the same region
    piece = "Book a demo\nThe city council voted on Tuesday to extend the hours of the library."
    assert html_mode._overlap(piece, "The city council voted on Tuesday to extend the hours of the library.") == 1.0


def test_content_tree_keeps_loose_prose_and_nested_items_once() -> None:
    from lxml import etree

    tree = etree.fromstring(
        "<body>Lead said loose.<head>Why it matters</head>Prose after the heading, outside any p."
        "<p>A paragraph.</p><list><item>Flagship: Park Hyatt<list><item>Read my review.</item></list>"
        "after</item></list></body>"
    )
    texts = [b.text for b in html_mode.content_blocks(tree)]
    assert texts == [
        "Lead said loose.",
        "Why it matters",
        "Prose after the heading, outside any p.",
        "A paragraph.",
        "Flagship: Park Hyatt after",
        "Read my review.",
    ]


def test_markup_after_a_stray_document_end_is_read() -> None:
    early_end = PAGE.replace("<article", "</body></html><article", 1)
    assert early_end != PAGE
    assert cleaner.clean_html(early_end).body == cleaner.clean_html(PAGE).body


def test_full_extraction_needs_no_fallback() -> None:
    assert "fallback:text" not in cleaner.clean_html(PAGE).flags


def test_time_limit_reports_a_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(html, url):
        while True:
            pass

    monkeypatch.setattr(html_mode, "_extract", slow)
    article = cleaner.clean_html(PAGE, config=cleaner.Config(timeout_seconds=0.3))
    assert article.error and article.error.startswith("timeout") and "timeout" in article.flags


HOSTILE = {
    "deep nesting": "<html><body>" + "<div>" * 50_000 + "text" + "</div>" * 50_000 + "</body></html>",
    "megabyte attribute": '<html><body><p title="' + "a" * 3_000_000 + '">Some text.</p></body></html>',
    "many attributes": "<html><body><p " + " ".join(f'a{i}="x"' for i in range(100_000)) + ">Hello</p></body></html>",
    "huge colspan": '<html><body><table><tr><td colspan="2000000000">x</td></tr></table></body></html>',
    "entity expansion": '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;'
    '&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><html><body><p>&c;&c;&c;</p></body></html>',
    "external entity": '<?xml version="1.0"?><!DOCTYPE f [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    "<html><body><p>&x;</p></body></html>",
    "truncated": "<html><head><title>T</title></head><body><article><p>This sentence is cut off in the mi",
    "binary junk": bytes(range(256)) * 2000,
    "empty": "",
    "not html": "plain text without any markup",
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_pages_never_crash(name: str) -> None:
    article = cleaner.clean_html(HOSTILE[name])
    assert isinstance(article, cleaner.Article)
    assert "root:" not in article.body and "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" not in article.body


def test_cli_detects_html_and_reads_jsonl_html_field(tmp_path, capsys) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")  # sniffed by content
    rows = tmp_path / "pages.jsonl"
    rows.write_text(json.dumps({"id": "a", "html": PAGE}) + "\n", encoding="utf-8")
    for path in ("page.html", "page.txt", "pages.jsonl"):
        assert main(["clean", str(tmp_path / path), "-f", "jsonl"]) == 0
        record = json.loads(capsys.readouterr().out.splitlines()[0])
        assert record["input"] == "html" and record["title"] == "Council Extends Library Hours"
    assert main(["clean", str(tmp_path / "page.html"), "--input-format", "text", "-f", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["input"] == "text"


def test_ordered_lists_keep_their_numbers_and_nested_items_their_place() -> None:
    from lxml import etree

    body = etree.fromstring(
        '<body><list rend="ol"><item>Gather the documents</item><item>Propose a plan'
        '<list rend="ul"><item>with the tools it needs</item></list></item>'
        '<item>Run the approved steps</item></list><list rend="ul"><item>A bullet</item></list></body>'
    )
    blocks = html_mode.content_blocks(body)
    assert [(b.marker, b.text) for b in blocks] == [
        ("1.", "Gather the documents"),
        ("2.", "Propose a plan"),
        ("", "with the tools it needs"),
        ("3.", "Run the approved steps"),
        ("", "A bullet"),
    ]


def test_lists_nested_thousands_deep_do_not_recurse() -> None:
    from lxml import etree

    depth = 5000
    root = inner = etree.Element("list", rend="ol")
    for _ in range(depth):
        item = etree.SubElement(inner, "item")
        item.text = "deeper"
        inner = etree.SubElement(item, "list", rend="ol")
    blocks = html_mode._list_blocks(root, 1)
    assert len(blocks) == depth and all(b.marker == "1." for b in blocks)


def test_the_site_name_around_the_headline_is_not_the_title() -> None:
    head = '<meta property="og:site_name" content="Tastify"><meta property="og:title" content="{}">'
    for raw in ("Tastify | Top 7 Catering Trends for 2024", "Top 7 Catering Trends for 2024 - Tastify"):
        assert html_mode.page_metadata(head.format(raw))["title"] == "Top 7 Catering Trends for 2024"
    assert html_mode.page_metadata(head.format("Tastify: The Story"))["title"] == "Tastify: The Story"
    assert html_mode.page_metadata(head.format("Why Tastify | Works"))["title"] == "Why Tastify | Works"
    assert html_mode.page_metadata("<title>Ten travel hacks .</title>")["title"] == "Ten travel hacks."


def test_an_account_or_a_desk_in_the_author_tag_is_no_author() -> None:
    assert cleaner.clean_html(PAGE).authors == ["Jane Doe"]
    for name in ("q_admin", "admin", "Staff"):
        page = PAGE.replace('<meta name="author" content="Jane Doe">', f'<meta name="author" content="{name}">')
        assert cleaner.clean_html(page).authors == []


def test_author_tags_hold_names_not_places_or_accounts() -> None:
    assert html_mode._authors(["SPIEGEL ONLINE, Hamburg, Germany"]) == ["SPIEGEL ONLINE"]
    assert html_mode._authors(["Jane Doe, MD", "Jane Doe and John Roe; Ann Lee"]) == ["Jane Doe", "John Roe", "Ann Lee"]
    page = PAGE.replace('<meta name="author" content="Jane Doe">', '<meta name="author" content="jane.doe">')
    assert cleaner.clean_html(page).authors == []


def test_a_site_tag_holding_the_headline_is_no_site() -> None:
    title = "Halls too full, experts warn"
    head = f'<meta name="application-name" content="{title}"><meta property="og:title" content="{title}">'
    assert html_mode.page_metadata(head)["site"] is None


SECTION = "The committee met for {} hours on Tuesday and agreed to publish its findings next month, officials said."
HEADED_PAGE = (
    "<html><head><title>Council vote</title></head><body><div class='wrap'>"
    "<h1>Council vote</h1><p>&zwj;</p><p>{}</p>"
    "<h3>Background</h3><p>&zwj;</p><p>{}</p>"
    "<div class='card'><a href='/other-story'><h3>Another story on the council</h3></a><p>{}</p></div>"
    "<h3>Related articles</h3><p>{}</p>"
    "<h3>What comes next</h3><div><p>{}</p></div>"
    "<h3>Options</h3><h4>1. Open on Sundays</h4><ol><li>{}</li><li>Hire two more librarians.</li></ol>"
    "</div></body></html>"
).format(*(SECTION.format(n) for n in ("two", "three", "four", "five", "six", "seven")))


def test_headings_trafilatura_dropped_go_back_above_their_paragraphs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its recovery of loose paragraphs leaves headings out; a section heading goes back,
    a teaser's headline (in a link), a related box's heading and the title do not."""
    paragraphs = "".join(f"<p>{SECTION.format(n)}</p>" for n in ("two", "three", "four", "five", "six"))
    items = f"<list rend='ol'><item>{SECTION.format('seven')}</item><item>Hire two more librarians.</item></list>"
    monkeypatch.setattr(html_mode, "_extract", _extracting(paragraphs + items))
    body = cleaner.clean_html(HEADED_PAGE, config=NO_FALLBACK).body.split("\n\n")
    assert body[1:3] == ["Background", SECTION.format("three")]
    assert body[-5:-3] == ["What comes next", SECTION.format("six")]
    assert body[-3:-1] == ["Options", "1. Open on Sundays"]  # a heading over a subheading, over a list
    assert body[-1].startswith("1. " + SECTION.format("seven"))
    assert "Another story on the council" not in body and "Related articles" not in body
    assert "Council vote" not in body
    off = cleaner.clean_html(HEADED_PAGE, config=NO_FALLBACK.with_(heading_restore=False)).body
    assert "Background" not in off and "What comes next" not in off


def test_a_pull_quote_in_a_figure_is_kept_and_an_embedded_post_is_not() -> None:
    """trafilatura deletes figures when images are off; a pull quote's figure is read as a
    block, an embedded post's stays a figure."""
    prose = "".join(f"<p>{SECTION.format(n)} The vote was close.</p>" for n in ("two", "three", "four", "five"))
    quote = "Libraries are the living rooms of a city, and ours should be open when people are free."
    tweet = "Great news for students tonight, the library stays open late from June."
    html = (
        f"<html><body><article><h1>Council vote</h1>{prose}"
        f"<figure class='wp-block-pullquote'><blockquote><p>{quote}</p><cite>Jane Roe</cite></blockquote></figure>"
        f"{prose}<figure class='wp-block-embed is-type-rich'><blockquote class='twitter-tweet'><p>{tweet}</p>"
        f"</blockquote></figure>{prose}</article></body></html>"
    )
    body = cleaner.clean_html(html).body
    assert quote in body and tweet not in body
    assert quote not in cleaner.clean_html(html, config=cleaner.Config(quote_figures=False)).body


def test_an_article_stated_only_in_json_ld_is_cleaned_from_there(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page that renders its article with script: the markup holds a caption, which is
    all trafilatura finds, and the JSON-LD holds the article's body."""
    body = "\n".join(SECTION.format(n) + " The mayor welcomed the decision." for n in ("two", "three", "four"))
    ld = json.dumps({"@type": "NewsArticle", "headline": "Council vote", "articleBody": body})
    caption = "The council chamber during the vote on Tuesday."
    html = (
        f"<html><head><title>Council vote</title><script type='application/ld+json'>{ld}</script></head>"
        f"<body><div id='root'><figure><figcaption>{caption}</figcaption></figure></div></body></html>"
    )
    monkeypatch.setattr(html_mode, "_extract", _extracting(f"<p>{caption}</p>"))
    article = cleaner.clean_html(html)
    assert "fallback:jsonld" in article.flags and article.title == "Council vote"
    assert article.body.split("\n\n")[0] == SECTION.format("two") + " The mayor welcomed the decision."
    assert "fallback:jsonld" not in cleaner.clean_html(html.replace(ld, "{}")).flags


def test_an_article_built_of_widgets_is_kept_and_the_debris_beside_it_goes() -> None:
    """trafilatura deletes boxes by substrings of their class ('widget'); when the article is
    made of such boxes, nearly all the page would go and its guard keeps everything, the
    related box and the hidden copy too. The article's boxes lose the words that named them,
    so the rest is pruned; a box named for debris or hidden keeps its name."""
    hours = ("two", "three", "four", "five", "six", "seven", "eight")
    prose = "".join(f"<p>{SECTION.format(n)} The vote was close.</p>" for n in hours)
    teaser = "Another council story: the budget for parks was cut again, and residents are angry about it."
    copy = "A copy of the lead for small screens, which the page hides on large ones, repeated for phones."
    about = "We are a small team of local reporters who have covered the city council since the year two thousand."
    html = (
        "<html><head><title>Council vote</title></head><body><nav><a href='/'>Home</a></nav>"
        "<div class='content-sidebar-wrap'><main>"
        "<div class='so-panel widget widget_sow-headline'><h2>Why the vote matters</h2></div>"
        f"<div class='so-panel widget widget_text'><div class='textwidget'>{prose}</div></div>"
        f"<div class='so-panel widget widget_text'><div class='textwidget'><p>{SECTION.format('nine')}</p></div></div>"
        f"<div class='so-panel widget related-posts'><p>{teaser}</p></div>"
        f"<div class='so-panel widget widget_text hidden-desktop'><p>{copy}</p></div>"
        f"</main><aside><div class='so-panel widget widget_text'><p>{about}</p></div></aside></div></body></html>"
    )
    body = cleaner.clean_html(html, config=NO_FALLBACK).body
    assert body.startswith("Why the vote matters") and SECTION.format("nine") in body
    assert teaser not in body and copy not in body and about not in body
    off = cleaner.clean_html(html, config=NO_FALLBACK.with_(spare_box_chars=0)).body
    assert teaser in off and copy in off


@pytest.mark.parametrize(
    ("word", "kept"),
    [
        ("elementor-widget-theme-post-content", "elementor-theme-post-content"),
        ("hs_cos_wrapper_meta_field", "hs_cos_wrapper_field"),
        ("sidebar_content", "content"),
        ("bard", ""),
        ("post-content", "post-content"),
    ],
)
def test_a_spared_box_loses_only_the_pieces_of_its_class_trafilatura_deletes_by(word: str, kept: str) -> None:
    assert html_mode._unnamed(word) == kept


def test_what_follows_the_related_heading_the_article_ends_at_goes(monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura's selection can run on below the article into the page's other boxes;
    under the related heading the article ends at, a pitch and a teaser go, and so does a
    list of teasers with their summaries. A closing section of paragraphs under such a
    heading ('Further reading') is the article's last."""
    article = "".join(f"<p>{SECTION.format(n)} The vote was close.</p>" for n in ("two", "three", "four", "five"))
    pitch = "Northwind Weekly is an independent newsroom covering the city since 1998."
    rest = f"<p>{pitch}</p><p>Get our app</p><p>Council budget: what changes in June</p><p>Contact us</p>"
    monkeypatch.setattr(html_mode, "_extract", _extracting(f"{article}<head>More from Northwind</head>{rest}"))
    found = cleaner.clean_html(HEADED_PAGE, config=NO_FALLBACK)
    assert found.body.endswith(SECTION.format("five") + " The vote was close.")
    assert pitch in [r.text for r in found.removed if r.rule == "core.after_related"]
    closing = [SECTION.format(n) + " The library will reopen in June." for n in ("six", "seven")]
    ending = "<head>Further reading</head>" + "".join(f"<p>{p}</p>" for p in closing)
    monkeypatch.setattr(html_mode, "_extract", _extracting(article + ending))
    assert cleaner.clean_html(HEADED_PAGE, config=NO_FALLBACK).body.endswith(closing[-1])
    teasers = "".join(f"<item>{p.replace('The committee', 'Parks: the board')}</item>" for p in closing)
    listed = f"{article}<head>Further reading</head><list>{teasers}</list>"
    monkeypatch.setattr(html_mode, "_extract", _extracting(listed))
    body = cleaner.clean_html(HEADED_PAGE, config=NO_FALLBACK).body
    assert body.endswith(SECTION.format("five") + " The vote was close.")


@pytest.mark.parametrize("tag", ["o:p", "fb:widget", "div"])
def test_a_prefixed_tag_named_like_debris_is_read_not_an_error(tag: str) -> None:
    """Word's '<o:p>' and Facebook's '<fb:...>' tags are no XML names: asking trafilatura's
    expressions about such a box must not fail the page."""
    prose = "".join(
        f"<p>{SECTION.format(n)} The vote was close.</p>"
        for n in ("two", "three", "four", "five", "six", "seven", "eight")
    )
    article = cleaner.clean_html(f"<html><body><{tag} class='widget'>{prose}</{tag}></body></html>")
    assert article.error is None and SECTION.format("eight") in article.body
