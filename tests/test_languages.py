"""Pages beyond the seeds (fixtures/languages/<name>.txt), written in the seeds' style: the
same kind of news story with the debris of a kind of site, one page per language
(<lang>.txt) and pages named after a site type (`id_tribun`: an Indonesian portal's credit
line and caption over the lead; `en_kyodo`: a masthead over a headline with no dated line;
`fr_afp`: 'Le Monde avec AFP' as the credit; `en_upsell`: an AI-features box). Hindi and
Thai pages check that words of scripts with combining vowel signs are read whole, and that
Thai (no full stops) reads as prose. The expected output (<name>.json) was checked by hand;
a key that is absent is not judged."""

from __future__ import annotations

import json

import pytest

import cleaner
from cleaner.words import TOKEN
from conftest import FIXTURES, settled

PAGES = sorted((FIXTURES / "languages").glob("*.txt"))


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_in_another_language(page) -> None:
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    article = cleaner.clean(page.read_text(encoding="utf-8"))
    for field, value in expected.items():
        assert getattr(article, field) == value, field


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("2025년 6월 2일 오후 3:20", "2025-06-02T15:20"),
        ("송고시간2025-06-02 10:15", "2025-06-02T10:15"),
        ("Thứ hai, 2/6/2025, 08:30 (GMT+7)", "2025-06-02T08:30"),
        ("2 июня 2025 в 06:15", "2025-06-02T06:15"),
        ("02 giugno 2025 alle 9:41", "2025-06-02T09:41"),
        ("Aangepast maandag 2 juni 2025 om 09:10", "2025-06-02T09:10"),
        ("2 Haziran 2025 saat 09:15", "2025-06-02T09:15"),
        ("Ahmet Yılmaz |02.06.2025 - 07:13 GÜNCELLEME : 02.06.2025 - 09:40", "2025-06-02T07:13"),  # bar, no spaces
        ("2025年6月2日 午後3時05分", "2025-06-02T15:05"),
        ("2 มิ.ย. 2568 07:13 น.", "2025-06-02T07:13"),  # Buddhist-era year
        ("Published 7:13 AM EDT, Mon June 2, 2025", "2025-06-02T07:13"),  # time, zone, weekday, date
        ("2 Jun 2025 · 3 min read", "2025-06-02"),
        ("نشر في: 2 يونيو 2025 - 07:13", "2025-06-02T07:13"),
        ("अपडेटेड: 02 जून 2025, 07:13 AM IST", "2025-06-02T07:13"),
        ("Publicerad 2 juni 2025 kl. 07.13", "2025-06-02T07:13"),
        ("2. 6. 2025 7:13", "2025-06-02T07:13"),  # Czech numeric date, spaced
        ("Actualizado el 2 de junio de 2025, 07:13", "2025-06-02T07:13"),  # 'de' between the parts
        ("2 de junho de 2025 às 07:13", "2025-06-02T07:13"),
        ("Publié le lundi 2 juin 2025 à 7 h 13", "2025-06-02T07:13"),
        ("Ngày 2 tháng 6 năm 2025", "2025-06-02"),
        ("نشر في: ٢ يونيو ٢٠٢٥", "2025-06-02"),  # Arabic-Indic digits
        ("Opdateret mandag 2. juni 2025 kl. 07.13", "2025-06-02T07:13"),
    ],
)
def test_date_lines_in_more_languages(line: str, iso: str) -> None:
    page = f"Japan weighs defence purchases in tariff talks\n\n{line}\n\n" + "\n\n".join(
        ["Officials said the plan covers missiles and fighter jets bought over five years, the sources said."] * 3
    )
    assert cleaner.clean(page).published == iso


def test_indonesian_is_labelled_although_malay_shares_its_confidence() -> None:
    text = (FIXTURES / "languages" / "id.txt").read_text(encoding="utf-8")
    assert cleaner.clean(text).lang == "id"


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_cleaning_a_page_in_another_language_again_changes_nothing(page) -> None:
    # the Kompas page was labelled Indonesian, and its cleaned body Malay, whose stoplist
    # alone read two Indonesian paragraphs as boilerplate; close languages share stoplists now
    settled(page.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("नकातानी ने प्रेस कॉन्फ्रेंस में कहा", ["नकातानी", "ने", "प्रेस", "कॉन्फ्रेंस", "में", "कहा"]),
        ("นายนากาทานิกล่าว การซื้อ", ["นายนากาทานิกล่าว", "การซื้อ"]),
        ("l’homme don't", ["l’homme", "don't"]),
    ],
)
def test_words_keep_their_vowel_signs(text: str, words: list[str]) -> None:
    # Python's \w leaves out combining marks: 'नकातानी' was read as 'नक', 'त', 'न'
    assert TOKEN.findall(text) == words


DEBRIS = json.loads((FIXTURES / "languages" / "debris_lines.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("lang", "line"), [(lang, line) for lang, case in DEBRIS.items() for line in case["debris"]], ids=lambda x: x[:30]
)
def test_a_debris_line_goes_in_the_middle_and_at_the_end(lang: str, line: str) -> None:
    paragraphs = DEBRIS[lang]["paragraphs"]
    for parts in ([paragraphs[0], paragraphs[1], line, paragraphs[2]], [*paragraphs, line]):
        article = cleaner.clean("\n\n".join(parts))
        assert line not in article.body.split("\n\n"), [(r.rule, r.text) for r in article.removed]
        assert paragraphs[1] in article.body  # (what follows a related heading may go with it)


def test_a_language_without_a_lexicon_file_reads_dateparsers_date_words() -> None:
    """Hungarian has no lexicon file (fixtures/pages/hu_daily_style checks a whole page):
    its month names and relative times come from dateparser's locale data."""
    from cleaner.dates import find_date
    from cleaner.lexicon import for_language, load, shipped

    assert "hu" not in shipped()
    lex = for_language(None, "hu")
    assert lex.months["június"] == 6
    date = find_date("2025. június 24. 14:10", lex)  # year, month, day: the Hungarian order
    assert date is not None and date.iso == "2025-06-24T14:10"
    bengali = find_date("২ জুন ২০২৫, ০৭:১৩", for_language(None, "bn"))  # Bengali month and digits
    assert bengali is not None and bengali.iso == "2025-06-02T07:13"
    stamp = lex.patterns("relative_time", "patterns")
    assert stamp is not None and stamp.search("2 órája")
    assert lex.mentions("relative_time", "2 órája")
    assert for_language(None, "en") is load(None)  # a language with a file reads the files alone
    assert for_language(None, "xx") is load(None)  # no locale data: the files alone


def test_the_pages_own_language_decides_a_month_name() -> None:
    """'listopad' is November in Czech (a lexicon file) and October in Croatian (none)."""
    from cleaner.lexicon import for_language, load

    assert load(None).months["listopad"] == 11
    assert for_language(None, "hr").months["listopad"] == 10
