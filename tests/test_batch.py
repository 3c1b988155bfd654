"""Batch processing: every input record gives one output record, in order, even when a
document hangs a worker in C code or kills it."""

from __future__ import annotations

import io
import json
import os
import signal
import time
from pathlib import Path

import cleaner
from cleaner.batch import run
from cleaner.cli import main
from cleaner.io import Record
from conftest import FIXTURES, prose


class HangingCleaner(cleaner.Cleaner):
    """Hangs where no Python time limit can reach (SIGALRM blocked), or dies, on cue."""

    def clean(self, text, *, url=None, lang=None):
        if "HANG" in text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(120)
        if "DIE" in text:
            os._exit(3)
        return super().clean(text, url=url, lang=lang)

    def __reduce__(self):
        return (HangingCleaner, (self.config,))


def _records(marks: list[str]) -> list[Record]:
    text = "\n\n".join(prose(2))
    return [Record(f"doc{i}", f"{mark}\n\n{text}" if mark else text, id=str(i)) for i, mark in enumerate(marks)]


def test_a_hung_and_a_dead_worker_lose_no_record() -> None:
    marks = ["", "", "HANG", "", "DIE", "", "", ""]
    worker = HangingCleaner(cleaner.Config(timeout_seconds=1.0))
    out = list(run(_records(marks), worker, jobs=2, batch_size=3))
    assert [r["id"] for r in out] == [str(i) for i in range(len(marks))]
    assert out[2]["timeout"] is True and out[2]["error"].startswith("timeout")
    assert "died" in out[4]["error"] and "timeout" not in out[4]
    assert all("body" in r for i, r in enumerate(out) if i not in (2, 4))


def test_soft_time_limit_in_process() -> None:
    class Slow(cleaner.Cleaner):
        def clean(self, text, *, url=None, lang=None):
            time.sleep(5)

        def __reduce__(self):
            return (Slow, (self.config,))

    out = list(run(_records([""]), Slow(cleaner.Config(timeout_seconds=0.2)), jobs=1))
    assert out[0]["timeout"] is True


def test_unordered_output_has_every_record() -> None:
    out = list(run(_records([""] * 40), cleaner.Cleaner(), jobs=2, batch_size=4, ordered=False))
    assert sorted(int(r["id"]) for r in out) == list(range(40))


def test_warc_input(tmp_path: Path, capsys) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = (FIXTURES / "html" / "article.html").read_bytes()
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, (ctype, payload) in enumerate([("text/html; charset=utf-8", html), ("image/png", b"\x89PNG")]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://example.org/{i}", "response", payload=io.BytesIO(payload), http_headers=headers
            )
            writer.write_record(record)
        text = "\n\n".join(["Share this article", *prose(2)]).encode()
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/wet", "conversion", payload=io.BytesIO(text), warc_content_type="text/plain"
            )
        )
    assert main(["clean", str(path)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["url"] for r in records] == ["https://example.org/0", "https://example.org/wet"]
    assert records[0]["input"] == "html" and records[0]["title"] == "Council Extends Library Hours"
    assert records[1]["input"] == "text" and "Share this article" not in records[1]["body"]
    assert all(r["id"].startswith("<urn:uuid:") for r in records)


def test_resume_skips_records_already_written(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in.jsonl"
    rows = [{"id": i, "text": "\n\n".join(prose(2))} for i in range(6)]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out)]) == 0
    full = out.read_text(encoding="utf-8").splitlines()
    # An interrupted run: three records and half of a fourth.
    out.write_text("\n".join(full[:3]) + "\n" + full[3][:20], encoding="utf-8")
    assert main(["clean", str(src), "-o", str(out), "--resume"]) == 0
    assert out.read_text(encoding="utf-8").splitlines() == full
    assert main(["clean", str(src), "-o", str(out), "--resume"]) == 0  # nothing left to do
    assert out.read_text(encoding="utf-8").splitlines() == full
    capsys.readouterr()
    assert main(["clean", str(src), "--resume"]) == 2
