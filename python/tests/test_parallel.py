"""One scanner shared by threads, and scan_many on every core, give exactly what scanning each
text alone gives."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from article_highlighter import Scanner
from conftest import ACTORS, TEXT

SENTENCES = [
    "“We are ready,” Sadiq said.",
    "Зеленський met the United Nations envoy.",
    "According to 习近平, “the talks 🤝 were useful.”",
    "«حماس» said nothing; “no comment,” a spokesman told reporters.",
    "The 𠮷野家 deal was ‘signed’ on Monday.",
    "He said: “Enough.”",
]


def texts(count):
    """Varied texts: each a different run of the sentences, some with the whole sample text."""
    return [
        " ".join(SENTENCES[(i + j) % len(SENTENCES)] for j in range(i % 7 + 1)) + ("\n" + TEXT if i % 3 == 0 else "")
        for i in range(count)
    ]


def test_a_thread_pool_sharing_one_scanner_equals_a_serial_run():
    scanner = Scanner(ACTORS)
    batch = texts(200)
    serial = [scanner.scan(text) for text in batch]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(scanner.scan, batch))
    assert threaded == serial
    assert sum(len(report["mentions"]) for report in serial) > 200


@pytest.mark.parametrize("unit", ["chars", "utf16", "bytes"])
def test_scan_many_equals_scan_in_a_loop(unit):
    scanner = Scanner(ACTORS)
    batch = texts(300)
    assert scanner.scan_many(batch, unit=unit) == [scanner.scan(text, unit=unit) for text in batch]


def test_scan_many_takes_any_sequence_and_an_empty_one():
    scanner = Scanner(ACTORS)
    batch = texts(5)
    assert scanner.scan_many(tuple(batch)) == scanner.scan_many(batch)
    assert scanner.scan_many([]) == []


def test_scan_many_from_threads_at_once():
    scanner = Scanner(ACTORS)
    batches = [texts(40 + i) for i in range(6)]
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(scanner.scan_many, batches))
    assert results == [[scanner.scan(text) for text in batch] for batch in batches]


def test_a_scan_lets_other_threads_run():
    """While one thread scans a long text (a quarter of a second or so), this one keeps running:
    the longest pause it sees is far shorter than the scan, as it could not be were the GIL held."""
    scanner = Scanner(ACTORS)
    text = "The minister spoke with officials about the budget and the roads. " * 500_000
    took = {}

    def scan():
        start = time.perf_counter()
        scanner.scan(text)
        took["scan"] = time.perf_counter() - start

    thread = threading.Thread(target=scan)
    ticks = [time.perf_counter()]
    thread.start()
    while thread.is_alive():
        ticks.append(time.perf_counter())
    thread.join()
    longest_pause = max(later - earlier for earlier, later in zip(ticks, ticks[1:]))
    assert longest_pause < took["scan"] / 2, (longest_pause, took["scan"])
