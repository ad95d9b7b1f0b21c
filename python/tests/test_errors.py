"""A bad config raises ValueError with the core's one-line message, the very message the command
line prints (after its name) for the same list."""

import json

import pytest
from article_highlighter import Scanner
from conftest import ACTORS, TEXT, run_cli


def actor(**fields):
    return {"actors": [{"id": "x", "aliases": ["X"], **fields}]}


@pytest.mark.parametrize(
    "config, message",
    [
        (actor(colour="red"), 'actor "x": unknown field `colour`, expected one of `id`, `name`, `kind`, '),
        (actor(aliases="X"), 'actor "x": field "aliases": invalid type: string "X", expected an array'),
        (actor(kind="persn"), 'actor "x": field "kind": unknown variant `persn`, expected one of `person`, '),
        (actor(color="red"), 'actor "x": field "color": "red" is not a hex colour'),
        (actor(aliases=["..."]), 'actor "x": field "aliases": "..." has no letter or digit'),
        ({"actors": [{"id": "x", "aliases": ["X"]}, {"id": "x", "aliases": ["Y"]}]}, 'actor #1: field "id": "x" is already used'),
        (actor(patterns=["U(N"]), 'actor "x": field "patterns": '),
        ({"actor": []}, "config: unknown field `actor`, expected one of `name`, `notes`, `actors`"),
        ("{\"actors\": [", "config is not valid JSON: EOF while parsing a list at line 1 column 12"),
    ],
)
def test_a_bad_config_is_a_value_error_with_the_cores_message(config, message):
    with pytest.raises(ValueError) as raised:
        Scanner(config)
    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)


def test_a_bad_table_names_its_file_and_line_as_the_cli_does(tmp_path):
    path = tmp_path / "desk.csv"
    path.write_text("id,kind,aliases\nsadiq,person,Sadiq\nx,persn,X\n", encoding="utf-8")
    with pytest.raises(ValueError) as raised:
        Scanner(path)
    assert str(raised.value).startswith(f'{path}:3: field "kind": unknown variant `persn`')
    cli = run_cli("scan", "--config", str(path), str(path))
    assert cli.returncode == 2
    assert cli.stderr == f"article-highlighter: {raised.value}\n"


@pytest.mark.parametrize(
    "name, content",
    [
        ("bad.json", json.dumps(actor(patterns=["\\p{Alphabeticc}"]))),
        ("bad.json", b'{"actors": [{"id": "caf\xe9", "aliases": ["X"]}]}'),
        ("bad.csv", "name,colour\nSadiq,red\n"),
        ("bad.tsv", b"\xff\xfei\x00d\x00"),
    ],
)
def test_errors_in_files_are_the_clis(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as raised:
        Scanner(path)
    assert str(raised.value).startswith(f"{path}")
    cli = run_cli("scan", "--config", str(path), str(path))
    assert (cli.returncode, cli.stderr) == (2, f"article-highlighter: {raised.value}\n")


def test_an_unknown_unit_is_a_value_error():
    scanner = Scanner(ACTORS)
    for call in (lambda: scanner.scan(TEXT, unit="utf8"), lambda: scanner.scan_many([TEXT], unit="UTF16")):
        with pytest.raises(ValueError, match=r"unknown offset unit \"(utf8|UTF16)\" \(use utf16, chars or bytes\)"):
            call()


def test_texts_must_be_strings():
    scanner = Scanner(ACTORS)
    with pytest.raises(TypeError):
        scanner.scan(b"Sadiq said")
    with pytest.raises(TypeError):
        scanner.scan_many("Sadiq said")
