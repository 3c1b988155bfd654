"""Where does text mode lose points? Per-page scores and a block-by-block view.

    python bench/diagnose.py --data /tmp/bench --set wcxb-dev --dump text_blocks --worst 20
    python bench/diagnose.py --data /tmp/bench --set wcxb-dev --page 0003

For full-body truth, each block is marked by the share of its 4-token shingles found in
the truth (``T`` mostly in, ``.`` mostly out); for snippet truth, by the snippets it holds.
Kept blocks that are out and dropped blocks that are in are the errors to study.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

import cleaner
from cleaner.pipeline import build, run_steps

_TOKEN = re.compile(r"\w+")


def shingles(text: str) -> Counter:
    t = _TOKEN.findall(text)
    if len(t) < 4:
        return Counter([tuple(t)]) if t else Counter()
    return Counter(tuple(t[i : i + 4]) for i in range(len(t) - 3))


def page_score(truth: str, pred: str) -> tuple[float, float]:
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    prec = tp / sum(p.values()) if p else 1.0
    rec = tp / sum(t.values()) if t else 1.0
    return prec, rec


def truth_of(root: Path, ident: str) -> tuple[str, dict | None]:
    txt = root / "truth" / f"{ident}.txt"
    if txt.exists():
        return txt.read_text(encoding="utf-8"), None
    item = json.loads((root / "truth" / f"{ident}.json").read_text(encoding="utf-8"))
    return "", item


def show_page(root: Path, dump: str, ident: str) -> None:
    text = (root / dump / f"{ident}.txt").read_text(encoding="utf-8")
    truth, snippets = truth_of(root, ident)
    doc, removals = build(text, cleaner.Config(), None)
    run_steps(doc, removals, [])
    tsh = shingles(truth)
    norm = lambda s: re.sub(r"\s+", " ", s)  # noqa: E731
    for b in doc.blocks:
        body = b.table.text() if b.table else b.text
        if snippets is not None:
            n = norm(body)
            mark = (
                "W"
                if any(norm(w) in n for w in snippets["with"])
                else ("X" if any(norm(w) in n for w in snippets["without"]) else " ")
            )
        else:
            sh = shingles(body)
            share = sum((sh & tsh).values()) / max(1, sum(sh.values()))
            mark = "T" if share >= 0.5 else "."
        state = "KEEP" if b.removed_by is None else b.removed_by
        f = b.feat
        print(
            f"{mark} {state[:22]:<22} {b.label[:4]:<4} c={f.chars:<5} s={f.stop:.2f} p={f.sentences:<2} | {body[:110]}"
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--set", default="wcxb-dev")
    ap.add_argument("--dump", default="text_blocks")
    ap.add_argument("--page")
    ap.add_argument("--worst", type=int, default=20)
    ap.add_argument("--by", choices=("f1", "precision", "recall"), default="f1")
    args = ap.parse_args()
    root = args.data / args.set
    if args.page:
        show_page(root, args.dump, args.page)
        return
    rows = []
    for path in sorted((root / args.dump).glob("*.txt")):
        truth, snippets = truth_of(root, path.stem)
        if snippets is not None:
            continue
        pred = cleaner.clean(path.read_text(encoding="utf-8")).body
        p, r = page_score(truth, pred)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        rows.append((path.stem, p, r, f1))
    key = {"f1": 3, "precision": 1, "recall": 2}[args.by]
    rows.sort(key=lambda x: x[key])
    for ident, p, r, f1 in rows[: args.worst]:
        print(f"{ident}  P={p:.2f} R={r:.2f} F1={f1:.2f}")
    print(f"mean P={sum(x[1] for x in rows) / len(rows):.3f} R={sum(x[2] for x in rows) / len(rows):.3f}")


if __name__ == "__main__":
    main()
