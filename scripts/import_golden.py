"""Build fixtures/golden/<case>/ from the hand-labelled shared golden files.

    python scripts/import_golden.py [SHARED_DIR]     # default: ../shared

Each case gets ``input.txt`` (the seed, verbatim), ``expected.txt`` (the golden body)
and ``expected-metadata.json`` (the labelled fields). The golden answers are copied as
they are: when cleaner disagrees, the disagreement is discussed, not edited away.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ("title", "subtitle", "published", "authors", "site")


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared"
    for gold_path in sorted((shared / "golden").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        case = ROOT / "fixtures" / "golden" / gold_path.stem
        case.mkdir(parents=True, exist_ok=True)
        seed = shared / "seeds" / f"{gold_path.stem}.txt"
        (case / "input.txt").write_bytes(seed.read_bytes())
        (case / "expected.txt").write_text(gold["body"] + "\n", encoding="utf-8")
        meta = {k: gold[k] for k in FIELDS if k in gold}
        (case / "expected-metadata.json").write_text(
            json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        print(case.relative_to(ROOT))


if __name__ == "__main__":
    main()
