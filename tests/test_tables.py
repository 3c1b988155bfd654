"""Table repair: pipe rows, mangled tags, wrong-width separators, glued prose."""

from __future__ import annotations

import cleaner
from cleaner.blocks import split_lines
from cleaner.tables import Table, extract_tables
from conftest import prose


def body(*parts: str) -> str:
    return cleaner.clean("\n\n".join(parts)).body


def test_render_pads_short_rows() -> None:
    table = Table(["a", "b", "c"], [["1", "2"]])
    assert table.render() == "| a | b | c |\n| --- | --- | --- |\n| 1 | 2 |  |"


def test_pipe_rows_with_separator_of_wrong_width() -> None:
    text = "Name | Score | ||||\n---|---|---|---|---|\nAda | 9 |\nBob | 7 |"
    items, discards = extract_tables(split_lines(text))
    assert len(items) == 1 and items[0].table.render() == ("| Name | Score |\n| --- | --- |\n| Ada | 9 |\n| Bob | 7 |")
    assert discards == []


def test_mangled_tags_are_removed_and_recorded() -> None:
    text = "Asset< / th > | Value< / th > < / tr > | |\n---|---|---|\nJets< / td > | 5.1< / td > | /tbody> /table>"
    items, discards = extract_tables(split_lines(text))
    assert items[0].table.render() == "| Asset | Value |\n| --- | --- |\n| Jets | 5.1 |"
    assert {d.rule for d in discards} == {"table.markup"}
    assert "< / th >" in [d.text for d in discards]


def test_two_tables_run_together_are_split_at_the_second_header() -> None:
    text = "A | B |\n---|---|\n1 | 2 |\nC | D | E |\n---|---|---|\n3 | 4 | 5 |"
    items, _ = extract_tables(split_lines(text))
    assert [len(i.table.header) for i in items] == [2, 3]


def test_prose_glued_after_the_table_is_rescued_and_heading_split() -> None:
    text = (
        "A | B |\n---|---|\n1 | 2< / td > | /tbody> /table> Closing Thoughts on the MatterThe committee will "
        "meet again in March to review the figures and decide on the next steps. | . . ."
    )
    items, discards = extract_tables(split_lines(text))
    assert [getattr(i, "kind", None) for i in items] == ["table", "p", "p"]
    assert items[1].text == "Closing Thoughts on the Matter"
    assert items[2].text.startswith("The committee will meet again in March")
    assert any(d.rule == "table.stray_cells" and d.text == ". . ." for d in discards)


def test_markup_after_the_closing_tag_goes_with_it() -> None:
    """'/table>/tbody> /table>The council ...': the second closing run is markup too, not
    prose; left in, the next cleaning would remove it (cleaning must be idempotent)."""
    text = "A | B |\n---|---|\n1 | 2 | /tbody> /table>/tbody> /table> < / td >The committee will meet again in March."
    items, discards = extract_tables(split_lines(text))
    assert [i.text for i in items if i.kind == "p"] == ["The committee will meet again in March."]
    assert [d.text for d in discards].count("/table>") == 2 and "< / td >" in [d.text for d in discards]


def test_well_formed_markdown_table_is_kept_normalised() -> None:
    p = prose(2)
    out = body(p[0], "|Year|Visitors|\n|:---|---:|\n|2023|41,000|", p[1])
    assert "| Year | Visitors |\n| --- | --- |\n| 2023 | 41,000 |" in out


def test_title_with_a_pipe_is_not_a_table() -> None:
    items, _ = extract_tables(split_lines("Council extends library hours | City News\n\nSome text."))
    assert all(isinstance(i, tuple) for i in items)


def test_menu_line_with_pipes_is_not_a_table() -> None:
    items, _ = extract_tables(split_lines("Home | News | Sport\nAbout | Contact"))
    assert all(isinstance(i, tuple) for i in items)


def test_a_table_flattened_onto_one_line_is_split_at_its_row_tags() -> None:
    text = (
        "< table >< tr >< th >Year< / th >< th >Budget< / th >< / tr >"
        "< tr >< td >2023< / td >< td >6.8< / td >< / tr >< tr >< td >2024< / td >< td >7.9< / td >< / tr >< / table >"
    )
    items, _ = extract_tables(split_lines(text))
    assert items[0].table.render() == "| Year | Budget |\n| --- | --- |\n| 2023 | 6.8 |\n| 2024 | 7.9 |"


def test_alignment_colons_in_the_separator_are_normalised() -> None:
    text = "| System | Cost |\n|:---|---:|\n| Tomahawk | 254 |"
    items, _ = extract_tables(split_lines(text))
    assert items[0].table.render() == "| System | Cost |\n| --- | --- |\n| Tomahawk | 254 |"


def test_tab_separated_rows_become_a_table() -> None:
    p = prose(2)
    out = body(p[0], "System\tQuantity\tCost\nTomahawk missiles\t400\t254\nF-35A jets\t63\t1,100", p[1])
    assert "| System | Quantity | Cost |\n| --- | --- | --- |\n| Tomahawk missiles | 400 | 254 |" in out


def test_a_lone_tab_is_a_space_and_never_glues_two_words() -> None:
    # tabs were stripped as control characters: 'missiles\t400' became 'missiles400'
    out = body(*prose(2), "Officials listed\tthe missiles and\tthe jets in one short note today, the sources said.")
    assert "Officials listed the missiles and the jets" in out


def test_a_flattened_table_is_split_where_a_closing_cell_tag_stands_alone_between_rows() -> None:
    text = "| Berat | Harga | &lt;/td&gt; | 1 gram | Rp 1.905.000 | &lt;/td&gt; | 5 gram | Rp 9.300.000 |"
    article = cleaner.clean(prose(1)[0] + "\n\n" + text + "\n\n" + prose(2)[1])
    assert "| Berat | Harga |\n| --- | --- |\n| 1 gram | Rp 1.905.000 |\n| 5 gram | Rp 9.300.000 |" in article.body
    assert [r.text for r in article.removed if r.rule == "table.markup"] == ["</td>", "</td>"]


def test_prose_glued_before_the_first_cell_is_rescued() -> None:
    line = (
        "Berikut daftar harga emas hari ini: | Berat | Harga | </td> | 1 gram | Rp 1.905.000 | </td> "
        "| 5 gram | Rp 9.300.000 |"
    )
    items, _ = extract_tables(split_lines(line))
    assert items[0].text == "Berikut daftar harga emas hari ini:" and items[0].kind == "p"
    assert items[1].table.header == ["Berat", "Harga"] and len(items[1].table.rows) == 2


def test_a_short_first_cell_is_a_row_label_not_glued_prose() -> None:
    line = "Year | Q1 | Q2 | </td> | 2024 | 5 | </td> | 2025 | 7 |"
    items, _ = extract_tables(split_lines(line))
    assert items[0].table.header == ["Year", "Q1", "Q2"]
