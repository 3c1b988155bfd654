"""Speed, measured in one run on one core, with ratios. Benchmarks report; tests never time.

    python bench/speed.py --data /tmp/bench                  # text and HTML mode, per page
    python bench/speed.py --data /tmp/bench --scaling        # docs/s with 1 and 2 jobs (CLI path)
    python bench/speed.py --stream-gb 1 --tmp /tmp/stream    # peak RSS on a >= 1 GB JSONL stream

Text mode is timed against trafilatura and jusText fed the same dump (every line a <p>),
HTML mode against trafilatura alone (defaults). Each method sees the same pages, in the
same process, after one warm-up call; the order of methods is rotated per page so a
slow-down of the machine hits all of them alike.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from quality import _justext, _lines_as_html, _trafilatura  # noqa: E402


def _sample(data: Path, dump: str, per_set: int) -> list[str]:
    pages = []
    for name in ("wcxb-dev", "trafilatura-eval"):
        files = sorted((data / name / dump).glob("*.html" if dump == "html" else "*.txt"))
        step = max(1, len(files) // per_set)
        pages += [f.read_text(encoding="utf-8", errors="replace") for f in files[::step][:per_set]]
    return pages


def _time(methods: dict, pages: list[str]) -> dict[str, float]:
    for fn in methods.values():  # warm-up: imports, lexicons, stoplists
        fn(pages[0])
    totals = dict.fromkeys(methods, 0.0)
    names = list(methods)
    for n, page in enumerate(pages):
        rotated = names[n % len(names) :] + names[: n % len(names)]
        for name in rotated:
            start = time.perf_counter()
            methods[name](page)
            totals[name] += time.perf_counter() - start
    return totals


def per_page(data: Path, per_set: int) -> None:
    import cleaner

    for dump in ("text_blocks", "text"):
        pages = _sample(data, dump, per_set)
        size = sum(len(p.encode("utf-8")) for p in pages) / 1e6
        totals = _time(
            {
                "cleaner": cleaner.clean,
                "trafilatura": lambda t: _trafilatura(_lines_as_html(t), include_comments=False),
                "justext": lambda t: _justext(_lines_as_html(t)),
            },
            pages,
        )
        print(f"text mode, {dump}: {len(pages)} pages, {size:.1f} MB")
        for name, seconds in totals.items():
            print(
                f"  {name:<12} {seconds / len(pages) * 1000:7.2f} ms/page {size / seconds:7.2f} MB/s"
                f"   cleaner is {seconds / totals['cleaner']:5.2f}x faster"
            )
    pages = _sample(data, "html", per_set)
    size = sum(len(p.encode("utf-8")) for p in pages) / 1e6
    totals = _time({"cleaner": cleaner.clean_html, "trafilatura": _trafilatura}, pages)
    print(f"HTML mode: {len(pages)} pages, {size:.1f} MB")
    for name, seconds in totals.items():
        print(f"  {name:<12} {seconds / len(pages) * 1000:7.2f} ms/page")
    print(f"  cleaner takes {totals['cleaner'] / totals['trafilatura']:.2f}x trafilatura's time")


def _write_jsonl(data: Path, target: Path, megabytes: float) -> int:
    texts = [
        p.read_text(encoding="utf-8", errors="replace")
        for p in sorted((data / "wcxb-dev" / "text_blocks").glob("*.txt"))
    ]
    written = count = 0
    with open(target, "w", encoding="utf-8") as fh:
        while written < megabytes * 1e6:
            for text in texts:
                line = json.dumps({"id": count, "text": text}, ensure_ascii=False) + "\n"
                fh.write(line)
                written += len(line.encode("utf-8"))
                count += 1
                if written >= megabytes * 1e6:
                    break
    return count


def _run_cli(source: Path, output: Path, jobs: int) -> float:
    """Clean ``source`` with the CLI in a subprocess; returns the wall time."""
    start = time.perf_counter()
    command = [sys.executable, "-m", "cleaner.cli", "clean", str(source), "-o", str(output), "-j", str(jobs)]
    subprocess.run([*command, "-q", "--no-progress"], check=True)
    return time.perf_counter() - start


def scaling(data: Path, megabytes: float, tmp: Path) -> None:
    tmp.mkdir(parents=True, exist_ok=True)
    source = tmp / "scaling.jsonl"
    count = _write_jsonl(data, source, megabytes)
    for jobs in (1, 2):
        seconds = _run_cli(source, tmp / f"out{jobs}.jsonl", jobs)
        print(
            f"  jobs={jobs}: {count} docs in {seconds:.1f} s = {count / seconds:.1f} docs/s "
            f"({megabytes / seconds:.2f} MB/s)"
        )


def stream(data: Path, gigabytes: float, tmp: Path, jobs: int) -> None:
    tmp.mkdir(parents=True, exist_ok=True)
    source = tmp / "stream.jsonl.gz"
    if not source.exists():
        plain = tmp / "stream.jsonl"
        count = _write_jsonl(data, plain, gigabytes * 1000)
        with open(plain, "rb") as src, gzip.open(source, "wb", compresslevel=1) as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
        plain.unlink()
        print(f"wrote {count} records, {gigabytes:g} GB uncompressed, to {source}")
    seconds = _run_cli(source, tmp / "stream.out.jsonl", jobs)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    with open(tmp / "stream.out.jsonl", "rb") as fh:
        lines = sum(1 for _ in fh)
    print(
        f"stream: {lines} output records in {seconds:.0f} s with {jobs} jobs; "
        f"peak RSS of the largest process {peak:.0f} MB"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path("/tmp/bench"))
    ap.add_argument("--pages", type=int, default=150, help="pages per set and dump")
    ap.add_argument("--scaling", action="store_true")
    ap.add_argument("--scaling-mb", type=float, default=40.0)
    ap.add_argument("--stream-gb", type=float, default=0.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--tmp", type=Path, default=Path("/tmp/cleaner-speed"))
    args = ap.parse_args()
    if args.stream_gb:
        stream(args.data, args.stream_gb, args.tmp, args.jobs)
    elif args.scaling:
        scaling(args.data, args.scaling_mb, args.tmp)
    else:
        per_page(args.data, args.pages)
    print(f"(cpu: {os.cpu_count()} cores; one process per measurement)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
