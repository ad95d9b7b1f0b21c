"""The report's types (the package's TypedDicts, which type checkers read) name exactly the
fields a report has, at every level, with the types it holds there: a field the core adds,
drops or changes fails here until the types say so too."""

import types
import typing

from article_highlighter import Report, Scanner
from conftest import ACTORS, TEXT

PEOPLE = (
    "Jane Smith, the senator, spoke on Monday.\n"
    "“Sadiq knows the deal,” Smith said. “The United Nations is late,” she added.\n"
    "“Ask Jane Smith,” Sadiq said."
)


def check(value, kind, path):
    """Asserts that `value` is of the type `kind`; `path` names it in the message."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        for option in typing.get_args(kind):
            try:
                return check(value, option, path)
            except AssertionError:
                pass
        raise AssertionError(f"{path}: {value!r} is none of {kind}")
    if origin is typing.Literal:
        assert value in typing.get_args(kind), f"{path}: {value!r} is not one of {kind}"
    elif origin is list:
        assert isinstance(value, list), f"{path}: {value!r} is not a list"
        for i, item in enumerate(value):
            check(item, typing.get_args(kind)[0], f"{path}[{i}]")
    elif typing.is_typeddict(kind):
        fields = typing.get_type_hints(kind)
        assert isinstance(value, dict), f"{path}: {value!r} is not a dict"
        named = f"{path}: {kind.__name__} has {sorted(fields)}, the report {sorted(value)}"
        assert sorted(value) == sorted(fields), named
        for name, field in fields.items():
            check(value[name], field, f"{path}.{name}")
    elif kind is type(None):
        assert value is None, f"{path}: {value!r} is not None"
    else:
        assert isinstance(value, kind), f"{path}: {value!r} is not {kind.__name__}"


def test_the_types_name_every_field_of_a_report():
    scanner = Scanner(ACTORS)
    for unit in ("chars", "utf16", "bytes"):
        for text in (TEXT, PEOPLE):
            check(scanner.scan(text, unit=unit), Report, f"report ({unit})")


def test_the_text_checked_has_people_and_quotes_about_actors_and_people():
    report = Scanner(ACTORS).scan(PEOPLE)
    assert [person["name"] for person in report["people"]] == ["Jane Smith"]
    assert [q["speaker"]["person"] for q in report["quotes"]] == ["jane-smith", "jane-smith", None]
    about = [sorted(entry) for quote in report["quotes"] for entry in quote["about"]]
    assert ["actor", "end", "start", "text"] in about and ["end", "person", "start", "text"] in about


def test_a_wrong_field_fails_the_check():
    report = Scanner(ACTORS).scan(PEOPLE)
    del report["quotes"][0]["speaker"]["person"]
    try:
        check(report, Report, "report")
    except AssertionError as error:
        assert "report.quotes[0].speaker" in str(error)
    else:
        raise AssertionError("a speaker without its person passed the check")
