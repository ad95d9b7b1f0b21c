"""Helpers shared by the tests: the project's folders, the seed fixtures in ../shared, a small
actor list, and the command line to compare with."""

import json
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
"""The checkout: python/tests/ is two folders below it."""

SHARED = ROOT.parent / "shared"
"""Material beside the checkout (its README says so); the package builds and tests without it."""

SEED = ["fixtures/seed-article.txt", "fixtures/seed-gold.json"]


@pytest.fixture
def seed():
    """The seed article, its gold, and the gold actors as a config; the test skips, naming the
    files it lacks, when ../shared does not hold them (as the Rust tests do)."""
    absent = [f"../shared/{path}" for path in SEED if not (SHARED / path).exists()]
    if absent:
        pytest.skip(f"{', '.join(absent)} absent")
    text = (SHARED / SEED[0]).read_text(encoding="utf-8")
    gold = json.loads((SHARED / SEED[1]).read_text(encoding="utf-8"))
    return text, gold, {"actors": gold["actors"]}


# Names in four scripts, one of them (𠮷, U+20BB7) beyond the Basic Multilingual Plane, where a
# Python index, a UTF-16 offset and a UTF-8 offset all differ.
ACTORS = {
    "actors": [
        {"id": "sadiq", "name": "Muhammad Sadiq", "kind": "person", "aliases": ["Muhammad Sadiq", "Sadiq"]},
        {"id": "zelensky", "kind": "person", "aliases": ["Зеленський"]},
        {"id": "xi", "kind": "person", "aliases": ["习近平"]},
        {"id": "hamas", "kind": "group", "aliases": ["حماس"]},
        {"id": "yoshinoya", "kind": "organization", "aliases": ["𠮷野家"]},
        {"id": "un", "name": "United Nations", "kind": "organization", "aliases": ["United Nations"]},
    ]
}

# Curly quotes, emoji before and inside quotes, and the names above.
TEXT = (
    "🇺🇦 “We will not give up,” Зеленський said on Monday. 😀\n"
    "国家主席习近平在北京 met Muhammad Sadiq. “Talks 🤝 went well,” Sadiq said, and “the 𠮷野家 deal” "
    "was ‘signed’.\n"
    "«حماس» rejected it, according to the United Nations: “No. 🚫”"
)


@pytest.fixture
def actors_file(tmp_path):
    path = tmp_path / "actors.json"
    path.write_text(json.dumps(ACTORS), encoding="utf-8")
    return path


def run_cli(*args):
    """The project's command line, built by cargo if it needs to be, as a finished process."""
    command = ["cargo", "run", "--quiet", "--bin", "article-highlighter", "--", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
