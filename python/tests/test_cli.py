"""A report from Python is the command line's, less the file's name, in every unit; a page's
article_text is the text the command line scans on it."""

import json

import pytest
from article_highlighter import Scanner, article_text
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


def test_article_text_is_what_the_cli_scans_on_a_page(tmp_path, actors_file):
    html = (
        "<!doctype html><title>t</title><nav><a href='/'>Home</a> <a href='/un'>United Nations</a></nav>"
        "<article><h1>Talks</h1>" + "".join(f"<p>{line}</p>" for line in TEXT.splitlines()) + "</article>"
        "<aside>“Read more,” Sadiq said.</aside>"
    )
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    cli = run_cli("scan", "--config", str(actors_file), "--offsets", "chars", str(page))
    assert cli.returncode == 0, cli.stderr
    expected = json.loads(cli.stdout)
    del expected["file"]
    text = article_text(html)
    assert Scanner(actors_file).scan(text) == expected
    assert "Home" not in text and "Read more" not in text and "\u2029" in text
