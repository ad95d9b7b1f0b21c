"""The article the product was designed around must give exactly the seed gold, as it does
through the Rust API (tests/seed.rs)."""

from article_highlighter import Scanner


def test_seed_article_matches_gold_exactly(seed):
    text, gold, config = seed
    report = Scanner(config).scan(text, unit="utf16")
    mentions = [{key: m[key] for key in ("start", "end", "text", "actor")} for m in report["mentions"]]
    assert mentions == gold["mentions"]
    quotes = [
        {
            "start": q["start"],
            "end": q["end"],
            "text": q["text"],
            "kind": q["kind"],
            "speaker": q["speaker"] and q["speaker"]["actor"],
            "cue": q["cue"] and q["cue"]["text"],
        }
        for q in report["quotes"]
    ]
    assert quotes == gold["quotes"]
    assert sum(actor["count"] for actor in report["actors"]) == len(gold["mentions"])


def test_seed_offsets_in_chars_index_the_python_string(seed):
    text, gold, config = seed
    report = Scanner(config).scan(text, unit="chars")
    assert report["unit"] == "chars"
    assert len(report["mentions"]) == len(gold["mentions"])
    for span in report["mentions"] + report["quotes"]:
        assert text[span["start"] : span["end"]] == span["text"]
