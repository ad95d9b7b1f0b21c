"""The corpus job (article_highlighter.spark) in Spark's local mode: its tables equal the command
line's reports row for row (mentions, quotes and people), on a generated folder and on PolNeAR's
dev texts; bad documents are skipped and counted, never a failed job; WARC and Parquet inputs;
OUT is never half-written.

One SparkSession (local[2]) serves every test; each fixture that runs the job runs it once for
the tests that read its output."""

import io
import json
import os
import subprocess
import sys

import pytest
from article_highlighter import Scanner, article_text
from conftest import ACTORS, ROOT, SHARED, TEXT, run_cli

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (python/run-tests.sh installs it)")
warcio = pytest.importorskip("warcio", reason="warcio is not installed (python/run-tests.sh installs it)")

from article_highlighter import spark as job  # noqa: E402 (after the skips above)

POLNEAR_DEV = SHARED / "corpora/polnear/dev/text"
WORLD_ACTORS = ROOT / "tests/browser/fixtures/world-actors.json"


@pytest.fixture(scope="module")
def spark(tmp_path_factory):
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    # Spark's Python workers start in the JVM's folder and import from it first: started from
    # python/, they would import the package's sources, which lack the built native module.
    here = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("spark"))
    try:
        session = (
            SparkSession.builder.master("local[2]")
            .appName("article-highlighter-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate()
        )
    finally:
        os.chdir(here)
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def actors_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("config") / "actors.json"
    path.write_text(json.dumps(ACTORS), encoding="utf-8")
    return path


def run_job(spark, config, source, out, **options):
    """Runs the job; returns its summary and its tables as lists of dicts."""
    options = job.Options(
        config=str(config), input=str(source), output=str(out), input_format=job.guess_format(str(source)), **options
    )
    summary = job.run(spark, options, job.ConfigFile.read(str(config)))
    return summary, read_tables(spark, out)


def read_tables(spark, out):
    """The job's tables in OUT as lists of dicts, each sorted."""
    return {name: rows(spark, out / name) for name in (*job.REPORT_TABLES, "documents")}


def rows(spark, path):
    return sorted((row.asDict(recursive=True) for row in spark.read.parquet(str(path)).collect()), key=order)


def order(row):
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


def report_rows(reports):
    """The rows of the job's mentions, quotes and people tables for `reports`, pairs of a doc_id
    and a report, each table sorted. An `about` entry names its actor or its person; its row has
    both fields, the other null."""
    tables = {name: [] for name in job.REPORT_TABLES}
    for doc_id, report in reports:
        for name in job.REPORT_TABLES:
            tables[name] += [{"doc_id": doc_id, **row} for row in report[name]]
    for quote in tables["quotes"]:
        quote["about"] = [{"actor": None, "person": None, **entry} for entry in quote["about"]]
    return {name: sorted(rows, key=order) for name, rows in tables.items()}


def cli_rows(config, base, files):
    """The command line's reports on `files` (in character offsets) as the job's rows, with each
    file's path under `base` as its doc_id."""
    cli = run_cli("scan", "--config", str(config), "--offsets", "chars", *map(str, files))
    assert cli.returncode == 0, cli.stderr
    reports = (json.loads(line) for line in cli.stdout.splitlines())
    return report_rows((os.path.relpath(report["file"], base), report) for report in reports)


def report_tables(tables):
    """The job's tables but its documents."""
    return {name: tables[name] for name in job.REPORT_TABLES}


def page(body, head=""):
    return f"<!doctype html><html><head>{head}<title>t</title></head><body>{body}</body></html>"


# Pages as news sites lay them out: menus and asides the article finder leaves out.
STORY = page(
    "<nav><a href='/'>Home</a> <a href='/un'>United Nations</a></nav>"
    "<article><h1>Talks with Sadiq</h1>"
    + "".join(f"<p>{line}</p>" for line in TEXT.splitlines())
    + "</article><aside>“Read more,” Sadiq said.</aside>"
)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A small folder of text files and pages, in folders, with names in several scripts."""
    folder = tmp_path_factory.mktemp("generated")
    files = {
        "seed.txt": TEXT,
        "pages/story.html": STORY,
        "pages/deep/er/Зеленський.htm": page("<p>“The talks were useful,” said Muhammad Sadiq, the envoy.</p>"),
        "emoji 😀.txt": "😀😀 “Yes,” Sadiq said. 𠮷野家 was there.\n“No,” the United Nations replied.",
        "people.txt": "Jane Smith, the senator, met Sadiq.\n“Sadiq knows the deal,” Smith said. “Ask Ms. Ng,” she added.",
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder, sorted(folder / name for name in files)


def test_the_job_equals_the_cli_row_for_row(spark, actors_file, generated, tmp_path):
    folder, files = generated
    summary, tables = run_job(spark, actors_file, folder, tmp_path / "out")
    expected = cli_rows(actors_file, folder, files)
    assert report_tables(tables) == expected
    mentions, quotes = expected["mentions"], expected["quotes"]
    assert len(mentions) > 10 and {q["doc_id"] for q in quotes} == {os.path.relpath(f, folder) for f in files}
    assert summary["documents"] == summary["scanned"] == len(files)
    assert summary["skipped"] == {}
    assert [p["name"] for p in expected["people"]] == ["Jane Smith"]
    assert [summary[name] for name in job.REPORT_TABLES] == [len(expected[name]) for name in job.REPORT_TABLES]


def test_offsets_are_python_characters_into_the_text_scanned(spark, actors_file, generated, tmp_path):
    folder, files = generated
    _, tables = run_job(spark, actors_file, folder, tmp_path / "out")
    texts = {}
    for file in files:
        name = os.path.relpath(file, folder)
        text = file.read_text(encoding="utf-8")
        texts[name] = article_text(text) if name.endswith(("html", "htm")) else text
    spans = [
        (quote["doc_id"], span) for quote in tables["quotes"] for span in quote["pieces"] + quote["about"]
    ] + [(person["doc_id"], span) for person in tables["people"] for span in person["mentions"]]
    for doc_id, span in [(row["doc_id"], row) for row in tables["mentions"] + tables["quotes"]] + spans:
        assert texts[doc_id][span["start"] : span["end"]] == span["text"]
    assert any(quote["about"] for quote in tables["quotes"]) and tables["people"]
    documents = {d["doc_id"]: d for d in tables["documents"]}
    assert {name: d["chars"] for name, d in documents.items()} == {name: len(text) for name, text in texts.items()}


def test_the_job_equals_the_cli_on_polnear_dev(spark, tmp_path):
    if not POLNEAR_DEV.is_dir():
        pytest.skip(f"../shared/corpora/polnear/dev/text absent ({POLNEAR_DEV})")
    files = sorted(POLNEAR_DEV.glob("*.txt"))
    summary, tables = run_job(spark, WORLD_ACTORS, POLNEAR_DEV, tmp_path / "out")
    expected = cli_rows(WORLD_ACTORS, POLNEAR_DEV, files)
    assert report_tables(tables) == expected
    assert summary["scanned"] == len(files) == 84
    assert len(expected["quotes"]) > 500 and len(expected["people"]) > 100
    assert any(entry["person"] for quote in expected["quotes"] for entry in quote["about"])


# Bad input: one folder holding each kind, one run, a test for each.

LATIN = "<p>“We are ready,” Sadiq said in Genève.</p>"


@pytest.fixture(scope="module")
def bad(spark, actors_file, tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    files = {
        "good.txt": TEXT.encode(),
        "image.txt": b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)),
        "empty.txt": b"",
        "blank.html": b"  \r\n\t",
        "no-article.html": page("").encode(),
        "latin.html": page(LATIN, '<meta charset="windows-1252">').encode("cp1252"),
        "latin1-http-equiv.html": page(
            LATIN, '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        ).encode("cp1252"),
        "broken.html": page("<p>“Half,” Sadiq said \xff\xfe of it.</p>")
        .encode()
        .replace(b"\xc3\xbf\xc3\xbe", b"\xff\xfe"),
        "broken.txt": "“Half,” Sadiq said.".encode() + b"\xc0" + " The United Nations agreed.".encode(),
        "utf16.txt": "“Yes,” Sadiq said.".encode("utf-16"),
        "report.pdf": b"%PDF-1.4",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    out = tmp_path_factory.mktemp("bad-out") / "out"
    summary, tables = run_job(spark, actors_file, folder, out)
    return summary, tables, out


def documents_by_id(tables):
    return {d["doc_id"]: d for d in tables["documents"]}


def test_bad_input_is_skipped_with_a_count_and_a_reason(bad):
    summary, tables, _ = bad
    skipped = {
        reason: (entry["count"], [e["doc_id"] for e in entry["examples"]])
        for reason, entry in summary["skipped"].items()
    }
    assert skipped == {
        "binary": (1, ["image.txt"]),
        "empty": (2, ["blank.html", "empty.txt"]),
        "no-text": (1, ["no-article.html"]),
        "unsupported": (1, ["report.pdf"]),
    }
    assert all(entry["meaning"] for entry in summary["skipped"].values())
    assert summary["documents"] == 11 and summary["scanned"] == 6
    skipped_ids = {d["doc_id"] for d in tables["documents"] if d["skipped"]}
    assert skipped_ids.isdisjoint(row["doc_id"] for row in tables["mentions"] + tables["quotes"])


def test_a_page_in_a_legacy_encoding_is_read_by_its_meta_charset(bad):
    _, tables, _ = bad
    documents = documents_by_id(tables)
    report = Scanner(ACTORS).scan(article_text(page(LATIN)))
    for name in ["latin.html", "latin1-http-equiv.html"]:
        assert (documents[name]["encoding"], documents[name]["replaced_bytes"]) == ("cp1252", 0)
        quotes = [q for q in tables["quotes"] if q["doc_id"] == name]
        assert quotes == report_rows([(name, report)])["quotes"]
        assert quotes[0]["speaker"]["actor"] == "sadiq"
        assert "Genève" in article_text(page(LATIN))


def test_undecodable_bytes_are_replaced_and_counted(bad):
    summary, tables, _ = bad
    documents = documents_by_id(tables)
    assert (documents["broken.html"]["replaced_bytes"], documents["broken.txt"]["replaced_bytes"]) == (2, 1)
    assert (summary["replaced_bytes"], summary["documents_with_replaced_bytes"]) == (3, 2)
    mentions = [m["text"] for m in tables["mentions"] if m["doc_id"] == "broken.txt"]
    assert mentions == ["Sadiq", "United Nations"]
    speakers = [q["speaker"]["actor"] for q in tables["quotes"] if q["doc_id"] in ("broken.txt", "broken.html")]
    assert speakers == ["sadiq", "sadiq"]


def test_a_text_file_with_a_utf16_byte_order_mark_is_read(bad):
    _, tables, _ = bad
    assert documents_by_id(tables)["utf16.txt"]["encoding"] == "utf-16-le"
    assert [m["text"] for m in tables["mentions"] if m["doc_id"] == "utf16.txt"] == ["Sadiq"]


def test_the_summary_is_written_beside_the_tables(bad):
    summary, _, out = bad
    assert json.loads((out / "_summary.json").read_text(encoding="utf-8")) == summary
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "_summary.json",
        "documents",
        "mentions",
        "people",
        "quotes",
    ]
    assert [p.name for p in out.parent.iterdir()] == ["out"], "nothing left beside OUT"


# WARC: a file with every kind of record, and two cut short.


def warc(records, gzip_records=True):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_records)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    for url, content_type, body in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    return buffer.getvalue()


RECORDS = [
    ("https://example.com/story", "text/html; charset=utf-8", STORY.encode()),
    ("https://example.com/latin", "text/html; charset=windows-1252", page(LATIN).encode("cp1252")),
    ("https://example.com/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\0\0"),
    ("https://example.com/other", "text/html", page("<p>“Again,” the United Nations said.</p>").encode()),
]


def record_offsets(data):
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(io.BytesIO(data))
    return [records.get_record_offset() for _ in records]


@pytest.fixture(scope="module")
def warcs(spark, actors_file, tmp_path_factory):
    folder = tmp_path_factory.mktemp("warc")
    whole = warc(RECORDS)
    (folder / "crawl.warc.gz").write_bytes(whole)
    plain = warc(RECORDS, gzip_records=False)
    (folder / "cut.warc").write_bytes(plain[: len(plain) - 40])
    # Cut 20 bytes into the gzip member that holds the last record: no part of it can be read.
    another = warc(RECORDS)
    (folder / "cut-member.warc.gz").write_bytes(another[: record_offsets(another)[-1] + 20])
    (folder / "image.warc").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    out = tmp_path_factory.mktemp("warc-out") / "out"
    options = {"input_format": "warc"}
    opts = job.Options(config=str(actors_file), input=str(folder), output=str(out), **options)
    summary = job.run(spark, opts, job.ConfigFile.read(str(actors_file)))
    return summary, read_tables(spark, out)


def test_warc_html_responses_are_pages(warcs):
    _, tables = warcs
    documents = [d for d in tables["documents"] if d["source"] == "crawl.warc.gz"]
    assert sorted((d["url"], d["skipped"]) for d in documents) == [
        ("https://example.com/latin", None),
        ("https://example.com/logo.png", "not-html"),
        ("https://example.com/other", None),
        ("https://example.com/story", None),
    ]
    scanner = Scanner(ACTORS)
    for url, _, body in RECORDS:
        [document] = [d for d in documents if d["url"] == url]
        if document["skipped"]:
            continue
        encoding = "cp1252" if "latin" in url else "utf-8"
        report = scanner.scan(article_text(body.decode(encoding)))
        assert document["encoding"] == encoding
        expected = report_rows([(document["doc_id"], report)])
        for name in job.REPORT_TABLES:
            assert [row for row in tables[name] if row["doc_id"] == document["doc_id"]] == expected[name]
        assert document["doc_id"].startswith("<urn:uuid:")


def test_truncated_warc_records_are_skipped_and_the_rest_read(warcs):
    summary, tables = warcs
    by_source = {}
    for d in tables["documents"]:
        by_source.setdefault(d["source"], []).append((d["url"], d["skipped"]))
    # The plain WARC is cut inside its last response: that record is truncated, the rest read.
    assert sorted(by_source["cut.warc"], key=str) == sorted(
        [
            ("https://example.com/story", None),
            ("https://example.com/latin", None),
            ("https://example.com/logo.png", "not-html"),
            ("https://example.com/other", "truncated"),
        ],
        key=str,
    )
    # The gzipped one is cut inside its last gzip member, which gives no record at all: the tail is.
    cut_member = sorted(by_source["cut-member.warc.gz"], key=str)
    assert (None, "truncated") in cut_member and ("https://example.com/story", None) in cut_member
    assert by_source["image.warc"] == [(None, "unreadable")]
    assert summary["skipped"]["truncated"]["count"] == 2
    assert summary["skipped"]["unreadable"]["count"] == 1
    assert summary["skipped"]["not-html"]["count"] == 3


# Parquet


def test_a_parquet_table_with_a_text_column(spark, actors_file, tmp_path):
    texts = [(1, TEXT), (2, "“Yes,” Sadiq said."), (3, None), (4, "   "), (5, "Nothing here.")]
    table = tmp_path / "articles.parquet"
    spark.createDataFrame(texts, "key long, body string").write.parquet(str(table))
    summary, tables = run_job(spark, actors_file, table, tmp_path / "out", text_column="body", id_column="key")
    scanner = Scanner(ACTORS)
    reports = [(str(key), scanner.scan(text)) for key, text in texts if text and text.strip()]
    assert report_tables(tables) == report_rows(reports)
    assert summary["skipped"]["empty"]["count"] == 2 and summary["scanned"] == 3
    with pytest.raises(job.JobError, match="has no column 'id'"):
        run_job(spark, actors_file, table, tmp_path / "out2")
    with pytest.raises(job.JobError, match="'key' holds bigint, not text"):
        run_job(spark, actors_file, table, tmp_path / "out2", text_column="key", id_column="body")


# OUT is never half-written.


def test_an_existing_output_is_kept_unless_overwritten(spark, actors_file, generated, tmp_path):
    folder, _ = generated
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("keep")
    with pytest.raises(job.JobError, match="exists"):
        run_job(spark, actors_file, folder, out)
    assert [p.name for p in out.iterdir()] == ["mine.txt"]
    summary, _ = run_job(spark, actors_file, folder, out, overwrite=True)
    assert not (out / "mine.txt").exists() and (out / "_summary.json").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_missing_input_is_an_error_before_anything_is_written(spark, actors_file, tmp_path):
    with pytest.raises(job.JobError, match="--input: .*Path does not exist"):
        run_job(spark, actors_file, tmp_path / "nothing", tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_a_job_that_fails_leaves_no_output(spark, actors_file, generated, tmp_path, monkeypatch):
    folder, _ = generated

    def fail(*args):
        raise RuntimeError("the driver died")

    monkeypatch.setattr(job, "summarize", fail)
    with pytest.raises(RuntimeError, match="the driver died"):
        run_job(spark, actors_file, folder, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


# The command


def command(*args, cwd):
    """The job's command, run outside python/ (whose sources `-m` would import)."""
    command = [sys.executable, "-m", "article_highlighter.spark", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, encoding="utf-8")


def test_the_command_prints_its_summary(actors_file, generated, tmp_path):
    folder, files = generated
    out = tmp_path / "out"
    done = command(
        "--config", str(actors_file), "--input", str(folder), "--output", str(out), "--master", "local[1]", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary == json.loads((out / "_summary.json").read_text(encoding="utf-8"))
    assert summary["scanned"] == len(files) and summary["spark"]["master"] == "local[1]"


def test_a_bad_config_stops_the_command_before_spark_starts(tmp_path):
    config = tmp_path / "actors.csv"
    config.write_text("id,kind,aliases\nx,persn,X\n", encoding="utf-8")
    done = command("--config", str(config), "--input", str(tmp_path), "--output", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith(
        f'article_highlighter.spark: --config: {config}:2: field "kind": unknown variant `persn`'
    )
    assert done.stdout == "" and not (tmp_path / "out").exists()
