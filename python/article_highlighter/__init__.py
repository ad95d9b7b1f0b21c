"""Finds the actors (people, organisations, states, armed groups) named in a news article and the
quoted statements in it, and works out who said each quote.

    from article_highlighter import Scanner

    scanner = Scanner({"actors": [{"id": "sadiq", "kind": "person", "aliases": ["Sadiq"]}]})
    report = scanner.scan("“We are ready,” Sadiq said.")
    report["quotes"][0]["speaker"]["actor"]  # "sadiq"

``article_text(html)`` gives the text the highlighter scans on an HTML page (the article found on
it), as the command line reads a ``.html`` file. ``python -m article_highlighter.spark`` scans a
whole corpus with Spark (``article_highlighter.spark``; needs the ``spark`` extra).

The work is done by the project's Rust core, compiled into the native module ``_core``. The
project's README says what a config holds ("Config") and what a report means ("Report"); the
types below give a report's shape to type checkers.
"""

from typing import Literal, TypedDict

Unit = Literal["chars", "utf16", "bytes"]
"""Code points (Python ``str`` indices), UTF-16 code units (JavaScript's), or UTF-8 bytes."""


class Span(TypedDict):
    """A stretch of the text: ``start`` to ``end`` (exclusive) in the report's unit."""

    start: int
    end: int
    text: str


class Mention(Span):
    """A configured actor's name in the text."""

    actor: str


class Speaker(Span):
    """Who said a quote: a configured actor's id, or ``None`` for someone else ("a spokesman");
    for a pronoun, the earlier name it stands for; for a speaker who is not an actor, the ``id`` of
    the person in the report's ``people`` they are."""

    actor: str | None
    refers_to: Span | None
    person: str | None


class AboutActor(Span):
    """Words of a quote that name a configured actor."""

    actor: str


class AboutPerson(Span):
    """Words of a quote that name one of the report's people."""

    person: str


About = AboutActor | AboutPerson
"""Whom a quote's words name: an actor or a person, never both."""


class Person(TypedDict):
    """A named speaker who is not a configured actor: an ``id`` derived from the name, the fullest
    name the article gives, and every mention (names, and role nouns tied to the name)."""

    id: str
    name: str
    mentions: list[Span]


class Quote(Span):
    """A quote, its pieces, and its speaker, cue and rule where one was found."""

    pieces: list[Span]
    kind: Literal["statement", "term", "title"]
    speaker: Speaker | None
    cue: Span | None
    rule: Literal["after", "after-inverted", "before", "according-to", "next-quote", "follow-on", "context"] | None
    confidence: float
    about: list[About]


class Actor(TypedDict):
    """A configured actor and how often the text mentions it."""

    id: str
    name: str
    kind: Literal["person", "organization", "state", "group", "place", "other"]
    color: str
    count: int


class Report(TypedDict):
    """What a scan found: the command line's JSON report, as dicts and lists."""

    unit: Unit
    mentions: list[Mention]
    quotes: list[Quote]
    actors: list[Actor]
    people: list[Person]


from ._core import Scanner, __version__, article_text  # noqa: E402 (after the types, which it does not need)

__all__ = [
    "Scanner",
    "article_text",
    "Report",
    "Mention",
    "Quote",
    "Speaker",
    "About",
    "AboutActor",
    "AboutPerson",
    "Person",
    "Span",
    "Actor",
    "Unit",
    "__version__",
]
