"""Shared fixtures: short articles written for these tests, and the crux command to compare with."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Dict, Optional

import pytest

ROOT = Path(__file__).resolve().parents[3]

# Invented articles. They exercise quotes with speakers, reported speech, hedges, concessions,
# conditions, claims, risks and benefits, and text that is not ASCII: curly quotes (3 bytes),
# a no-break space (2 bytes), an em dash, accented names, an emoji (4 bytes) and CJK.
ARTICLES: Dict[str, str] = {
    "plain-ascii": (
        "Harbor Bridge Plan Draws Fire\n\n"
        "By Ann Example\n\n"
        "The city council voted on Tuesday to rebuild the Harbor Bridge. "
        "\"This is a reckless gamble with public money,\" said Maria Lopez, a council member. "
        "Officials said the repairs could cost twice the estimate.\n\n"
        "To be sure, the old bridge is unsafe and might collapse in a strong storm. "
        "If the work goes well, the new bridge will improve safety and create jobs. "
        "Still, the plan is a dangerous bet that could leave the city in debt for decades.\n"
    ),
    "curly-unicode": (
        "Calderón’s water plan\n\n"
        "“The reservoir will save the valley,” said José Núñez, the regional minister. "
        "Critics said the dam might threaten farms downstream\u00a0— and some called it "
        "a “boondoggle”.\n\n"
        "Perhaps the plan will work. It offers clean water to 40,000 families 🌊, a real "
        "benefit, though the cost is high. 東京 engineers warned that a failure could be "
        "catastrophic.\n"
    ),
    "one-line": "The merger is risky, but it may bring real gains for workers.",
    "empty": "",
    "spaces": "   \n\n  \t\n",
    "emoji-only": "🌊🌊🌊 — “” ’",
}

MARKDOWN = (
    "---\ntitle: A Test of Markdown\nauthor: Ann Example\ndate: 2024-03-05\n---\n\n"
    "# A Test of Markdown\n\n"
    "The *new* policy is a **serious risk** to privacy, said [the report](https://example.invalid).\n\n"
    "> “We will not retreat,” the minister said.\n\n"
    "- It might help small firms.\n- It could hurt consumers.\n"
)

HTML = (
    "<html><head><title>A Test of HTML</title></head><body><article>"
    "<h1>A Test of HTML</h1><p>By Ann Example</p>"
    "<p>The plan is a <em>grave</em> threat to the coast, officials said on Monday.</p>"
    "<blockquote><p>“It will fail,” she wrote.</p></blockquote>"
    "<p>Perhaps it will bring jobs&nbsp;— a welcome benefit.</p>"
    "</article></body></html>"
)


def crux_binary() -> Optional[Path]:
    """The crux command built from this repository: $CRUX_BIN, else target/{debug,release}."""
    given = os.environ.get("CRUX_BIN")
    if given:
        return Path(given)
    for profile in ("debug", "release"):
        candidate = ROOT / "target" / profile / "crux"
        if candidate.is_file():
            return candidate
    found = shutil.which("crux")
    return Path(found) if found else None


@pytest.fixture(scope="session")
def crux_cli() -> Path:
    """The crux command; CI must have it (cargo test builds it), elsewhere its tests skip."""
    binary = crux_binary()
    if binary is None or not binary.is_file():
        if os.environ.get("CI"):
            pytest.fail("the crux command is not built: set CRUX_BIN or run cargo build -p crux-cli")
        pytest.skip("the crux command is not built (cargo build -p crux-cli)")
    return binary
