"""Extraction quality on the public benchmark sets, with the reference metric.

    python bench/quality.py --data /tmp/bench                 # text mode, both dump styles
    python bench/quality.py --data /tmp/bench --mode html     # HTML mode
    python bench/quality.py --data /tmp/bench --limit 100 --methods cleaner

DATA holds one folder per set (``wcxb-dev``, ``trafilatura-eval``) as unpacked from
../shared/bench (see its README). Predictions go to ``--out/<mode>/<method>/<dump>/<set>/<id>.txt``
and are scored by the reference scorer ``score.py`` (``--scorer``), imported as is, so
the figures are the scorer's own. Baseline predictions are cached; ``--force`` redoes them.

Text mode compares, on the same text: cleaner, no cleaning (the dump itself), jusText
(every line a <p>, all stoplists) and trafilatura (every line a <p>). HTML mode compares
cleaner.clean_html with trafilatura (defaults; no comments; favor_precision) and
readability-lxml, and reports seconds per page.
"""

from __future__ import annotations

import argparse
import html as htmllib
import importlib.util
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = ("wcxb-dev", "trafilatura-eval")
TEXT_METHODS = ("cleaner", "none", "justext", "trafilatura")
HTML_METHODS = ("cleaner", "trafilatura", "trafilatura-nocomments", "trafilatura-precision", "readability")


def _lines_as_html(text: str) -> str:
    paragraphs = "".join(f"<p>{htmllib.escape(line)}</p>" for line in text.split("\n") if line.strip())
    return f"<html><body>{paragraphs}</body></html>"


@cache
def _all_stoplists() -> frozenset[str]:
    import justext

    return frozenset().union(*(justext.get_stoplist(n) for n in justext.get_stoplists()))


def _justext(html: str) -> str:
    import justext

    paragraphs = justext.justext(html, _all_stoplists())
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _trafilatura(html: str, **options) -> str:
    import trafilatura

    return trafilatura.extract(html, **options) or ""


def _readability(html: str) -> str:
    from lxml import html as lxml_html
    from readability import Document

    summary = Document(html).summary(html_partial=True)
    return lxml_html.fromstring(summary).text_content() if summary.strip() else ""


def predict(method: str, mode: str, source: str) -> str:
    """One prediction: ``source`` is the dump (text mode) or the page (HTML mode)."""
    if mode == "text":
        if method == "cleaner":
            import cleaner

            return cleaner.clean(source).body
        if method == "none":
            return source
        if method == "justext":
            return _justext(_lines_as_html(source))
        if method == "trafilatura":
            return _trafilatura(_lines_as_html(source), include_comments=False)
    else:
        if method == "cleaner":
            import cleaner

            return cleaner.clean_html(source).body
        if method == "trafilatura":
            return _trafilatura(source)
        if method == "trafilatura-nocomments":
            return _trafilatura(source, include_comments=False)
        if method == "trafilatura-precision":
            return _trafilatura(source, include_comments=False, favor_precision=True)
        if method == "readability":
            return _readability(source)
    raise ValueError(f"unknown method {method!r} for mode {mode!r}")


def _work(job: tuple[str, str, str, str]) -> tuple[str, float, str | None]:
    method, mode, src, dst = job
    source = Path(src).read_text(encoding="utf-8", errors="replace")
    start = time.perf_counter()
    try:
        out, error = predict(method, mode, source), None
    except Exception as exc:  # noqa: BLE001 - a baseline crashing on one page must not stop the run
        out, error = "", f"{type(exc).__name__}: {exc}"
    elapsed = time.perf_counter() - start
    Path(dst).write_text(out, encoding="utf-8")
    return dst, elapsed, error


def _load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("reference_score", path)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="folder holding the unpacked sets")
    ap.add_argument("--mode", choices=("text", "html"), default="text")
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--dumps", default="text_blocks,text", help="text mode: dump styles to run")
    ap.add_argument("--methods", default=None, help="comma-separated; default: all of the mode")
    ap.add_argument("--scorer", type=Path, default=HERE.parent.parent / "shared" / "bench" / "score.py")
    ap.add_argument("--out", type=Path, default=Path("/tmp/cleaner-bench"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages of each set")
    ap.add_argument("--force", action="store_true", help="recompute cached baseline predictions")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = ap.parse_args(argv)

    scorer = _load_scorer(args.scorer)
    methods = args.methods.split(",") if args.methods else list(TEXT_METHODS if args.mode == "text" else HTML_METHODS)
    dumps = args.dumps.split(",") if args.mode == "text" else ["html"]
    results: dict[str, dict] = {}
    rows = []
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for method in methods:
            for dump in dumps:
                row = {"method": method, "input": dump}
                for name in args.sets.split(","):
                    root = args.data / name
                    suffix = ".html" if dump == "html" else ".txt"
                    sources = sorted((root / dump).glob(f"*{suffix}"))
                    if args.limit:
                        sources = sources[: args.limit]
                    pred_dir = args.out / args.mode / method / dump / name
                    pred_dir.mkdir(parents=True, exist_ok=True)
                    cached = method != "cleaner" and not args.force
                    jobs = [
                        (method, args.mode, str(s), str(pred_dir / f"{s.stem}.txt"))
                        for s in sources
                        if not (cached and (pred_dir / f"{s.stem}.txt").exists())
                    ]
                    times, errors = [], []
                    for _dst, elapsed, error in pool.map(_work, jobs, chunksize=8):
                        times.append(elapsed)
                        if error:
                            errors.append(error)
                    truth = root / "truth"
                    if args.limit:  # score only the pages predicted
                        keep = {s.stem for s in sources}
                        limited = args.out / "truth" / name / str(args.limit)
                        limited.mkdir(parents=True, exist_ok=True)
                        for t in truth.iterdir():
                            if t.stem in keep and not (limited / t.name).exists():
                                (limited / t.name).write_bytes(t.read_bytes())
                        truth = limited
                    res = scorer.score(pred_dir, truth)
                    res["seconds_per_page"] = sum(times) / len(times) if times else None
                    res["errors"] = len(errors)
                    row[name] = res
                    results[f"{method}/{dump}/{name}"] = res
                rows.append(row)
                _print_row(row, args.sets.split(","))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


def _print_row(row: dict, sets: list[str]) -> None:
    cells = []
    for name in sets:
        r = row[name]
        t = r["seconds_per_page"]
        timing = f" {t * 1000:7.1f}ms/page" if t is not None else " (cached)"
        cells.append(f"{name}: P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}{timing}")
    print(f"{row['method']:<24}{row['input']:<12}" + "  |  ".join(cells), flush=True)


if __name__ == "__main__":
    sys.exit(main())
