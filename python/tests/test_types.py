"""The report's types (the package's TypedDicts, which type checkers read) name exactly the
fields a report has, at every level, with the types it holds there: a field the core adds,
drops or changes fails here until the types say so too."""

import pytest
from article_highlighter import Report, Scanner
from conftest import ACTORS, TEXT

typeguard = pytest.importorskip("typeguard", reason="typeguard is not installed (python/run-tests.sh installs it)")

PEOPLE = (
    "Jane Smith, the senator, spoke on Monday.\n"
    "“Sadiq knows the deal,” Smith said. “The United Nations is late,” she added.\n"
    "“Ask Jane Smith,” Sadiq said."
)


def check(report):
    """Checks `report` against `Report`, every item of every list (typeguard checks only the
    first by default), failing on a missing or an extra key of any TypedDict."""
    typeguard.check_type(report, Report, collection_check_strategy=typeguard.CollectionCheckStrategy.ALL_ITEMS)


def test_the_types_name_every_field_of_a_report():
    scanner = Scanner(ACTORS)
    for unit in ("chars", "utf16", "bytes"):
        for text in (TEXT, PEOPLE):
            check(scanner.scan(text, unit=unit))


def test_the_text_checked_has_people_and_quotes_about_actors_and_people():
    report = Scanner(ACTORS).scan(PEOPLE)
    assert [person["name"] for person in report["people"]] == ["Jane Smith"]
    assert [q["speaker"]["person"] for q in report["quotes"]] == ["jane-smith", "jane-smith", None]
    about = [sorted(entry) for quote in report["quotes"] for entry in quote["about"]]
    assert ["actor", "end", "start", "text"] in about and ["end", "person", "start", "text"] in about


def test_a_wrong_field_fails_the_check():
    report = Scanner(ACTORS).scan(PEOPLE)
    del report["quotes"][-1]["speaker"]["person"]
    with pytest.raises(typeguard.TypeCheckError, match="missing required key.*person"):
        check(report)
