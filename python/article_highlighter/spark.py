"""Scans a corpus with Spark: every document's mentions, quotes and people, as Parquet tables.

    python -m article_highlighter.spark --config actors.json --input IN --output OUT [--master URL]

runs in local mode on every core of this machine (``local[*]``, or the ``--master`` given); the
same file runs on a cluster under ``spark-submit`` (the project's README, "Corpus scale (Spark)").

IN is one of (``--input-format``, else told by the name: ``*.parquet`` is a table, ``*.warc`` and
``*.warc.gz`` WARC, anything else files):
- ``files``: a folder (or one file) of ``.txt`` files, scanned as they are, and ``.html``/``.htm``
  pages, whose article text is scanned, as the command line's ``scan`` reads them; ``doc_id`` is
  the file's path under IN;
- ``parquet``: a table with a text column (``--text-column``, default ``text``) and an id column
  (``--id-column``, default ``id``, the ``doc_id`` as a string);
- ``warc``: a WARC file or a folder of them (gzipped or not); each HTML response or resource is a
  page (``doc_id``: its WARC-Record-ID; ``url``: its target URI).

OUT is a folder of four Parquet tables and a summary:
- ``mentions/``: ``doc_id, start, end, text, actor``, one row per mention;
- ``quotes/``: ``doc_id, start, end, text, speaker, cue, kind, rule, confidence, pieces, about``,
  one row per quote; ``speaker`` and ``cue`` are structs and ``pieces`` and ``about`` lists of
  them, as in the report, except that an ``about`` entry has both ``actor`` and ``person``, one of
  them null (the report gives only the one it names);
- ``people/``: ``doc_id, id, name, mentions``, one row per named speaker who is not an actor; a
  speaker's ``person`` and an ``about`` entry's ``person`` are an ``id`` of the same document;
- ``documents/``: one row per document read, scanned or skipped: ``doc_id, source, url, encoding,
  replaced_bytes, chars, skipped, detail, mentions, quotes, people``;
- ``_summary.json``: counts of documents, mentions, quotes and people, each reason for a skip with
  its count and a few examples, and the bytes that could not be decoded (also printed).

A row's fields are the report's (the README's "Report"), with offsets in Python characters
(``unit="chars"``) into the text scanned: a file's text, or a page's article text as
``article_highlighter.article_text`` gives it.

Each task scans about 64 MB of files or WARC (`TASK_BYTES`; at least one task per core; a Parquet
input is split as Spark splits it) and writes one file of each table, so the files grow with the
corpus rather than with its number of files (Spark alone would make a task of every 32 small
files). No table is partitioned by a column: actors and documents can number tens of thousands, a
folder each; a folder per quote ``kind`` (three) cost as much time again as writing the table, for
a filter that Parquet's statistics and dictionaries already make cheap.

A bad document never fails the job: it is skipped, and counted with its reason (``documents.SKIPS``:
binary, empty, a truncated WARC record, ...). The tables are written to a folder beside OUT and
renamed to OUT once complete, so OUT is never half-written; an existing OUT is kept unless
``--overwrite``.

A task scans its partition of the input (mapPartitions) with a Scanner compiled once per Python
worker (Spark keeps its workers from task to task) from the config the driver read.
"""

import argparse
import hashlib
import json
import math
import os
import sys
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass
from functools import cache, partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

from article_highlighter import Scanner
from article_highlighter.documents import MAX_BYTES, MAX_WARC_BYTES, SKIPS, from_file, from_value, from_warc

INPUT_FORMATS = ("files", "parquet", "warc")

TASK_BYTES = 64 * 1024 * 1024
"""The input a task scans: files and WARC files, read whole, are grouped into tasks of about this
many bytes (a Parquet input is split as Spark splits it, by 128 MB)."""

EXAMPLES = 5
"""Documents named in the summary for each reason for a skip."""

REPORT_TABLES = ("mentions", "quotes", "people")
"""The tables of a report's lists, a row per entry with its document's ``doc_id``."""


class JobError(Exception):
    """A job that cannot start: a bad config, an input that is not there, an output that is.
    Printed as one line; the command exits with status 2, as the command line does."""


@dataclass(frozen=True)
class Options:
    config: str
    input: str
    output: str
    input_format: str
    text_column: str = "text"
    id_column: str = "id"
    overwrite: bool = False


def parse_args(argv: list[str] | None = None) -> tuple[Options, str | None]:
    """The job's options, and the Spark master asked for (None: Spark's default, local[*] when
    run by python, the cluster's under spark-submit)."""
    parser = argparse.ArgumentParser(
        prog="python -m article_highlighter.spark",
        description="Scans a corpus for the actors in CONFIG and for quotes; writes Parquet tables of "
        "mentions, quotes, people and documents, and a summary, to OUT.",
    )
    parser.add_argument("--config", required=True, help="the actor list: JSON, or a CSV or TSV table")
    parser.add_argument(
        "--input", required=True, metavar="IN", help="a folder of .txt/.html files, a Parquet table, or WARC files"
    )
    parser.add_argument("--output", required=True, metavar="OUT", help="the folder to write (it must not exist)")
    parser.add_argument("--input-format", choices=INPUT_FORMATS, help="default: by IN's name")
    parser.add_argument("--text-column", default="text", help="a Parquet input's text (default: text)")
    parser.add_argument("--id-column", default="id", help="a Parquet input's document id (default: id)")
    parser.add_argument("--master", help="the Spark master (default: local[*], or spark-submit's)")
    parser.add_argument("--overwrite", action="store_true", help="replace OUT if it exists")
    args = parser.parse_args(argv)
    options = Options(
        config=args.config,
        input=args.input.rstrip("/"),
        output=args.output.rstrip("/"),
        input_format=args.input_format or guess_format(args.input),
        text_column=args.text_column,
        id_column=args.id_column,
        overwrite=args.overwrite,
    )
    return options, args.master


def guess_format(path: str) -> str:
    name = path.rstrip("/").lower()
    if name.endswith(".parquet"):
        return "parquet"
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    return "files"


@dataclass(frozen=True)
class ConfigFile:
    """The actor list as the driver read it, sent to every worker: a table needs its file's name
    (its extension says CSV or TSV) as well as its bytes."""

    name: str
    data: bytes
    digest: str

    @staticmethod
    def read(path: str) -> "ConfigFile":
        try:
            Scanner(path)
            data = Path(path).read_bytes()
        except (ValueError, OSError) as error:
            raise JobError(f"--config: {error}") from None
        return ConfigFile(Path(path).name, data, hashlib.sha256(data).hexdigest())


_scanners: dict[str, Scanner] = {}


def scanner(config: ConfigFile) -> Scanner:
    """The Scanner for `config`, compiled once per Python worker."""
    if config.digest not in _scanners:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / config.name
            path.write_bytes(config.data)
            _scanners[config.digest] = Scanner(path)
    return _scanners[config.digest]


def relative(path: str, base: str) -> str:
    """A file's path under the input folder, as Spark names both (`file:/data/in/a/b.txt`)."""
    if path == base:
        return path.rsplit("/", 1)[-1]
    return path[len(base) + 1 :] if path.startswith(base + "/") else path


def read_documents(input_format: str, base: str, rows):
    """The documents in a partition of the input's rows."""
    for row in rows:
        if input_format == "parquet":
            yield from_value(row[0], row[1])
        elif input_format == "files":
            yield from_file(relative(row[0], base), row[1])
        else:
            yield from from_warc(relative(row[0], base), row[1])


def scan_partition(config, input_format: str, base: str, rows):
    """One row of `scanned_schema()` per document of a partition: the document and its report."""
    scan = scanner(config.value).scan
    as_row = converter(scanned_schema())
    for doc in read_documents(input_format, base, rows):
        report = scan(doc.text) if doc.text is not None else {table: [] for table in REPORT_TABLES}
        chars = None if doc.text is None else len(doc.text)
        yield as_row({**asdict(doc), "chars": chars, **report})


def converter(kind):
    """A function from a value of `kind` in a report's dicts and lists to the tuples and lists
    Spark reads for it (a struct's fields in the schema's order; a field the dict lacks is null,
    as an ``about`` entry lacks ``person`` when it names an actor)."""
    from pyspark.sql.types import ArrayType, StructType

    if isinstance(kind, StructType):
        fields = [(field.name, converter(field.dataType)) for field in kind.fields]
        if all(convert is None for _, convert in fields):
            names = [name for name, _ in fields]
            return lambda value: None if value is None else tuple(value.get(name) for name in names)
        return lambda value: (
            None
            if value is None
            else tuple(value.get(name) if convert is None else convert(value.get(name)) for name, convert in fields)
        )
    if isinstance(kind, ArrayType):
        convert = converter(kind.elementType)
        return None if convert is None else lambda value: None if value is None else [convert(v) for v in value]
    return None


@cache
def scanned_schema():
    """The scanned documents: a document's fields (`Document`'s, less its text) and its report's
    mentions, quotes and people, which become the tables; their fields are the report's."""
    from pyspark.sql.types import ArrayType, DoubleType, LongType, StringType, StructField, StructType

    def struct(*fields):
        return StructType([StructField(name, kind) for name, kind in fields])

    span = [("start", LongType()), ("end", LongType()), ("text", StringType())]
    mention = struct(*span, ("actor", StringType()))
    speaker = struct(("actor", StringType()), *span, ("refers_to", struct(*span)), ("person", StringType()))
    about = struct(("actor", StringType()), ("person", StringType()), *span)
    quote = struct(
        *span,
        ("speaker", speaker),
        ("cue", struct(*span)),
        ("kind", StringType()),
        ("rule", StringType()),
        ("confidence", DoubleType()),
        ("pieces", ArrayType(struct(*span))),
        ("about", ArrayType(about)),
    )
    person = struct(("id", StringType()), ("name", StringType()), ("mentions", ArrayType(struct(*span))))
    return struct(
        ("doc_id", StringType()),
        ("source", StringType()),
        ("url", StringType()),
        ("encoding", StringType()),
        ("replaced_bytes", LongType()),
        ("chars", LongType()),
        ("skipped", StringType()),
        ("detail", StringType()),
        ("mentions", ArrayType(mention)),
        ("quotes", ArrayType(quote)),
        ("people", ArrayType(person)),
    )


class Output:
    """OUT on whatever file system holds it (Hadoop's API: local, HDFS, S3, ...), written in a
    folder beside it and renamed into place when complete."""

    def __init__(self, spark, path: str, overwrite: bool):
        jvm = spark.sparkContext._jvm
        self._path = jvm.org.apache.hadoop.fs.Path
        self.final = self._path(path)
        self.fs = self.final.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
        if self.fs.exists(self.final) and not overwrite:
            raise JobError(f"--output: {path} exists (--overwrite replaces it)")
        token = uuid.uuid4().hex[:12]
        self.temporary = f"{path}.incomplete-{token}"
        self._replaced = self._path(f"{path}.replaced-{token}")

    def table(self, name: str) -> str:
        return f"{self.temporary}/{name}"

    def write_text(self, name: str, text: str):
        self.fs.setWriteChecksum(False)  # no `.crc` file beside it on a local disk
        stream = self.fs.create(self._path(self.table(name)), False)
        try:
            stream.write(bytearray(text.encode("utf-8")))
        finally:
            stream.close()

    def commit(self):
        replacing = self.fs.exists(self.final)
        if replacing:
            self.fs.rename(self.final, self._replaced)
        if not self.fs.rename(self._path(self.temporary), self.final):
            if replacing:
                self.fs.rename(self._replaced, self.final)
            raise JobError(f"--output: cannot rename {self.temporary} to {self.final.toString()}")
        if replacing:
            self.fs.delete(self._replaced, True)

    def abandon(self):
        self.fs.delete(self._path(self.temporary), True)


def read_input(spark, options: Options):
    """The input's rows, two values each: (id, text) for a table, (path, bytes) for files, with
    None for bytes too many to read; and the input's full name, which the paths start with."""
    from pyspark.errors import AnalysisException
    from pyspark.sql import functions as F

    try:
        if options.input_format == "parquet":
            table = spark.read.parquet(options.input)
            for column in (options.id_column, options.text_column):
                if column not in table.columns:
                    raise JobError(
                        f"--input: {options.input} has no column {column!r} (its columns: {', '.join(table.columns)})"
                    )
            text_type = table.schema[options.text_column].dataType.simpleString()
            if text_type not in ("string", "binary"):
                raise JobError(f"--text-column: {options.text_column!r} holds {text_type}, not text (string or binary)")
            return table.select(F.col(options.id_column).cast("string"), options.text_column).rdd, options.input
        files = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(options.input)
    except AnalysisException as error:
        raise JobError(f"--input: {str(error).splitlines()[0]}") from None
    limit = MAX_BYTES if options.input_format == "files" else MAX_WARC_BYTES
    readable = files.filter(F.col("length") <= limit).select("path", "content")
    too_large = files.filter(F.col("length") > limit).select("path", F.lit(None).cast("binary").alias("content"))
    # Spark plans no split for a file of no bytes, so its row never reaches a task: these are the
    # files its listing holds and its reading does not, as rows of no bytes.
    listed = spark.createDataFrame([(hadoop_name(uri),) for uri in files.inputFiles()], "path string")
    empty = listed.join(files.select("path"), "path", "left_anti").select("path", F.lit(bytearray()).alias("content"))
    # The few files not read go to one task, rather than a task more for each split of the input.
    unread = too_large.unionByName(empty).coalesce(1)
    path = spark.sparkContext._jvm.org.apache.hadoop.fs.Path(options.input)
    fs = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    tasks = max(spark.sparkContext.defaultParallelism, math.ceil(fs.getContentSummary(path).getLength() / TASK_BYTES))
    return readable.unionByName(unread).rdd.coalesce(tasks), fs.makeQualified(path).toString()


def hadoop_name(uri: str) -> str:
    """A file's URI (`file:///data/a%20b.txt`, as Spark lists it) as Hadoop writes its path
    (`file:/data/a b.txt`, as Spark's rows name it)."""
    parts = urlsplit(uri)
    authority = f"//{parts.netloc}" if parts.netloc else ""
    return f"{parts.scheme}:{authority}{unquote(parts.path)}"


def summarize(spark, options: Options, documents_table: str, seconds: float) -> dict:
    """The summary, from the documents table as written."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    documents = spark.read.parquet(documents_table)
    totals = documents.agg(
        F.count("*").alias("documents"),
        F.count(F.when(F.col("skipped").isNull(), 1)).alias("scanned"),
        F.coalesce(F.sum("mentions"), F.lit(0)).alias("mentions"),
        F.coalesce(F.sum("quotes"), F.lit(0)).alias("quotes"),
        F.coalesce(F.sum("people"), F.lit(0)).alias("people"),
        F.coalesce(F.sum("replaced_bytes"), F.lit(0)).alias("replaced_bytes"),
        F.count(F.when(F.col("replaced_bytes") > 0, 1)).alias("documents_with_replaced_bytes"),
    ).first()
    by_reason = {
        row["skipped"]: row["count"]
        for row in documents.where("skipped IS NOT NULL").groupBy("skipped").count().collect()
    }
    first = Window.partitionBy("skipped").orderBy("doc_id")
    examples = (
        documents.where("skipped IS NOT NULL")
        .withColumn("n", F.row_number().over(first))
        .where(F.col("n") <= EXAMPLES)
        .orderBy("skipped", "n")
        .select("skipped", "doc_id", "detail")
        .collect()
    )
    skipped = {
        reason: {
            "count": count,
            "meaning": SKIPS[reason],
            "examples": [{"doc_id": e["doc_id"], "detail": e["detail"]} for e in examples if e["skipped"] == reason],
        }
        for reason, count in sorted(by_reason.items())
    }
    context = spark.sparkContext
    return {
        "input": options.input,
        "input_format": options.input_format,
        "output": options.output,
        "config": options.config,
        **totals.asDict(),
        "skipped": skipped,
        "seconds": round(seconds, 1),
        "spark": {"version": spark.version, "master": context.master, "parallelism": context.defaultParallelism},
    }


def run(spark, options: Options, config: ConfigFile) -> dict:
    """Runs the job in `spark` with the actor list `config` (`ConfigFile.read(options.config)`);
    returns the summary, which is also OUT/_summary.json."""
    started = time.monotonic()
    output = Output(spark, options.output, options.overwrite)
    rows, base = read_input(spark, options)
    shipped = spark.sparkContext.broadcast(config)
    scanned_rows = rows.mapPartitions(partial(scan_partition, shipped, options.input_format, base))
    scanned = spark.createDataFrame(scanned_rows, scanned_schema(), verifySchema=False).persist()
    try:
        for table in REPORT_TABLES:
            exploded = scanned.selectExpr("doc_id", f"explode({table}) AS row").select("doc_id", "row.*")
            exploded.write.parquet(output.table(table))
        fields = [name for name in scanned.columns if name not in REPORT_TABLES]
        documents = scanned.selectExpr(*fields, *(f"size({table}) AS {table}" for table in REPORT_TABLES))
        documents.write.parquet(output.table("documents"))
        summary = summarize(spark, options, output.table("documents"), time.monotonic() - started)
        output.write_text("_summary.json", json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
        output.commit()
    except BaseException:
        output.abandon()
        raise
    finally:
        scanned.unpersist()
        shipped.destroy()
    return summary


def session(master: str | None):
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("article-highlighter")
    if master:
        builder = builder.master(master)
    # spark-submit starts this process with a gateway to its JVM; python alone runs in local mode.
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ
    if (master or ("" if submitted else "local")).startswith("local"):
        # Local workers run this interpreter, which has the package (else Spark runs `python3`).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return builder.getOrCreate()


def main(argv: list[str] | None = None) -> int:
    options, master = parse_args(argv)
    try:
        config = ConfigFile.read(options.config)  # before Spark starts: a bad list fails at once
        spark = session(master)
        try:
            summary = run(spark, options, config)
        finally:
            spark.stop()
    except JobError as error:
        print(f"article_highlighter.spark: {error}", file=sys.stderr)
        return 2
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    # Run as the module the workers import (not as `__main__`), so that the functions Spark sends
    # them are found by name in the installed package rather than pickled with this file's globals.
    from article_highlighter.spark import main as job

    sys.exit(job())
