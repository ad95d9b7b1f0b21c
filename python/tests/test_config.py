"""A config given as a dict, as JSON text, or as a list file's path (JSON or a table, told apart
as the command line tells them) compiles to the same scanner."""

import json
from pathlib import Path

import pytest
from article_highlighter import Scanner
from conftest import ACTORS, TEXT

# The same actors as a table, with ids written, so that nothing is derived.
TABLE_ROWS = [["id", "name", "kind", "aliases"]] + [
    [a["id"], a.get("name", a["id"]), a["kind"], "|".join(a["aliases"])] for a in ACTORS["actors"]
]


def table(separator):
    return "\r\n".join(separator.join(row) for row in TABLE_ROWS) + "\r\n"


@pytest.fixture
def expected():
    return Scanner(ACTORS).scan(TEXT)


def test_json_text_with_a_byte_order_mark_and_white_space(expected):
    assert Scanner(json.dumps(ACTORS)).scan(TEXT) == expected
    assert Scanner("\ufeff \n " + json.dumps(ACTORS, indent=2)).scan(TEXT) == expected


@pytest.mark.parametrize(
    "name, content",
    [
        ("actors.json", json.dumps(ACTORS)),
        ("actors.csv", table(",")),
        ("actors.tsv", table("\t")),
        ("actors.txt", table("\t")),
        ("semicolons.csv", table(";")),
        ("json-without-extension", "\n" + json.dumps(ACTORS)),
        ("table-without-extension", table(",")),
    ],
)
def test_list_files_by_extension_else_content(tmp_path, expected, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert Scanner(path).scan(TEXT) == expected
    assert Scanner(str(path)).scan(TEXT) == expected


def test_a_json_extension_wins_over_content(tmp_path):
    path = tmp_path / "actors.json"
    path.write_text(table(","), encoding="utf-8")
    with pytest.raises(ValueError, match=r"actors\.json: config is not valid JSON"):
        Scanner(path)


def test_a_path_that_is_not_there_is_an_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        Scanner(tmp_path / "absent.csv")
    with pytest.raises(FileNotFoundError):
        Scanner(str(tmp_path / "absent.json"))


@pytest.mark.parametrize("config", [None, 3, [ACTORS], b"{}"])
def test_other_types_are_refused(config):
    with pytest.raises(TypeError, match="config must be a dict, JSON text or the path of a list file"):
        Scanner(config)


def test_the_default_unit_is_chars():
    assert Scanner(ACTORS).scan(TEXT) == Scanner(ACTORS).scan(TEXT, unit="chars")
    assert Scanner(ACTORS).scan(TEXT)["unit"] == "chars"


def test_the_version_is_the_crates():
    import article_highlighter

    cargo = (Path(__file__).parents[1] / "Cargo.toml").read_text(encoding="utf-8")
    assert f'version = "{article_highlighter.__version__}"' in cargo
