"""A report from Python is the command line's, less the file's name, in every unit."""

import json

import pytest
from article_highlighter import Scanner
from conftest import TEXT, run_cli


@pytest.mark.parametrize("unit", ["chars", "utf16", "bytes"])
def test_scan_equals_the_cli_json(tmp_path, actors_file, unit):
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    cli = run_cli("scan", "--config", str(actors_file), "--offsets", unit, str(article))
    assert cli.returncode == 0, cli.stderr
    [line] = cli.stdout.splitlines()
    expected = json.loads(line)
    assert expected.pop("file") == str(article)
    assert Scanner(actors_file).scan(TEXT, unit=unit) == expected
    assert expected["mentions"] and expected["quotes"]
