from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def prose(n: int = 3) -> list[str]:
    """Plain article paragraphs to surround a test line with."""
    paragraphs = [
        "The city council voted on Tuesday to extend the hours of the central library, after months of "
        "debate over the cost of staffing the building in the evenings and at weekends.",
        "Supporters of the plan said that students and shift workers had been asking for longer hours for "
        "years, and that the library was one of the few quiet public places left in the district.",
        "The new schedule will take effect next month, and the council said it would review the numbers of "
        "visitors at the end of the year before deciding whether to make the change permanent.",
        "Opponents argued that the money would be better spent on repairs to the roof, which has leaked "
        "during heavy rain for at least two winters and damaged part of the local history collection.",
    ]
    return paragraphs[:n]


def settled(text: str) -> str:
    """The cleaned body of ``text``, checked to be a fixed point: cleaning it again changes nothing."""
    import cleaner

    body = cleaner.clean(text).body
    assert cleaner.clean(body).body == body
    return body


def squash(text: str | None) -> str:
    """Runs of spaces inside a line collapsed, lines stripped: what golden comparisons forgive."""
    return "\n".join(re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in (text or "").strip().split("\n"))
