"""Ray Data: the same records as the local path, record for record, on a local Ray."""

from __future__ import annotations

import json

import pytest

import cleaner
from cleaner.batch import STATS_KEY, run
from cleaner.io import Record
from conftest import FIXTURES, ROOT

ray = pytest.importorskip("ray")  # CI installs the ray extra, so this runs there


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    yield
    ray.shutdown()


def _records() -> list[Record]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    out = [Record(str(p), p.read_text(encoding="utf-8"), "text", id=p.stem) for p in seeds]
    out.append(Record("page.html", (FIXTURES / "html" / "article.html").read_bytes(), "html", id="html"))
    out.append(Record("broken", error="cannot read: test", id="broken"))
    return out


def test_cli_engine_equals_local_path(local_ray) -> None:
    from cleaner.ray import run_records

    worker = cleaner.Cleaner()
    local = [{k: v for k, v in r.items() if k != STATS_KEY} for r in run(_records(), worker, explain=True)]
    remote = [{k: v for k, v in r.items() if k != STATS_KEY} for r in run_records(_records(), worker, explain=True)]
    assert remote == local


def test_clean_dataset_adds_article_columns(local_ray) -> None:
    from cleaner.ray import clean_dataset

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    rows = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in seeds]
    out = clean_dataset(ray.data.from_items(rows), column="text", kind="text").take_all()
    by_id = {r["id"]: r for r in out}
    for p in seeds:
        expected = cleaner.clean(p.read_text(encoding="utf-8"))
        assert by_id[p.stem]["body"] == expected.body
        assert list(by_id[p.stem]["authors"]) == expected.authors


def test_cli_ray_engine(local_ray, capsys) -> None:
    from cleaner.cli import main

    assert main(["clean", str(ROOT / "seeds"), "-f", "jsonl", "--engine", "ray"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in records] == sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))
