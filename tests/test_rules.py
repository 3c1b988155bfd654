"""Each named rule on examples that it must remove and text it must leave alone.

Examples are data (fixtures/rules/cases.json). An example is placed among ordinary
paragraphs ("at": head, middle or tail of the page); the test checks that the rule with
that id recorded the removal, that the text left the body, and any metadata it yields. A
rule text mode leaves out (see ``TEXT_SKIP`` in cleaner/steps.py) is tried in HTML mode.
"""

from __future__ import annotations

import html
import json

import pytest

import cleaner
from cleaner.registry import ALL
from conftest import FIXTURES, prose, settled

CASES = json.loads((FIXTURES / "rules" / "cases.json").read_text(encoding="utf-8"))


def _page(text: str, at: str) -> str:
    p = prose(3)
    parts = {"head": [text, *p], "middle": [p[0], p[1], text, p[2]], "tail": [*p, text]}[at]
    return "\n\n".join(parts)


def _clean(example: dict) -> cleaner.Article:
    """Text mode, or HTML mode for a rule text mode leaves out (``"mode": "html"``): the
    page's paragraphs as ``<p>`` elements of an article."""
    page = _page(example["text"], example.get("at", "middle"))
    if example.get("mode") != "html":
        return cleaner.clean(page)
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in page.split("\n\n"))
    return cleaner.clean_html(f"<html><body><article>{paragraphs}</article></body></html>")


def _examples(kind: str):
    for rule_id, case in CASES.items():
        for example in case[kind]:
            example = example if isinstance(example, dict) else {"text": example}
            yield pytest.param(rule_id, example, id=f"{rule_id}:{example['text'][:30]}")


@pytest.mark.parametrize(("rule_id", "example"), list(_examples("removes")))
def test_rule_removes(rule_id: str, example: dict) -> None:
    article = _clean(example)
    removed = example.get("removed", example["text"])
    hits = [r for r in article.removed if r.rule == rule_id]
    assert any(r.text == removed for r in hits), [(r.rule, r.text) for r in article.removed]
    if not example.get("left_in_body"):
        for line in removed.split("\n"):
            assert line not in article.body.split("\n")
    for name, value in example.get("meta", {}).items():
        assert getattr(article, name) == value


@pytest.mark.parametrize(("rule_id", "example"), list(_examples("keeps")))
def test_rule_keeps(rule_id: str, example: dict) -> None:
    article = _clean(example)
    assert example["text"] in article.body, [(r.rule, r.text) for r in article.removed]


def test_every_named_rule_has_examples() -> None:
    named = {r.id for r in ALL if r.kind not in ("core", "parse")}
    assert named <= set(CASES), sorted(named - set(CASES))


def test_disabled_rule_leaves_its_debris() -> None:
    text = _page("Advertisement", "middle")
    config = cleaner.Config(disabled_rules=frozenset({"ads.label", "core.boilerplate", "core.outside_article"}))
    assert "Advertisement" in cleaner.clean(text, config=config).body


def test_title_case_headline_over_date_is_the_title_not_an_author() -> None:
    page = "\n\n".join(["Storm Closes Coastal Roads", "June 2, 2025", *prose(3)])
    article = cleaner.clean(page)
    assert article.title == "Storm Closes Coastal Roads"
    assert article.authors == []


def test_a_timeline_of_dated_paragraphs_is_not_a_comment_thread() -> None:
    events = [
        "The first cases were reported in the northern province, officials said, and schools closed within a week.",
        "The government announced a national lockdown that would last at least a month, the prime minister said.",
        "Shops and offices reopened in stages after the number of new cases fell for three weeks in a row.",
    ]
    dates = ["March 3, 2020", "April 10, 2020", "June 1, 2020"]
    page = "\n\n".join(part for pair in zip(dates, events, strict=True) for part in pair)
    article = cleaner.clean(page)
    assert all(event in article.body for event in events)
    assert not any(r.rule in ("widget.comment_text", "widget.dated_comments") for r in article.removed)
    # under a heading that is not a comment box's, dated sections are still the article
    article = cleaner.clean("Timeline of the outbreak\n\n" + page)
    assert not any(r.rule == "widget.dated_comments" for r in article.removed)
    assert all(event in article.body for event in events[1:])  # the first is the subtitle


def test_a_sponsored_label_takes_its_card_not_the_article_under_it() -> None:
    p = prose(3)
    sentence = "The bridge will stay closed until the end of the month, the transport ministry said."
    article = cleaner.clean(
        "\n\n".join([p[0], p[1], "Sponsored Content", "Try This Trick (See Price)", sentence, p[2]])
    )
    assert sentence in article.body and "See Price" not in article.body
    # at the top, the label heads a sponsored article: its headline is the title
    article = cleaner.clean("\n\n".join(["Sponsored", "Ten Ways to Save on Energy Bills This Winter", *p]))
    assert article.title == "Ten Ways to Save on Energy Bills This Winter"


def test_a_pull_quote_repeated_once_is_not_a_repeated_section() -> None:
    p = prose(3)
    quote = "\u201cWe will not trade our security for tariffs,\u201d the minister told reporters in Tokyo."
    article = cleaner.clean("\n\n".join([p[0], quote, p[1], quote, p[2]]))
    assert article.body.count(quote) == 2
    # the same paragraphs printed again as a block are a second copy
    article = cleaner.clean("\n\n".join([p[0], p[1], quote, p[0], p[1], p[2]]))
    assert article.body.count(p[0]) == 1 and article.body.count(p[1]) == 1


def test_the_same_box_after_every_section_does_not_end_the_article() -> None:
    schools = ["Harvard", "Stanford", "Wharton", "Kellogg", "Columbia"]
    parts = ["The best business schools of 2025"]
    for i, name in enumerate(schools, 1):
        parts += [
            f"{i}. {name}",
            f"{name} is one of the oldest business schools in the country, and its graduates lead many of the "
            "largest companies in the world, the ranking's authors said.",
            *[f"Location: {name} campus", "Average GMAT: 730", "Class Size: 400", "Acceptance Rate: 12%"],
            f"More on {name}:",
            *[f"Best strategies for the {name} essay", f"Guide to the {name} interview", f"How to get into {name}"],
            *[f"Leveraging a {name} MBA for entrepreneurship", f"Work-life balance at {name}"],
        ]
    body = cleaner.clean("\n\n".join(parts)).body
    assert all(f"{name} is one of the oldest" in body for name in schools)
    assert "More on" not in body and "Guide to the" not in body


def test_key_points_over_the_lead_stay_with_it() -> None:
    points = ["Minister says tariffs and security are separate", "Negotiator had floated arms purchases"]
    page = "\n\n".join(
        ["Japan rules out buying U.S. arms", "World", "Sport", "Business", "Key points", *points, *prose(3)]
    )
    body = settled(page)
    assert body.startswith("Key points\n\n" + "\n\n".join(points))
    assert "Business" not in body


def test_read_more_links_inside_the_article_are_not_a_teaser_list() -> None:
    items = [
        "The city library offers free tax help on Mondays, with volunteers trained by the revenue office.",
        "The community centre runs a food bank every Thursday afternoon for families who need help.",
        "The job centre holds workshops on writing a CV and preparing for interviews each week.",
    ]
    page = "\n\n".join([part for item in items for part in (item, "Read more")] + prose(2))
    article = cleaner.clean(page)
    assert all(item in article.body for item in items)
    assert not any(r.rule == "related.teaser_list" for r in article.removed)


def test_a_list_above_the_article_ends_at_its_byline() -> None:
    page = (
        "Trending\n1\nRupiah weakens as investors await US data\n2\nJakarta floods displace thousands\n"
        "Indonesia, Japan agree to boost defense industry cooperation\n\nReporter: Andi Pratama\n\n"
        "Wednesday, 4 June 2025 15:20 WIB\n\n"
        "Jakarta - Indonesia and Japan have agreed to strengthen cooperation in the defense industry, "
        "including joint production of naval vessels, the Defense Ministry said on Wednesday.\n\n"
        "The agreement was reached during a meeting between the two countries' defense ministers in "
        "Jakarta, where they also discussed regional security and maritime cooperation.\n"
    )
    article = cleaner.clean(page)
    assert article.title == "Indonesia, Japan agree to boost defense industry cooperation"
    assert article.authors == ["Andi Pratama"]
    assert article.published == "2025-06-04T15:20"
    assert "Rupiah" not in article.body


@pytest.mark.parametrize(
    ("page", "title", "published", "opening"),
    [
        pytest.param(
            "Japan Today\nJapan to buy more U.S. defense equipment as tariff talks continue\n17:05 JST, June 3, 2025\n"
            "TOKYO - Japan will consider buying more U.S. defense equipment, including fighter jets and missiles, "
            "as part of its efforts to reach a deal in tariff negotiations, government sources said Tuesday.\n"
            "The plan would be presented during the fourth round of ministerial talks, the sources said.\n",
            "Japan to buy more U.S. defense equipment as tariff talks continue",
            "2025-06-03T17:05",
            "TOKYO - Japan will consider",
            id="site name on the first line",
        ),
        pytest.param(
            "Japan wil Amerikaanse wapens kopen om importheffingen te verlagen\n"
            "maandag 2 juni 2025, 07:45\n"
            "Japan wil voor duizenden miljarden yen aan Amerikaans defensiematerieel kopen, meldt de regering.\n"
            "Het gaat onder meer om kruisraketten en gevechtsvliegtuigen die al gepland waren tot 2027.",
            "Japan wil Amerikaanse wapens kopen om importheffingen te verlagen",
            "2025-06-02T07:45",
            "Japan wil voor duizenden",
            id="lower-case date line under the headline",
        ),
    ],
)
def test_title_and_date_of_a_small_page(page: str, title: str, published: str, opening: str) -> None:
    article = cleaner.clean(page)
    assert (article.title, article.published) == (title, published)
    assert article.body.startswith(opening)


def _body(*parts: str) -> str:
    """The body of a page made of these blocks."""
    return cleaner.clean("\n\n".join(parts)).body


def test_the_article_goes_on_below_a_related_box() -> None:
    body = _body(
        *prose(2),
        "Related",
        "Microsoft Is Using DNA to Solve Our Data Storage Crisis",
        "Seagate Will Ship 18TB and 20TB Hard Drives in 2020",
        "Conventional recording methods today achieve 1.14Tb per square inch, but the company believes its "
        "technology will raise that to 6Tb per square inch, which would make an 80TB drive possible within "
        "a few years.",
    )
    assert body.endswith("which would make an 80TB drive possible within a few years.")
    assert "Seagate" not in body


def test_a_short_list_between_two_long_parts_keeps_both() -> None:
    paragraph = (
        "Health workers said the hospital had run out of fuel on Tuesday, and that the generators which kept "
        "the neonatal unit running had stopped for several hours before a delivery of diesel arrived. "
    )
    page = "\n\n".join(
        [
            paragraph * 2,
            "Most Read",
            "Blowback: How the War Reached the Clinics",
            "Counterterrorism Funds Flow to Local Police",
            "Cancer Patients",
            *[f"{paragraph * 2}Part {n} of the account." for n in range(1, 12)],
        ]
    )
    article = cleaner.clean(page)
    assert "Part 11 of the account." in article.body
    assert "Blowback" not in article.body


@pytest.mark.parametrize("dateline", ["TOKYO (Kyodo) --", "Liputan6.com, Tokyo -"])
def test_a_lead_that_opens_with_a_dateline_is_not_a_subtitle(dateline: str) -> None:
    page = (
        f"Central bank holds rates steady\n\n{dateline} The central bank left its benchmark interest rate "
        "unchanged on Tuesday, pausing after three consecutive cuts.\n\nShare\nFacebook\nX\n\n" + "\n\n".join(prose(3))
    )
    article = cleaner.clean(page)
    assert article.subtitle is None
    assert article.body.startswith(f"{dateline} The central bank")


def test_the_publication_date_wins_over_an_update_printed_above_it() -> None:
    head = [
        "Central bank holds rates steady",
        "Diperbarui 02 Jun 2025, 07:13 WIB",
        "Diterbitkan 02 Jun 2025, 06:50 WIB",
    ]
    assert cleaner.clean("\n\n".join([*head, *prose(3)])).published == "2025-06-02T06:50"
    # with no publication date on the page, the update is the best date there is
    assert cleaner.clean("\n\n".join([*head[:2], *prose(3)])).published == "2025-06-02T07:13"


def test_an_end_marker_glued_to_the_last_sentence_ends_the_article() -> None:
    paragraphs = [f"{p} (Part {n}.)" for n, p in enumerate(prose(4))]
    body = _body(
        *paragraphs[:-1],
        paragraphs[-1] + "***",
        "Our partner network spans forty outlets across the region and reaches millions of readers every "
        "month, with features, interviews and analysis.",
    )
    assert body.endswith("(Part 3.)")
    assert "partner network" not in body


def test_a_site_suffix_glued_to_a_cjk_title_goes_to_the_site_field() -> None:
    article = cleaner.clean("赤沢経済再生相、訪米へ｜日本経済新聞\n\n" + "\n\n".join(prose(3)))
    assert (article.title, article.site) == ("赤沢経済再生相、訪米へ", "日本経済新聞")


def test_headline_like_lines_left_on_top_of_the_body_are_settled_at_once() -> None:
    # the first becomes the title; the next would become the title when cleaned again
    page = "Du willst mich besser kennen lernen?\n\nWofür stehe ich?\n\n" + "\n\n".join(prose(3))
    article = cleaner.clean(page)
    assert article.title == "Du willst mich besser kennen lernen?"
    assert article.body.startswith("The city council")
    assert cleaner.clean(article.body).body == article.body


def test_a_lead_in_ending_in_a_colon_on_top_of_the_body_stays() -> None:
    # 'The blotter is as follows:' introduces what comes next: no headline, no title
    lead = "The following are the arrest reports as recorded by the police department this week:"
    article = cleaner.clean("Police Blotter\n\n" + lead + "\n\n" + "\n\n".join(prose(3)))
    assert article.body.startswith(lead)
    assert cleaner.clean(article.body).body == article.body


def test_a_table_of_contents_on_top_of_the_body_goes() -> None:
    sections = [f"What Is Step {n} Of The Plan?" for n in range(1, 7)]
    body = [part for s, p in zip(sections, prose(4) * 2, strict=False) for part in (s, p)]
    article = cleaner.clean("\n\n".join(["How The Plan Works", *sections, *body]))
    assert article.body.count("What Is Step 2 Of The Plan?") == 1
    assert cleaner.clean(article.body).body == article.body


def test_a_lone_by_joins_the_name_on_the_next_line() -> None:
    page = "Japan Weighs Defense Purchases to Ease Tariff Standoff\nBy\nAriel Hart\nJune 3, 2025\n" + "\n".join(
        prose(3)
    )
    article = cleaner.clean(page)
    assert article.authors == ["Ariel Hart"]
    assert article.body.startswith("The city council")


def test_a_masthead_over_a_section_label_is_not_the_title() -> None:
    page = FIXTURES / "languages" / "en_masthead.txt"
    article = cleaner.clean(page.read_text(encoding="utf-8"))
    assert article.title == "Japan Presents U.S. with Defense Equipment Purchase Plan in Tariff Talks"
    assert article.subtitle == "Government Seeks to Show Scale of Buys to Reduce Deficit"
    assert article.published == "2025-06-02T11:30"
    assert article.body.startswith("The government has presented the United States")
    assert "file photo" not in article.body and "Related Tags" not in article.body


def test_a_headline_under_the_site_name_and_section_is_the_title_without_a_date() -> None:
    page = "\n".join(
        [
            "Japan Today",
            "National",
            "Japan to present U.S. with plan to buy defense gear in tariff talks",
            "TOKYO",
            "Jun. 2 05:40 pm JST",
            *prose(3),
        ]
    )
    assert cleaner.clean(page).title == "Japan to present U.S. with plan to buy defense gear in tariff talks"


def test_a_sentence_that_only_mentions_being_seen_is_not_a_caption() -> None:
    kept = "The missiles are seen as a deterrent by officials in Tokyo."
    page = "\n\n".join([*prose(2), kept, prose(3)[2]])
    assert kept in cleaner.clean(page).body


def test_a_last_line_with_a_price_over_a_subscribe_button_stays() -> None:
    kept = "Landlords said the average rent rose to $500 per month."
    article = cleaner.clean("\n\n".join([*prose(3), kept, "Subscribe now"]))
    assert kept in article.body and "Subscribe now" not in article.body


def test_a_standfirst_that_names_the_u_s_is_one_sentence() -> None:
    page = "\n".join(
        [
            "Devdiscourse",
            "Japan's Defense Dilemma: Balancing Security and Trade Talks",
            "Japan's defense minister has rejected suggestions that Tokyo would buy U.S. weapons to win tariff relief,"
            " saying procurement decisions are based on security needs.",
            "Devdiscourse News Desk | Tokyo | Updated: 02-06-2025 07:13 IST | Created: 02-06-2025 07:13 IST",
            *prose(3),
        ]
    )
    article = cleaner.clean(page)
    assert article.title == "Japan's Defense Dilemma: Balancing Security and Trade Talks"
    assert article.published == "2025-06-02T07:13"
    assert article.subtitle and article.subtitle.startswith("Japan's defense minister")


def test_a_site_name_above_the_title_does_not_join_the_article() -> None:
    page = "\n".join(
        [
            "TEMPO.CO English",
            "Japan Won't Trade Defense Purchases for Tariff Relief, Minister Says",
            "Translator: Ninna Rahma",
            "2 June 2025 07:13 WIB",
            *prose(3),
        ]
    )
    article = cleaner.clean(page)
    assert article.body.startswith(prose(1)[0]) and "TEMPO.CO" not in article.body


def test_a_graphics_field_in_a_specification_list_is_not_a_credit() -> None:
    specs = ["CPU: Intel Core i7-13700H", "Graphics: Nvidia RTX 4050", "RAM: 16GB DDR5"]
    article = cleaner.clean("\n\n".join([*prose(2), *specs, prose(3)[2]]))
    assert all(line in article.body for line in specs), [(r.rule, r.text) for r in article.removed]


def test_labels_over_a_repeated_headline_on_top_of_the_body_go_with_it() -> None:
    headline = "How Fast Does an Electric Skateboard Go? Top Speeds Revealed"
    page = "\n\n".join([headline, "BLOG", "News", headline, *prose(3)])
    article = cleaner.clean(page)
    assert article.body.startswith(prose(1)[0])
    assert cleaner.clean(article.body).body == article.body


def test_a_dateline_ending_in_a_dash_opens_the_paragraph_under_it() -> None:
    page = "\n".join(["Jakarta, CNN Indonesia --", prose(1)[0], *prose(3)[1:]])
    assert cleaner.clean(page).body.startswith("Jakarta, CNN Indonesia -- " + prose(1)[0])


def test_a_section_label_over_the_headline_is_not_the_site() -> None:
    page = "\n\n".join(
        [
            "News",
            "World",
            "Japan mulls buying US defence equipment to soften tariff blow",
            "Updated: 02 Jun 2025, 08:41 AM IST",
            *prose(3),
        ]
    )
    article = cleaner.clean(page)
    assert article.title == "Japan mulls buying US defence equipment to soften tariff blow" and article.site is None


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Von Martin Fritz, Tokio", ["Martin Fritz"]),  # the place after the name
        ("Le Monde avec AFP", []),  # an outlet with a wire agency: a credit, no writer
        ("Por g1, com agências internacionais", []),
    ],
)
def test_byline_credits_that_name_no_writer_or_a_place(line: str, authors: list[str]) -> None:
    page = "\n\n".join(["Japan rejects arms-for-tariffs deal", line, "02.06.2025, 07:13", *prose(3)])
    article = cleaner.clean(page)
    assert article.authors == authors
    assert line not in article.body


def test_a_date_line_may_end_with_a_relative_time() -> None:
    page = "\n\n".join(["Japão recusa comprar armas", "02/06/2025 07h13 Atualizado há 2 horas", *prose(3)])
    assert cleaner.clean(page).published == "2025-06-02T07:13"


@pytest.mark.parametrize(
    ("head", "title", "authors"),
    [
        (["World News | Japan rules out arms-for-tariffs deal", "June 2, 2025 by Jane Doe"], None, ["Jane Doe"]),
        (
            ["Japan rules out arms-for-tariffs deal", "Jane Doe", "Senior correspondent", "June 2, 2025"],
            None,
            ["Jane Doe"],
        ),
    ],
)
def test_head_lines_around_the_title(head: list[str], title: str | None, authors: list[str]) -> None:
    article = cleaner.clean("\n\n".join([*head, *prose(3)]))
    assert article.title == (title or "Japan rules out arms-for-tariffs deal")
    assert article.authors == authors and article.published.startswith("2025-06-02")


def test_a_sentence_cut_by_an_ad_label_is_joined_again() -> None:
    page = "\n".join(
        [
            "Japan rules out arms-for-tariffs deal",
            "The minister said on Friday that Tokyo would not buy weapons for lower tariffs before a fourth round of",
            "Advertisement",
            "talks in Washington this week.",
            *prose(3),
        ]
    )
    article = cleaner.clean(page)
    assert "a fourth round of talks in Washington this week." in article.body
    assert "Advertisement" not in article.body


def test_a_timeline_closing_the_article_is_not_a_dated_list() -> None:
    text = "\n\n".join(
        [
            *prose(3),
            "March 3, 2020: the first case is confirmed",
            "March 20, 2020: schools close",
            "May 4, 2020: shops reopen",
        ]
    )
    article = cleaner.clean(text)
    assert not any(r.rule == "related.dated_list" for r in article.removed)


RECIPE_MENU = ["Rezepte", "Backen", "Kochen", "Magazin", "Newsletter", "Anmelden", "Suche"]
INGREDIENTS = [
    "125 g Mehl",
    "65 g Zucker",
    "65 g Margarine oder Butter",
    "1 Ei",
    "1 TL Backpulver",
    "Für die Füllung:",
    "500 ml Milch",
    "2 Pck. Vanillepuddingpulver",
    "3 Becher Schmand",
]
STEPS = [
    "Als Erstes den Pudding kochen und zum Abkühlen zur Seite stellen, damit sich keine Haut bildet.",
    "Für den Boden die Zutaten zusammenkneten und den Teig in die gefettete Springform drücken.",
    "Den Schmand mit dem abgekühlten Pudding verrühren und auf dem Boden verteilen.",
    "Den Kuchen bei 175 Grad für etwa achtzig Minuten backen und danach gut auskühlen lassen.",
]


def test_an_ingredient_list_over_the_steps_of_a_recipe_is_kept() -> None:
    # too short to read as prose, and separated from the steps by the nutrition box
    page = [*RECIPE_MENU, "Mandarinen-Schmand-Kuchen", "Zutaten", *INGREDIENTS, "Nährwerte pro Portion", "kcal", "4512"]
    page += ["Zubereitung", *STEPS, "Weitere Rezepte", "Impressum", "Datenschutz"]
    article = cleaner.clean("\n\n".join(page))
    body = article.body.split("\n\n")
    assert all(line in body for line in INGREDIENTS)
    assert body.index("125 g Mehl") < body.index(STEPS[0])
    assert "Rezepte" not in body and "Impressum" not in body
    assert cleaner.clean(article.body).body == article.body


def test_an_english_ingredient_list_whose_first_line_reads_like_a_headline_is_kept() -> None:
    items = [
        "1 large or 1200 g whole chicken",
        "2 tablespoons vegetable oil",
        "1 medium onion, chopped",
        "250 g minced lamb",
        "1 tablespoon ground cinnamon",
    ]
    steps = [
        "Roast the chicken in a preheated oven for 45 to 50 minutes or until it is cooked and golden brown.",
        "Meanwhile, heat the oil in a large saucepan, add the onion and cook until it is soft and golden.",
        "Add the minced lamb and cook until the meat is brown, then season it with the cinnamon.",
    ]
    article = cleaner.clean("\n\n".join(["Roasted Chicken with Rice", "Ingredients", *items, "Steps", *steps]))
    body = article.body.split("\n\n")
    assert body[body.index(items[0]) :][:5] == items
    assert cleaner.clean(article.body).body == article.body


def test_numbered_teasers_and_nutrition_values_are_no_ingredient_list() -> None:
    teasers = [
        "5 Reasons To Ditch Your Hiking Boots",
        "7 Best GPS Watches for Hiking",
        "10 Best Travel Backpacks",
        "3 Tents We Tested This Year",
    ]
    values = ["Energy", "782 kcal", "Protein", "43 g", "Fat", "39 g", "Carbohydrate", "61 g"]
    for extra in (teasers, values):
        article = cleaner.clean("\n\n".join([*extra, "Menu", "Search", *prose(3)]))
        assert not any(line in article.body.split("\n\n") for line in extra)


CREDITS = ["Fot. Lukasz Nowaczyk / Agencja Gazeta", "Fot. Jan Kowalski", "Andrew Milligan/Reuters"]


@pytest.mark.parametrize("credit", CREDITS)
def test_an_abbreviated_photo_label_or_a_name_and_agency_is_a_credit(credit: str) -> None:
    paras = prose(3)
    article = cleaner.clean("\n\n".join([paras[0], credit, *paras[1:]]))
    assert [r.rule for r in article.removed if r.text == credit] == ["caption.credit"]


def test_the_references_list_after_the_article_goes_with_its_heading() -> None:
    citations = [
        "Pierceall EA, Keim MC. Stress and Coping Strategies Among College Students. J Coll Stud. 2007;31(9):703-12.",
        "Burgess-Yeo, S. (2019, February 26). Can Filter Basket Shape Affect Flavor? Retrieved from https://example.org/a",
        "Statista. (2024). Number of user accounts exposed worldwide.",
    ]
    article = cleaner.clean("\n\n".join([*prose(4), "References", *citations]))
    assert article.body == "\n\n".join(prose(4))
    assert {r.rule for r in article.removed} == {"footer.references"}


def test_a_sources_heading_over_plain_links_and_footnotes_with_commentary_stay() -> None:
    links = ["Going Zero Waste", "Plastic Free July", "Zero Waste Home"]
    article = cleaner.clean("\n\n".join([*prose(4), "Sources", *links]))
    assert not any(r.rule == "footer.references" for r in article.removed)
    notes = ["1 The ontology distinguishes procedures from executions, following the P-Plan extension of PROV-O."]
    article = cleaner.clean("\n\n".join([*prose(4), "Footnotes", *notes]))
    assert notes[0] in article.body


def test_a_dateline_label_on_its_own_line_goes_with_the_date_under_it() -> None:
    paras = prose(3)
    article = cleaner.clean("\n\n".join(["Council Extends Library Hours", "Release Date:", "June 2, 2025", *paras]))
    assert article.published == "2025-06-02"
    assert article.body == "\n\n".join(paras)
    article = cleaner.clean("\n\n".join([paras[0], "Published:", paras[1], paras[2]]))
    assert "Published:" in article.body  # no date under it: not a dateline's label


def test_the_only_prose_under_the_title_is_the_story_not_its_subtitle() -> None:
    lead = "Some 24 billion tonnes of fertile soil are lost every year, a study finds. It is worst in West Africa."
    title = "Fertile Soil Lost Every Year"
    page = [f"{title} | DW", title, lead, "Share on Facebook", "Environment"]
    article = cleaner.clean("\n\n".join(page))
    assert article.subtitle is None
    assert lead in article.body


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Ten tekst przeczytasz w mniej niż minutę", "teaser.label"),
        ("Zapraszamy też do subskrypcji tygodnika i oglądania naszych audycji.", "promo.newsletter"),
        ("Czytasz właśnie nowy rodzaj materiału na naszym portalu. Wesprzyj nas!", "promo.newsletter"),
    ],
)
def test_polish_reading_time_and_appeals(line: str, rule: str) -> None:
    paras = prose(3)
    article = cleaner.clean("\n\n".join([paras[0], line, *paras[1:]]))
    assert [r.rule for r in article.removed if r.text == line] == [rule]


def test_a_clause_leading_into_a_link_after_the_last_paragraph_stays() -> None:
    clause = "If you are interested in the plan for the library, you can read the full council report here:"
    tail = ["Share", "Email", "I accept the privacy policy", "← Previous: Budget Talks Resume", "Blog", "About"]
    article = cleaner.clean("\n\n".join([*prose(3), clause, *tail]))
    assert article.body.endswith(clause)


def test_two_sentence_intros_on_top_of_the_body_are_not_headlines() -> None:
    intros = [
        "Wie war das nochmal mit den Variablen? Hier ein Auszug aus unseren Lehrmaterialien!",
        "Variablen sind kein Problem für dich? Dann schau doch mal, ob du unser Puzzle lösen kannst!",
    ]
    page = ["IT4Kids | IT-Kurse für Grundschulen", "Start", "Kurse", "Kontakt", *intros, "Impressum"]
    article = cleaner.clean("\n\n".join(page))
    assert article.body == "\n\n".join(intros)
    assert cleaner.clean(article.body).body == article.body
    headline = cleaner.clean("\n\n".join(["Brexit. What now?", *prose(3)]))
    assert headline.title == "Brexit. What now?"


def test_a_text_of_one_headline_like_block_is_all_body() -> None:
    article = cleaner.clean("Brexit. What now?")
    assert (article.body, article.title) == ("Brexit. What now?", None)
    post = "Am Anfang des Films sollten sie sich alle gegenseitig erschießen lassen, und den Rest der Zeit schweigen…"
    body = cleaner.clean("\n\n".join(["Die Möglichkeit nichts zu tun | Gnaur", "Start", "Kategorien", post])).body
    assert body == post  # the last block left is never taken as a headline on top of an empty body
    assert cleaner.clean(body).body == body


@pytest.mark.parametrize(
    "bio",
    [
        "Eduard Kovacs (@EduardKovacs) is the managing editor at SecurityWeek. He was a teacher before that.",
        "Lisa Grant has over 20 years of experience in tax preparation. She lives in Ohio with her family.",
    ],
)
def test_an_author_bio_with_a_handle_or_an_experience_claim_after_the_article_goes(bio: str) -> None:
    article = cleaner.clean("\n\n".join([*prose(3), bio]))
    assert [r.rule for r in article.removed if r.text == bio] == ["widget.author_bio"]
