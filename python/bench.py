"""Throughput on a corpus: the command line, Scanner.scan_many and the Spark job, on 1 and 2 cores.

    python/.venv/bin/python python/bench.py [--megabytes 100] [--runs 1]

(after `bash python/run-tests.sh`, which builds and installs the package with pyspark). It copies
PolNeAR's train texts (../shared/corpora/polnear/train/text) into a temporary folder until they
hold about --megabytes of text, then times, on that folder, with the world actors of the browser
tests (tests/browser/fixtures/world-actors.json) and offsets in characters:
- the command line (release build, `cargo build --release` first), writing its JSON reports to
  /dev/null: one process over every file, then two processes over half the files each (it has no
  option to use more than one core);
- `Scanner.scan_many` over every text, read into memory first (not timed), returning the reports
  as Python dicts, with RAYON_NUM_THREADS=1 and 2 (a fresh process each: rayon sizes its pool once);
- the Spark job in local[1] and local[2], end to end from the folder to the Parquet tables, as the
  job times itself (its summary's "seconds"), the whole command with the JVM's start and stop, and
  a second run of the job in the same JVM, which the JVM's compiler no longer slows.

It prints, for each, the best of --runs: the seconds on the clock and in the CPU (user and system,
of every process it started: the JVM's compiler and collector threads count too, and for Spark
as sampled from /proc), MB/s and MB/s
per core (MB: 10^6 bytes of the files), and MB per CPU-second, which other work on the machine
does not change as much as it changes the clock; and the load average before and after.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared/corpora/polnear/train/text"
ACTORS = ROOT / "tests/browser/fixtures/world-actors.json"
CLI = ROOT / "target/release/article-highlighter"
ARGUMENTS_PER_RUN = 2000
"""Files named on one command line (the system limits its length)."""


def build_corpus(folder: Path, megabytes: float) -> list[Path]:
    sources = sorted(TRAIN.glob("*.txt"))
    size = sum(p.stat().st_size for p in sources)
    files = []
    for copy in range(max(1, round(megabytes * 1e6 / size))):
        (folder / f"{copy:03d}").mkdir()
        for source in sources:
            target = folder / f"{copy:03d}" / source.name
            shutil.copyfile(source, target)
            files.append(target)
    return files


def cli(files: list[Path], processes: int) -> float:
    """Seconds for the command line to scan `files` in `processes` processes at once, each over
    its share in runs of at most ARGUMENTS_PER_RUN files."""
    shares = [files[i::processes] for i in range(processes)]

    def scan(share):
        for start in range(0, len(share), ARGUMENTS_PER_RUN):
            names = [str(p) for p in share[start : start + ARGUMENTS_PER_RUN]]
            command = [str(CLI), "scan", "--config", str(ACTORS), "--offsets", "chars", *names]
            subprocess.run(command, stdout=subprocess.DEVNULL, check=True)

    started = time.perf_counter()
    with ThreadPoolExecutor(processes) as pool:
        list(pool.map(scan, shares))
    return time.perf_counter() - started


def scan_many(folder: Path, threads: int, scratch: Path) -> float:
    """Seconds for scan_many over every text of `folder`, in a process whose rayon pool has
    `threads` threads (run outside python/, whose sources `-c` would import)."""
    code = (
        "import sys, time; from pathlib import Path; from article_highlighter import Scanner\n"
        "texts = [p.read_text(encoding='utf-8') for p in sorted(Path(sys.argv[1]).rglob('*.txt'))]\n"
        "scanner = Scanner(sys.argv[2]); started = time.perf_counter()\n"
        "scanner.scan_many(texts, unit='chars'); print(time.perf_counter() - started)\n"
    )
    env = {**os.environ, "RAYON_NUM_THREADS": str(threads)}
    command = [sys.executable, "-c", code, str(folder), str(ACTORS)]
    done = subprocess.run(command, env=env, cwd=scratch, capture_output=True, text=True)
    if done.returncode:
        sys.exit(done.stderr)
    return float(done.stdout)


def spark(folder: Path, cores: int, scratch: Path) -> tuple[tuple[float, float], float]:
    """Seconds for the Spark job in local[cores]: as it times itself, and the whole command; and
    the CPU seconds of the command's processes, read from /proc every 0.2 s while it runs, since
    the JVM and its Python workers are not waited for by the command, so not counted in its own."""
    out = scratch / f"spark-{cores}"
    command = [sys.executable, "-m", "article_highlighter.spark", "--config", str(ACTORS)]
    command += ["--input", str(folder), "--output", str(out), "--master", f"local[{cores}]", "--overwrite"]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=scratch, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    cpu = {}
    while process.poll() is None:
        cpu.update(tree_cpu(process.pid))
        time.sleep(0.2)
    wall = time.perf_counter() - started
    if process.returncode:
        sys.exit(f"the Spark job failed: {command}")
    return (json.loads(process.stdout.read())["seconds"], wall), sum(cpu.values())


def spark_again(folder: Path, cores: int, scratch: Path) -> float:
    """Seconds for the Spark job's second run in one JVM, whose compiler has by then compiled
    what the first run used (a long-lived session, or a long job, runs at this speed)."""
    code = (
        "import sys; from article_highlighter import spark as job\n"
        "spark = job.session(sys.argv[1]); config = job.ConfigFile.read(sys.argv[2])\n"
        "options = job.Options(sys.argv[2], sys.argv[3], sys.argv[4], 'files', overwrite=True)\n"
        "print([job.run(spark, options, config)['seconds'] for _ in range(2)][1])\n"
    )
    command = [sys.executable, "-c", code, f"local[{cores}]", str(ACTORS), str(folder), str(scratch / "again")]
    done = subprocess.run(command, cwd=scratch, capture_output=True, text=True)
    if done.returncode:
        sys.exit(done.stderr)
    return float(done.stdout)


def tree_cpu(root: int) -> dict[int, float]:
    """The CPU seconds (user and system) so far of process `root` and all its descendants."""
    parent, used = {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        parent[pid] = int(fields[1])
        used[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    tree, grown = {root}, True
    while grown:
        more = {pid for pid, ppid in parent.items() if ppid in tree} - tree
        tree |= more
        grown = bool(more)
    return {pid: used[pid] for pid in tree if pid in used}


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def best(measure, runs: int):
    """The fastest of `runs` calls of `measure` (which returns its seconds on the clock, or a
    tuple of them), with the CPU seconds of the processes that call started."""
    results = []
    for _ in range(runs):
        cpu = children_cpu()
        seconds = measure()
        results.append((seconds, children_cpu() - cpu))
    return min(results)


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=100)
    parser.add_argument("--runs", type=int, default=1, help="the best of this many runs of each")
    args = parser.parse_args()
    if not TRAIN.is_dir():
        sys.exit(f"{TRAIN} is absent: the benchmark copies PolNeAR's train texts")
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    print(f"machine: {os.cpu_count()} cores ({cpu}); load average before: {load()}")

    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        corpus = scratch / "corpus"
        corpus.mkdir()
        files = build_corpus(corpus, args.megabytes)
        megabytes = sum(p.stat().st_size for p in files) / 1e6
        print(f"corpus: {len(files)} files, {megabytes:.1f} MB (PolNeAR train texts, copied); actors: {ACTORS.name}")
        print(f"{'what':<32} {'cores':>5} {'seconds':>8} {'CPU s':>7} {'MB/s':>6} {'MB/s/core':>9} {'MB/CPU s':>8}")

        def row(what, cores, seconds, cpu=None):
            rate = megabytes / seconds
            cpu_figures = ("-", "-") if cpu is None else (f"{cpu:.1f}", f"{megabytes / cpu:.1f}")
            figures = f"{seconds:>8.2f} {cpu_figures[0]:>7} {rate:>6.1f} {rate / cores:>9.1f} {cpu_figures[1]:>8}"
            print(f"{what:<32} {cores:>5} {figures}", flush=True)

        for cores in (1, 2):
            row("command line (processes)", cores, *best(partial(cli, files, cores), args.runs))
        for cores in (1, 2):
            row("scan_many (RAYON_NUM_THREADS)", cores, *best(partial(scan_many, corpus, cores, scratch), args.runs))
        for cores in (1, 2):
            (job, wall), cpu = min(spark(corpus, cores, scratch) for _ in range(args.runs))
            row(f"Spark job, local[{cores}]", cores, job, cpu)
            row("  the command, with the JVM", cores, wall, cpu)
            row(
                "  a second run in the same JVM",
                cores,
                min(spark_again(corpus, cores, scratch) for _ in range(args.runs)),
            )
    print(f"load average after: {load()}")


if __name__ == "__main__":
    main()
