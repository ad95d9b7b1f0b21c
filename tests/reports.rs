//! Every report the CLI writes on the shared corpora stays the same JSON value.
//!
//! A change of the core's machinery (the matcher's automaton, the JSON reader and writer, the
//! sorts) must leave what it finds exactly as it was. `tests/fixtures/report-digests.txt` holds
//! a SHA-256 of every report the CLI wrote before such a change, over the seed article, the
//! PolNeAR train and dev texts and the 25 saved news pages, in the three offset units; this test
//! writes them again and compares. Digests, not the reports, are kept: the reports quote the
//! articles, which belong to their publishers.
//!
//! When a change is meant to alter reports, `UPDATE_REPORT_DIGESTS=1 cargo test --test reports`
//! writes the file anew, and the diff shows which reports changed.

mod common;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use sha2::{Digest, Sha256};

const DIGESTS: &str = "tests/fixtures/report-digests.txt";

/// The corpora of `../shared` scanned, beside the seed article.
const CORPORA: [&str; 3] = ["corpora/pages", "corpora/polnear/train/text", "corpora/polnear/dev/text"];

/// The world actors of the browser tests: 149 states, organisations and people.
const WORLD_ACTORS: &str = "tests/browser/fixtures/world-actors.json";

fn project(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Runs `scan` and returns each report (one per line) by a name that does not depend on where
/// the files are: `label/` and the file's path below `base`.
fn scan(label: &str, base: &Path, config: &Path, unit: &str, paths: &[PathBuf]) -> BTreeMap<String, Value> {
    let output = Command::new(env!("CARGO_BIN_EXE_article-highlighter"))
        .args(["scan", "--config"])
        .arg(config)
        .args(["--offsets", unit])
        .args(paths)
        .output()
        .expect("run the CLI");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|line| {
            let mut report: Value = serde_json::from_str(line).expect("a JSON report");
            let file = report.as_object_mut().and_then(|r| r.remove("file")).expect("a file field");
            let file = Path::new(file.as_str().expect("a path"));
            let name = file.strip_prefix(base).expect("a file below its base").display();
            (format!("{label}/{unit}/{name}"), report)
        })
        .collect()
}

/// The 25 saved pages, unpacked into `into` as `.html` files.
fn unpack_pages(pages: &Path, into: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(into).unwrap();
    files_in(pages)
        .iter()
        .filter(|dir| dir.join("source.html.gz").is_file())
        .map(|dir| {
            let mut html = Vec::new();
            let gz = std::fs::File::open(dir.join("source.html.gz")).expect("a saved page");
            flate2::read::GzDecoder::new(gz).read_to_end(&mut html).expect("gzip");
            let out = into.join(format!("{}.html", dir.file_name().unwrap().to_string_lossy()));
            std::fs::write(&out, html).unwrap();
            out
        })
        .collect()
}

/// The files in `dir`, in name order (`scan` expands a folder to its HTML pages only).
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir).expect("a corpus folder").map(|entry| entry.expect("a folder entry").path()).collect();
    files.sort();
    files
}

/// Every report on the corpora, by name.
fn reports(shared: &Path) -> BTreeMap<String, Value> {
    let scratch = std::env::temp_dir().join(format!("article-highlighter-reports-{}", std::process::id()));
    let seed = common::Seed::read(shared);
    std::fs::create_dir_all(&scratch).unwrap();
    let seed_config = scratch.join("seed-actors.json");
    std::fs::write(&seed_config, seed.config.to_string()).unwrap();
    let world = project(WORLD_ACTORS);
    let corpora = shared.join("corpora");
    let pages = unpack_pages(&corpora.join("pages"), &scratch.join("pages"));
    let polnear = corpora.join("polnear");
    let mut all = BTreeMap::new();
    for unit in ["utf16", "chars", "bytes"] {
        let fixtures = shared.join("fixtures");
        all.extend(scan("seed", &fixtures, &seed_config, unit, &[fixtures.join("seed-article.txt")]));
        all.extend(scan("pages", &scratch.join("pages"), &world, unit, &pages));
        for split in ["train", "dev"] {
            let texts = polnear.join(split).join("text");
            all.extend(scan(&format!("polnear-{split}"), &texts, &world, unit, &files_in(&texts)));
        }
    }
    std::fs::remove_dir_all(&scratch).unwrap();
    all
}

fn digest(report: &Value) -> String {
    // `Value` keeps object members in key order, so equal values have equal text.
    Sha256::digest(report.to_string()).iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn reports_on_the_corpora_are_unchanged() {
    let needs = [common::SEED.as_slice(), &CORPORA].concat();
    let Some(shared) = common::shared("reports_on_the_corpora_are_unchanged", &needs) else { return };
    let now: BTreeMap<String, String> = reports(&shared).iter().map(|(name, r)| (name.clone(), digest(r))).collect();
    let file = project(DIGESTS);
    if std::env::var_os("UPDATE_REPORT_DIGESTS").is_some() {
        let text: String = now.iter().map(|(name, digest)| format!("{digest}  {name}\n")).collect();
        std::fs::write(&file, text).unwrap();
        return;
    }
    let saved: BTreeMap<String, String> = std::fs::read_to_string(&file)
        .expect("the saved digests")
        .lines()
        .map(|line| {
            let (digest, name) = line.split_once("  ").expect("digest  name");
            (name.to_owned(), digest.to_owned())
        })
        .collect();
    // 3 units × (the seed article + 25 pages + 840 + 84 PolNeAR texts).
    assert_eq!(saved.len(), 3 * (1 + 25 + 840 + 84), "the saved digests cover every report");
    let changed: Vec<&String> = saved
        .keys()
        .filter(|name| now.get(*name) != saved.get(*name))
        .chain(now.keys().filter(|n| !saved.contains_key(*n)))
        .collect();
    assert!(
        changed.is_empty(),
        "{} of {} reports changed, first: {:?}",
        changed.len(),
        saved.len(),
        &changed[..changed.len().min(10)]
    );
}
