"""The command line: inputs, formats, outputs, explanations and failure handling."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.cli import main
from conftest import FIXTURES, ROOT, prose

SEED = ROOT / "seeds" / "003_24ebb85ef4756cfc.txt"


def run(args: list[str], capsys, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        import io

        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_single_file_prints_the_body(capsys) -> None:
    code, out, _ = run(["clean", str(SEED)], capsys)
    expected = (FIXTURES / "golden" / SEED.stem / "expected.txt").read_text(encoding="utf-8")
    assert code == 0 and out.strip() == expected.strip()


def test_stdin(capsys, monkeypatch) -> None:
    text = "\n\n".join(["Share this article", *prose(2)])
    code, out, _ = run(["clean", "-"], capsys, stdin=text, monkeypatch=monkeypatch)
    assert code == 0 and "Share this article" not in out and prose(1)[0] in out


def test_explain_lists_rule_and_reason(capsys) -> None:
    code, _, err = run(["clean", str(SEED), "--explain"], capsys)
    assert code == 0
    assert "meta.byline: a byline or author/editor role line" in err
    assert ":25:" in err  # the input line of the byline


def test_directory_to_jsonl_one_record_per_file(capsys) -> None:
    code, out, _ = run(["clean", str(ROOT / "seeds"), "-f", "jsonl"], capsys)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(records) == 5
    assert all("body" in r and "removed" not in r for r in records)
    assert records[3]["authors"] == ["Taro Ono", "Mizuki Sato"]


def test_json_with_explain_carries_removals(capsys) -> None:
    code, out, _ = run(["clean", str(SEED), "-f", "json", "--explain"], capsys)
    record = json.loads(out)
    assert code == 0 and {r["rule"] for r in record["removed"]} == {"caption.credit", "meta.byline"}


def test_output_directory_mirrors_input_names(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in" / "sub"
    src.mkdir(parents=True)
    (src / "a.txt").write_text("\n\n".join(prose(2)), encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("\n\n".join(prose(3)), encoding="utf-8")
    code, _, _ = run(["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out")], capsys)
    assert code == 0
    assert (tmp_path / "out" / "sub" / "a.txt").read_text(encoding="utf-8").startswith(prose(1)[0])
    assert (tmp_path / "out" / "b.txt").exists()


def test_output_file(tmp_path: Path, capsys) -> None:
    target = tmp_path / "out.jsonl"
    code, _, _ = run(["clean", str(ROOT / "seeds"), "-f", "jsonl", "-o", str(target)], capsys)
    assert code == 0 and len(target.read_text(encoding="utf-8").splitlines()) == 5


def test_bad_inputs_give_error_records_and_the_batch_goes_on(tmp_path: Path, capsys) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 1000)
    (tmp_path / "good.txt").write_text("\n\n".join(prose(2)), encoding="utf-8")
    missing = tmp_path / "missing.txt"
    code, out, err = run(
        ["clean", str(tmp_path / "binary.txt"), str(missing), str(tmp_path / "good.txt"), "-f", "jsonl"], capsys
    )
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and len(records) == 3
    assert "error" in records[0] and "binary" in records[0]["error"]
    assert "error" in records[1] and "cannot read" in records[1]["error"]
    assert "error" not in records[2] and records[2]["body"]
    assert "binary.txt" in err and "missing.txt" in err


def test_non_utf8_text_is_detected_and_decoded(tmp_path: Path, capsys) -> None:
    text = "Le café est chaud et très bon. La municipalité a décidé de prolonger les horaires de la bibliothèque."
    (tmp_path / "latin1.txt").write_bytes((text + "\n").encode("cp1252"))
    code, out, _ = run(["clean", str(tmp_path / "latin1.txt"), "-f", "json"], capsys)
    record = json.loads(out)
    assert code == 0 and "café" in record["body"] and any(f.startswith("decoded_from:") for f in record["flags"])


def test_jsonl_input_with_text_field(tmp_path: Path, capsys) -> None:
    path = tmp_path / "pages.jsonl.gz"
    rows = [
        {"doc": "\n\n".join(["Advertisement", *prose(2)]), "id": 7, "url": "https://example.org/a"},
        {"doc": 42, "id": 8},
    ]
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps(r) for r in rows) + "\nnot json\n")
    code, out, _ = run(["clean", str(path), "--text-field", "doc"], capsys)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and len(records) == 3
    assert records[0]["id"] == "7" and records[0]["url"] == "https://example.org/a"
    assert "Advertisement" not in records[0]["body"]
    assert "error" in records[1] and "invalid JSON" in records[2]["error"]


def test_jobs_give_the_same_records_in_order(capsys) -> None:
    _, one, _ = run(["clean", str(ROOT / "seeds"), "-f", "jsonl"], capsys)
    _, two, _ = run(["clean", str(ROOT / "seeds"), "-f", "jsonl", "-j", "2"], capsys)
    assert one == two


def test_disable_rule_and_unknown_rule(capsys) -> None:
    code, out, _ = run(["clean", str(SEED), "--disable", "meta.byline"], capsys)
    assert code == 0 and "(This article was written by" in out
    code, _, err = run(["clean", str(SEED), "--disable", "no.such.rule"], capsys)
    assert code == 2 and "unknown rule" in err


def test_rules_command_lists_every_rule(capsys) -> None:
    from cleaner.registry import ALL

    code, out, _ = run(["rules"], capsys)
    assert code == 0 and all(r.id in out for r in ALL)


@pytest.mark.parametrize("args", [["--version"], ["clean", "--help"]])
def test_console_script_runs(args: list[str]) -> None:
    result = subprocess.run([sys.executable, "-m", "cleaner.cli", *args], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout
