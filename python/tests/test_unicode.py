"""Offsets in each unit index the text as that unit counts it: "chars" a Python str, "utf16" its
UTF-16 encoding, "bytes" its UTF-8 encoding, across curly quotes, emoji and names in four
scripts (one beyond the Basic Multilingual Plane)."""

import pytest
from article_highlighter import Scanner
from conftest import ACTORS, TEXT

SLICE = {
    "chars": lambda text, start, end: text[start:end],
    "utf16": lambda text, start, end: text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le"),
    "bytes": lambda text, start, end: text.encode("utf-8")[start:end].decode("utf-8"),
}


def spans(report):
    """Every span in a report: mentions, quotes and their pieces, cues, speakers and the names
    pronouns refer to."""
    for mention in report["mentions"]:
        yield mention
    for quote in report["quotes"]:
        yield quote
        yield from quote["pieces"]
        for part in (quote["cue"], quote["speaker"], quote["speaker"] and quote["speaker"]["refers_to"]):
            if part:
                yield part


@pytest.mark.parametrize("unit", ["chars", "utf16", "bytes"])
def test_every_span_slices_to_its_text(unit):
    report = Scanner(ACTORS).scan(TEXT, unit=unit)
    assert report["unit"] == unit
    found = list(spans(report))
    assert len(found) > 10
    for span in found:
        assert SLICE[unit](TEXT, span["start"], span["end"]) == span["text"], span


def test_each_name_is_found_where_python_finds_it():
    report = Scanner(ACTORS).scan(TEXT)
    found = {(m["actor"], m["start"]) for m in report["mentions"]}
    for actor, name in [("zelensky", "Зеленський"), ("xi", "习近平"), ("hamas", "حماس"), ("yoshinoya", "𠮷野家")]:
        assert (actor, TEXT.index(name)) in found, name
    assert [m["start"] for m in report["mentions"] if m["actor"] == "sadiq"] == [
        TEXT.index("Muhammad Sadiq"),
        TEXT.index("Sadiq said"),
    ]


def test_units_differ_after_astral_characters():
    """The 𠮷 name comes after flags and emoji: 1 char, 2 UTF-16 units and 4 bytes each."""
    starts = {}
    for unit in ("chars", "utf16", "bytes"):
        report = Scanner(ACTORS).scan(TEXT, unit=unit)
        starts[unit] = next(m["start"] for m in report["mentions"] if m["actor"] == "yoshinoya")
    prefix = TEXT[: TEXT.index("𠮷野家")]
    assert starts == {
        "chars": len(prefix),
        "utf16": len(prefix.encode("utf-16-le")) // 2,
        "bytes": len(prefix.encode("utf-8")),
    }
    assert starts["chars"] < starts["utf16"] < starts["bytes"]


def test_quotes_and_speakers_across_scripts():
    report = Scanner(ACTORS).scan(TEXT)
    by_text = {q["text"]: q for q in report["quotes"]}
    assert by_text["“We will not give up,”"]["speaker"]["actor"] == "zelensky"
    assert by_text["“Talks 🤝 went well,”"]["speaker"]["actor"] == "sadiq"
    assert by_text["“Talks 🤝 went well,”"]["cue"]["text"] == "Sadiq said"
