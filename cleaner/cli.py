"""Command line: ``cleaner clean PATH...`` and ``cleaner rules``.

One input document gives one output record, always: a document that cannot be read,
decoded or cleaned is reported on stderr and, in JSON output, as a record with an
``error`` field; the batch goes on and the exit status is 1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from . import __version__
from .api import Cleaner
from .batch import run, summarize
from .config import Config
from .io import Fields, Record, expand, is_stream, read_document, read_jsonl
from .registry import ALL


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="cleaner", description="Scraped news pages -> canonical article body.")
    ap.add_argument("--version", action="version", version=f"cleaner {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    c = sub.add_parser("clean", help="clean files, directories, stdin or JSONL/WARC streams")
    c.add_argument("paths", nargs="*", default=["-"], help="files, directories (recursive) or - for stdin")
    c.add_argument("-o", "--output", help="output file, or directory mirroring the input names")
    c.add_argument(
        "-f",
        "--format",
        choices=("auto", "text", "json", "jsonl"),
        default="auto",
        help="auto: jsonl for record streams, text otherwise",
    )
    c.add_argument("--explain", action="store_true", help="list every removal with its rule id and reason")
    c.add_argument(
        "--input-format",
        choices=("auto", "text", "html", "jsonl", "warc"),
        default="auto",
        help="force how inputs are read (default: by extension and content)",
    )
    c.add_argument("--text-field", default="text", help="JSONL field holding a text dump (default: text)")
    c.add_argument("--html-field", default="html", help="JSONL field holding HTML (default: html)")
    c.add_argument("--id-field", default="id", help="JSONL field copied to the output as id")
    c.add_argument("--url-field", default="url", help="JSONL field copied to the output as url")
    c.add_argument("--lang", help="language of every input (ISO code); default: detected per document")
    c.add_argument("--disable", default="", help="comma-separated rule ids to switch off")
    c.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    c.add_argument("--timeout", type=float, default=None, help="seconds per document (default: Config's)")
    c.add_argument("--unordered", action="store_true", help="write records as they finish, not in input order")
    c.add_argument(
        "--resume", action="store_true", help="append to the JSONL output file, skipping input records it already holds"
    )
    c.add_argument(
        "--engine",
        choices=("local", "ray"),
        default="local",
        help="local processes (default) or a Ray cluster (needs the 'ray' extra)",
    )
    c.add_argument("--ray-address", default=None, help="Ray cluster address (default: start a local Ray)")
    progress = c.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None)
    progress.add_argument("--no-progress", dest="progress", action="store_false")
    c.add_argument("-q", "--quiet", action="store_true", help="no summary line")

    sub.add_parser("rules", help="list every rule id with its reason")
    return ap


def _records(args: argparse.Namespace, fields: Fields) -> Iterator[Record]:
    for path in expand(args.paths):
        stream = is_stream(path, args.input_format)
        forced = args.input_format if args.input_format in ("text", "html") else "auto"
        if stream == "jsonl":
            yield from read_jsonl(path, fields, forced)
        elif stream == "warc":
            from .warc import read_warc

            yield from read_warc(path)
        else:
            yield read_document(path, args.input_format)


def _done_sources(path: str) -> set[int]:
    """Hashes of the ``source`` of every complete record in a JSONL output; a partial last
    line (an interrupted run) is cut off so appending starts on a fresh line."""
    done: set[int] = set()
    if not os.path.exists(path):
        return done
    with open(path, "rb+") as fh:
        good = 0
        for line in fh:
            if not line.endswith(b"\n"):
                break
            try:
                done.add(hash(json.loads(line)["source"]))
            except (ValueError, KeyError, TypeError):
                break
            good += len(line)
        fh.truncate(good)
    return done


class _Writer:
    """Writes results to stdout, a file, or a directory mirroring the inputs."""

    def __init__(self, args: argparse.Namespace, fmt: str):
        self.fmt = fmt
        self.explain = args.explain
        self.count = 0
        self.dir: Path | None = None
        self.roots = [Path(p) for p in args.paths if p != "-" and os.path.isdir(p)]
        out = args.output
        many = len(args.paths) > 1 or bool(self.roots)
        if out and (os.path.isdir(out) or out.endswith(os.sep) or (many and fmt == "text")):
            self.dir = Path(out)
            self.dir.mkdir(parents=True, exist_ok=True)
            self.fh: IO[str] = sys.stdout
        elif out:
            self.fh = open(out, "a" if args.resume else "w", encoding="utf-8")  # noqa: SIM115
        else:
            self.fh = sys.stdout
        self.streams: dict[str, IO[str]] = {}
        self.single = not many and len(args.paths) == 1 and is_stream(args.paths[0], args.input_format) is None

    def _target(self, source: str, suffix: str) -> Path:
        assert self.dir is not None
        path = Path(source.rsplit(":", 1)[0] if ":" in source and not os.path.exists(source) else source)
        for root in self.roots:
            try:
                rel = path.relative_to(root)
                break
            except ValueError:
                continue
        else:
            rel = Path(path.name if source != "<stdin>" else "stdin")
        name = rel.name
        for ext in (".gz", ".zst"):
            name = name.removesuffix(ext)
        return self.dir / rel.parent / (Path(name).stem + suffix)

    def write(self, result: dict[str, Any]) -> None:
        if "error" in result:
            print(f"cleaner: {result['source']}: {result['error']}", file=sys.stderr)
        if self.explain:
            for r in result.get("removed", ()):
                text = r["text"].replace("\n", " ")
                text = text if len(text) <= 100 else text[:97] + "..."
                print(f"{result['source']}:{r['line']}: {r['rule']}: {r['reason']}: «{text}»", file=sys.stderr)
        if self.fmt == "text":
            if "error" in result:
                return
            if self.dir is not None:
                target = self._target(result["source"], ".txt")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(result["body"] + "\n", encoding="utf-8")
            else:
                if not self.single:
                    self.fh.write(f"==> {result['source']} <==\n")
                self.fh.write(result["body"] + "\n")
                if not self.single:
                    self.fh.write("\n")
        elif self.fmt == "jsonl":
            line = json.dumps(result, ensure_ascii=False) + "\n"
            if self.dir is not None:
                target = self._target(result["source"], ".jsonl")
                if target not in self.streams:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    self.streams[str(target)] = open(target, "w", encoding="utf-8")  # noqa: SIM115
                self.streams[str(target)].write(line)
            else:
                self.fh.write(line)
        else:
            text = json.dumps(result, ensure_ascii=False, indent=2)
            if self.dir is not None:
                target = self._target(result["source"], ".json")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text + "\n", encoding="utf-8")
            elif self.single:
                self.fh.write(text + "\n")
            else:
                self.fh.write(("[\n" if self.count == 0 else ",\n") + text)
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json" and self.dir is None and not self.single:
            self.fh.write("[]\n" if self.count == 0 else "\n]\n")
        for fh in self.streams.values():
            fh.close()
        if self.fh is not sys.stdout:
            self.fh.close()
        else:
            self.fh.flush()


def _summary(stats: dict[str, Any]) -> str:
    removed = stats["removed_chars"]
    total = stats["body_chars"] + sum(removed.values())
    top = sorted(removed.items(), key=lambda kv: -kv[1])[:6]
    share = ", ".join(f"{rule} {100 * chars / max(total, 1):.0f}%" for rule, chars in top)
    return (
        f"cleaner: {stats['documents']} documents, {stats['errors']} errors, {stats['timeouts']} timeouts; "
        f"removed {100 * sum(removed.values()) / max(total, 1):.0f}% of characters" + (f" ({share})" if share else "")
    )


def clean_command(args: argparse.Namespace) -> int:
    disabled = frozenset(r.strip() for r in args.disable.split(",") if r.strip())
    unknown = disabled - {r.id for r in ALL}
    if unknown:
        print(f"cleaner: unknown rule id(s): {', '.join(sorted(unknown))} (see `cleaner rules`)", file=sys.stderr)
        return 2
    config = Config(disabled_rules=disabled)
    if args.timeout is not None:
        config = config.with_(timeout_seconds=args.timeout if args.timeout > 0 else None)
    cleaner = Cleaner(config, lang=args.lang)
    fields = Fields(args.text_field, args.html_field, args.id_field, args.url_field)
    fmt = args.format
    if fmt == "auto":
        streams = any(is_stream(p, args.input_format) for p in expand(args.paths))
        fmt = "jsonl" if streams else "text"
    records = _records(args, fields)
    if args.resume:
        if not args.output or os.path.isdir(args.output) or fmt != "jsonl":
            print("cleaner: --resume needs -o FILE and JSONL output", file=sys.stderr)
            return 2
        done = _done_sources(args.output)
        records = (r for r in records if hash(r.source) not in done)
    writer = _Writer(args, fmt)
    if args.engine == "ray":
        try:
            from .ray import run_records
        except ImportError:
            print("cleaner: --engine ray needs the ray extra: pip install 'cleaner[ray]'", file=sys.stderr)
            return 2
        results = run_records(records, cleaner, explain=args.explain, address=args.ray_address)
    else:
        results = run(records, cleaner, explain=args.explain, jobs=args.jobs, ordered=not args.unordered)
    show = sys.stderr.isatty() if args.progress is None else args.progress
    if show:
        from tqdm import tqdm

        results = tqdm(results, unit="doc", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
    try:
        stats = summarize(results, writer.write)
    finally:
        writer.close()
    if not args.quiet and (stats["documents"] > 1 or stats["errors"]):
        print(_summary(stats), file=sys.stderr)
    return 1 if stats["errors"] else 0


def rules_command() -> int:
    width = max(len(r.id) for r in ALL)
    for rule in ALL:
        print(f"{rule.id:<{width}}  {rule.reason}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "rules":
            return rules_command()
        return clean_command(args)
    except BrokenPipeError:
        sys.stderr.close()  # output closed early (e.g. piped into head): not an error
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
