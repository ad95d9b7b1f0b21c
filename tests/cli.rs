//! The command-line binary: reports per file, offset units, its arguments, and errors with
//! status 2 (one line for the project's own, clap's message for a usage error).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_article-highlighter")).args(args).output().expect("run the CLI")
}

/// Runs the CLI in `dir`, for paths relative to it.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_article-highlighter")).current_dir(dir).args(args).output().expect("run the CLI")
}

/// A fresh scratch folder for one test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("article-highlighter-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

fn lines(output: &Output) -> Vec<Value> {
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn error_line(output: &Output) -> String {
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    stderr.trim_end().to_owned()
}

/// A usage error, reported by clap: status 2, nothing on stdout, and its message on stderr,
/// whose first line says what is wrong (the rest is the usage and a pointer to --help).
fn usage_error(output: &Output) -> String {
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(stderr.contains("For more information, try '--help'."), "{stderr}");
    stderr
}

/// The first line of a usage error.
fn usage_line(output: &Output) -> String {
    usage_error(output).lines().next().unwrap().to_owned()
}

#[test]
fn seed_article_reproduces_the_gold() {
    let Some(seed) = common::seed("seed_article_reproduces_the_gold") else { return };
    let dir = scratch("seed");
    let config = write(&dir, "actors.json", &seed.config.to_string());
    let article = write(&dir, "seed-article.txt", &seed.text);
    let reports = lines(&run(&["scan", "--config", &config, &article]));
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0]["file"], article.as_str());
    assert_eq!(reports[0]["unit"], "utf16");
    common::assert_matches_gold(&reports[0], &seed.gold);
}

#[test]
fn offsets_in_each_unit_for_astral_text() {
    let dir = scratch("units");
    let config = write(
        &dir,
        "c.json",
        r#"{"actors":[{"id":"kyiv","aliases":["Київ"]},{"id":"bob","kind":"person","aliases":["Bob"]}]}"#,
    );
    let text = "😀 Київ — “Hi 🌍 there, friends,” Bob said.";
    let file = write(&dir, "a.txt", text);
    let expect =
        [("utf16", [3, 7, 10, 33, 34, 37]), ("chars", [2, 6, 9, 31, 32, 35]), ("bytes", [5, 13, 18, 47, 48, 51])];
    for (unit, [ks, ke, qs, qe, bs, be]) in expect {
        let report = &lines(&run(&["scan", "--config", &config, "--offsets", unit, &file]))[0];
        assert_eq!(report["unit"], unit);
        let m = &report["mentions"][0];
        assert_eq!(
            (m["start"].as_u64(), m["end"].as_u64(), m["text"].as_str()),
            (Some(ks), Some(ke), Some("Київ")),
            "{unit}"
        );
        let q = &report["quotes"][0];
        assert_eq!((q["start"].as_u64(), q["end"].as_u64()), (Some(qs), Some(qe)), "{unit}");
        let s = &q["speaker"];
        assert_eq!(
            (s["start"].as_u64(), s["end"].as_u64(), s["actor"].as_str()),
            (Some(bs), Some(be), Some("bob")),
            "{unit}"
        );
    }
}

#[test]
fn one_report_line_per_file() {
    let dir = scratch("many");
    let config = write(&dir, "c.json", r#"{"actors":[{"id":"un","aliases":["United Nations"]}]}"#);
    let a = write(&dir, "a.txt", "The United Nations met.");
    let b = write(&dir, "b.txt", "Nobody here.");
    let reports = lines(&run(&["scan", "--config", &config, &a, &b]));
    assert_eq!(reports.iter().map(|r| r["file"].as_str().unwrap()).collect::<Vec<_>>(), [a.as_str(), b.as_str()]);
    assert_eq!(reports[0]["actors"][0]["count"], 1);
    assert_eq!(reports[1]["mentions"].as_array().unwrap().len(), 0);
}

#[test]
fn patterns_are_unicode_aware_in_four_scripts() {
    let fixture: Value = serde_json::from_str(include_str!("fixtures/unicode-patterns.json")).unwrap();
    let dir = scratch("patterns");
    let config = write(&dir, "c.json", &fixture["config"].to_string());
    let text = write(&dir, "t.txt", fixture["text"].as_str().unwrap());
    let reports = lines(&run(&["scan", "--config", &config, &text]));
    assert_eq!(reports[0]["mentions"], fixture["mentions"]);
}

#[test]
fn errors_are_one_line_with_status_2() {
    let dir = scratch("errors");
    let text = write(&dir, "a.txt", "text");
    let bad = write(&dir, "bad.json", r##"{"actors":[{"id":"x","aliases":["X"],"colour":"#fff"}]}"##);
    assert_eq!(
        error_line(&run(&["scan", "--config", &bad, &text])),
        format!(
            "article-highlighter: {bad}: actor \"x\": unknown field `colour`, expected one of `id`, `name`, `kind`, \
             `aliases`, `patterns`, `color`, `caseSensitive`, `notes`"
        )
    );
    let regex = write(&dir, "regex.json", r#"{"actors":[{"id":"x","aliases":["X"],"patterns":["(["]}]}"#);
    assert!(error_line(&run(&["scan", "--config", &regex, &text])).contains(r#"actor "x": field "patterns""#));
    let not_json = write(&dir, "nj.json", "{actors:");
    assert!(error_line(&run(&["scan", "--config", &not_json, &text])).contains("config is not valid JSON"));
    let good = write(&dir, "good.json", r#"{"actors":[{"id":"x","aliases":["X"]}]}"#);
    let missing = dir.join("missing.txt");
    assert!(error_line(&run(&["scan", "--config", &good, &text, missing.to_str().unwrap()])).contains("cannot read"));
    assert_eq!(
        usage_line(&run(&["scan", "--config", &good, "--offsets", "utf8", &text])),
        "error: invalid value 'utf8' for '--offsets <UNIT>': unknown offset unit \"utf8\" (use utf16, chars or bytes)"
    );
    let no_config = usage_error(&run(&["scan", &text]));
    assert!(no_config.starts_with("error: the following required arguments were not provided:\n  --config <CONFIG>"));
    assert_eq!(usage_line(&run(&["scan", "--config", &good])).as_str(), no_config.lines().next().unwrap());
    assert_eq!(usage_line(&run(&["frobnicate"])), "error: unrecognized subcommand 'frobnicate'");
}

#[test]
fn help_lists_the_commands_and_their_options() {
    let help = String::from_utf8(run(&["--help"]).stdout).unwrap();
    for command in ["scan", "render", "eval"] {
        assert!(help.lines().any(|l| l.trim_start().starts_with(command)), "{command} in {help}");
    }
    let scan = run(&["scan", "--help"]);
    assert!(scan.status.success());
    let scan = String::from_utf8(scan.stdout).unwrap();
    for option in ["--config <CONFIG>", "--root <SELECTOR>", "--offsets <UNIT>", "--format <FORMAT>", "<PATH>..."] {
        assert!(scan.contains(option), "{option} in {scan}");
    }
    let eval = String::from_utf8(run(&["eval", "--help"]).stdout).unwrap();
    assert!(eval.contains("--errors") && eval.contains("<DIR>"), "{eval}");
    // Without a command: the help, as a usage error.
    let bare = run(&[]);
    assert_eq!(bare.status.code(), Some(2));
    assert!(String::from_utf8(bare.stderr).unwrap().contains("Commands:"));
}

#[test]
fn version_is_the_crates() {
    let output = run(&["--version"]);
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!("article-highlighter {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn an_option_takes_its_value_after_an_equals_sign() {
    let dir = scratch("equals");
    let config = write(&dir, "c.json", r#"{"actors":[{"id":"un","aliases":["United Nations"]}]}"#);
    let text = write(&dir, "a.txt", "The United Nations met.");
    let report = &lines(&run(&["scan", &format!("--config={config}"), "--offsets=bytes", "--format=json", &text]))[0];
    assert_eq!((report["unit"].as_str(), report["actors"][0]["count"].as_u64()), (Some("bytes"), Some(1)));
    let page = write(&dir, "a.html", "<p>The United Nations met.</p><main><p>The United Nations left.</p></main>");
    let html =
        String::from_utf8(run(&["render", &format!("--config={config}"), "--root=main p", &page]).stdout).unwrap();
    assert_eq!(html.matches("<mark data-article-highlighter=\"mention\" data-actor=\"un\"").count(), 1, "{html}");
}

#[test]
fn paths_after_a_double_dash_are_paths_even_when_they_look_like_options() {
    let dir = scratch("dashes");
    write(&dir, "c.json", r#"{"actors":[{"id":"un","aliases":["United Nations"]}]}"#);
    write(&dir, "--a.txt", "The United Nations met.");
    let reports = lines(&run_in(&dir, &["scan", "--config", "c.json", "--", "--a.txt"]));
    assert_eq!((reports[0]["file"].as_str(), reports[0]["actors"][0]["count"].as_u64()), (Some("--a.txt"), Some(1)));
    // Without it, the file is taken for an option.
    assert_eq!(
        usage_line(&run_in(&dir, &["scan", "--config", "c.json", "--a.txt"])),
        "error: unexpected argument '--a.txt' found"
    );
}

#[test]
fn typos_get_a_suggestion() {
    let dir = scratch("typos");
    let config = write(&dir, "c.json", r#"{"actors":[{"id":"un","aliases":["United Nations"]}]}"#);
    let text = write(&dir, "a.txt", "The United Nations met.");
    let option = usage_error(&run(&["scan", "--confg", &config, &text]));
    assert!(option.starts_with("error: unexpected argument '--confg' found"), "{option}");
    assert!(option.contains("tip: a similar argument exists: '--config'"), "{option}");
    let command = usage_error(&run(&["scna", "--config", &config, &text]));
    assert!(command.starts_with("error: unrecognized subcommand 'scna'"), "{command}");
    assert!(command.contains("tip: a similar subcommand exists: 'scan'"), "{command}");
}

#[test]
fn a_repeated_config_is_an_error_not_the_last_one_winning() {
    let dir = scratch("repeated");
    let un = write(&dir, "un.json", r#"{"actors":[{"id":"un","aliases":["United Nations"]}]}"#);
    let eu = write(&dir, "eu.json", r#"{"actors":[{"id":"eu","aliases":["European Union"]}]}"#);
    let text = write(&dir, "a.txt", "The United Nations met.");
    let equals = format!("--config={un}");
    for args in [vec!["scan", "--config", &un, "--config", &eu, &text], vec!["scan", &equals, "--config", &eu, &text]] {
        assert_eq!(usage_line(&run(&args)), "error: the argument '--config <CONFIG>' cannot be used multiple times");
    }
    assert_eq!(
        usage_line(&run(&["render", "--config", &un, "--config", &un, &text])),
        "error: the argument '--config <CONFIG>' cannot be used multiple times"
    );
}

/// The seed article as a page, one paragraph a `<p>`, between a menu and a footer.
fn seed_page(text: &str) -> String {
    let escape = |line: &str| line.replace('&', "&amp;").replace('<', "&lt;");
    let paragraphs: String = text.lines().map(|line| format!("<p>{}</p>\n", escape(line))).collect();
    format!(
        "<!doctype html><title>Seed</title><nav><a href=/>Home</a> <a href=/world>World</a> <a href=/pakistan>Pakistan</a></nav>\n\
         <article>\n{paragraphs}</article>\n<footer>© Pakistan Times</footer>"
    )
}

#[test]
fn a_page_is_scanned_as_the_browser_reads_it() {
    let Some(seed) = common::seed("a_page_is_scanned_as_the_browser_reads_it") else { return };
    let dir = scratch("seed-page");
    let config = write(&dir, "actors.json", &seed.config.to_string());
    let page = write(&dir, "seed.html", &seed_page(&seed.text));
    let reports = lines(&run(&["scan", "--config", &config, &page]));
    // The article's paragraphs, parted by U+2029 (one UTF-16 unit, as the file's line breaks):
    // the gold offsets hold as they are, and the menu and footer are left out.
    common::assert_matches_gold(&reports[0], &seed.gold);
}

#[test]
fn folders_give_their_pages_and_text_files_still_count() {
    let dir = scratch("folders");
    let config = write(&dir, "c.json", r#"{"actors":[{"id":"un","aliases":["United Nations"]}]}"#);
    std::fs::create_dir_all(dir.join("site/2024")).unwrap();
    write(&dir, "site/index.html", "<p>The United Nations met.</p>");
    write(&dir, "site/2024/story.HTM", "<nav><a>United Nations</a></nav><p>Nobody here.</p>");
    write(&dir, "site/notes.txt", "The United Nations, again.");
    let text = write(&dir, "a.txt", "The United Nations.");
    let reports = lines(&run(&["scan", "--config", &config, dir.join("site").to_str().unwrap(), &text]));
    let files: Vec<&str> = reports.iter().map(|r| r["file"].as_str().unwrap()).collect();
    let site = dir.join("site");
    assert_eq!(
        files,
        [site.join("2024/story.HTM").to_str().unwrap(), site.join("index.html").to_str().unwrap(), text.as_str()]
    );
    let counts: Vec<u64> = reports.iter().map(|r| r["actors"][0]["count"].as_u64().unwrap()).collect();
    assert_eq!(counts, [0, 1, 1], "the menu is not the article");
}

#[test]
fn csv_has_a_row_per_mention_and_quote_and_no_progress_bar_when_piped() {
    let dir = scratch("csv");
    let config =
        write(&dir, "c.json", r#"{"actors":[{"id":"sadiq","name":"Sadiq, M.","kind":"person","aliases":["Sadiq"]}]}"#);
    let page = write(&dir, "a.html", "<p>“We will, we said,” Sadiq said.</p>");
    let output = run(&["scan", "--config", &config, "--format", "csv", &page]);
    assert!(output.status.success());
    assert!(output.stderr.is_empty(), "stderr is not a terminal: no progress bar");
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!(
            "file,type,actor_id,actor_or_speaker,text,start,end,kind,cue,rule,about\r\n\
             {page},mention,sadiq,\"Sadiq, M.\",Sadiq,20,25,,,,\r\n\
             {page},quote,sadiq,\"Sadiq, M.\",\"“We will, we said,”\",0,19,statement,Sadiq said,after,\r\n"
        )
    );
    assert_eq!(
        usage_line(&run(&["scan", "--config", &config, "--format", "xml", &page])),
        "error: invalid value 'xml' for '--format <FORMAT>': unknown format \"xml\" (use json, csv, who-about-whom or html)"
    );
}

#[test]
fn a_folder_gives_one_who_about_whom_table_as_csv_and_as_a_page() {
    let dir = scratch("who-about-whom");
    let config = write(
        &dir,
        "c.json",
        r#"{"actors":[{"id":"sadiq","name":"Muhammad Sadiq","kind":"person","aliases":["Sadiq"]},
                      {"id":"ttp","name":"TTP","kind":"group","aliases":["TTP"]}]}"#,
    );
    let site = dir.join("site");
    std::fs::create_dir_all(&site).unwrap();
    write(&site, "a.html", "<p>“The TTP is a danger,” Sadiq said.</p><p>“The TTP must go,” Jane Smith said.</p>");
    write(&site, "b.html", "<p>“Talk to the TTP,” Jane Smith said.</p>");
    let site = site.to_str().unwrap();
    let csv = run(&["scan", "--config", &config, "--format", "who-about-whom", site]);
    assert!(csv.status.success(), "stderr: {}", String::from_utf8_lossy(&csv.stderr));
    assert_eq!(String::from_utf8(csv.stdout).unwrap(), "speaker,TTP\r\nJane Smith,2\r\nMuhammad Sadiq,1\r\n");
    let html = run(&["scan", "--config", &config, "--format", "html", site]);
    assert!(html.status.success());
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\">"), "{html}");
    assert!(html.contains("3 statements of 2 named speakers about 1 actor in 2 files."), "{html}");
    assert!(html.contains(&format!("<q>“Talk to the TTP,”</q> <cite>{site}/b.html</cite>")), "{html}");
}

#[test]
fn render_writes_marks_a_sidebar_and_the_marker() {
    let dir = scratch("render");
    let config =
        write(&dir, "c.json", r#"{"actors":[{"id":"sadiq","name":"Sadiq <b>","kind":"person","aliases":["Sadiq"]}]}"#);
    let page =
        write(&dir, "a.html", "<!doctype html><title>T</title><main><p>Sadiq spoke.</p><p>Sadiq left.</p></main>");
    let output = run(&["render", "--config", &config, &page]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let html = String::from_utf8(output.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>T</title>"), "{html}");
    assert_eq!(html.matches("<mark data-article-highlighter=\"mention\" data-actor=\"sadiq\"").count(), 2);
    assert!(html.contains("<meta name=\"article-highlighter\" content=\"pre-rendered\">"));
    assert!(html.contains("<template shadowrootmode=\"open\">"));
    assert!(html.contains("Sadiq &lt;b&gt;") && !html.contains("Sadiq <b>"), "names are text, never markup");

    // With --root, only that element is read.
    let rooted =
        String::from_utf8(run(&["render", "--config", &config, "--root", "main > p + p", &page]).stdout).unwrap();
    assert_eq!(rooted.matches("<mark").count(), 1);

    let rendered = write(&dir, "rendered.html", &html);
    assert!(error_line(&run(&["render", "--config", &config, &rendered])).ends_with(
        "the page is already pre-rendered (it has <meta name=\"article-highlighter\" content=\"pre-rendered\">)"
    ));
    assert_eq!(
        error_line(&run(&["render", "--config", &config, "--root", "#nothing", &page])),
        format!("article-highlighter: {page}: no element matches the root selector \"#nothing\"")
    );
    assert!(usage_line(&run(&["render", "--config", &config, "--root", "p[", &page]))
        .starts_with("error: invalid value 'p[' for '--root <SELECTOR>': not a CSS selector"));
    assert_eq!(
        usage_line(&run(&["render", "--config", &config, &page, &page])),
        format!("error: unexpected argument '{page}' found")
    );
    assert_eq!(
        usage_line(&run(&["render", "--config", &config, "--format", "csv", &page])),
        "error: unexpected argument '--format' found"
    );
}

#[test]
fn a_table_is_a_config_by_its_extension_or_its_content() {
    let dir = scratch("tables");
    let text = write(&dir, "a.txt", "“We will talk,” Sadiq said in Kabul.");
    let csv = "\u{feff}name;kind;aliases\r\nMuhammad Sadiq;person;Sadiq|Muhammad Sadiq\r\nKabul;place;Kabul\r\n";
    let tsv = "id\taliases\nsadiq\tSadiq\nkabul\tKabul\n";
    let json = r#"  {"actors":[{"id":"sadiq","aliases":["Sadiq"]},{"id":"kabul","aliases":["Kabul"]}]}"#;
    for (name, list, ids) in [
        ("actors.csv", csv, ["muhammad-sadiq", "kabul"]),
        ("actors.TSV", tsv, ["sadiq", "kabul"]),
        ("actors.txt", tsv, ["sadiq", "kabul"]),
        ("actors", tsv, ["sadiq", "kabul"]),
        ("actors.list", json, ["sadiq", "kabul"]),
    ] {
        let config = write(&dir, name, list);
        let report = &lines(&run(&["scan", "--config", &config, &text]))[0];
        let actors: Vec<&str> =
            report["mentions"].as_array().unwrap().iter().map(|m| m["actor"].as_str().unwrap()).collect();
        assert_eq!(actors, ids, "{name}");
        assert_eq!(report["quotes"][0]["speaker"]["actor"], ids[0], "{name}");
    }
    let page = write(&dir, "a.html", "<p>Sadiq left Kabul.</p>");
    let config = write(&dir, "render.csv", csv);
    let html = String::from_utf8(run(&["render", "--config", &config, &page]).stdout).unwrap();
    assert_eq!(html.matches("<mark data-article-highlighter=\"mention\" data-actor=\"kabul\"").count(), 1, "{html}");
}

#[test]
fn a_bad_table_names_its_file_and_line() {
    let dir = scratch("bad-tables");
    let text = write(&dir, "a.txt", "text");
    let cases: [(&str, &[u8], &str); 6] = [
        (
            "kind.csv",
            b"id,name,kind,aliases\nx,X,person,X\n\ny,Y,persn,Y\n",
            ":4: field \"kind\": unknown variant `persn`, expected one of `person`, `organization`, `state`, `group`, `place`, `other`",
        ),
        ("count.csv", b"id,name,aliases\nx,X\n", ":2: 2 cells where the header has 3"),
        (
            "quote.csv",
            b"id,name,aliases\nx,\"X,X\ny,Y,Y\n",
            ":2: a quoted cell in this row is never closed: its quote runs to the end of the table",
        ),
        ("dup.csv", b"id,aliases\na,A\na,B\n", ":3: field \"id\": \"a\" is already used by another actor"),
        ("binary.csv", b"id,aliases\n\x89PNG\x00\x01", ":2: this is not a text table: it holds a NUL byte (a binary file?)"),
        ("empty", b"", ": the table is empty: it needs a header row such as id,name,kind,aliases,color,notes"),
    ];
    for (name, list, message) in cases {
        let path = dir.join(name);
        std::fs::write(&path, list).unwrap();
        let path = path.to_str().unwrap();
        assert_eq!(
            error_line(&run(&["scan", "--config", path, &text])),
            format!("article-highlighter: {path}{message}")
        );
    }
}

#[test]
fn config_converts_a_list_between_json_and_csv() {
    let dir = scratch("convert");
    let json = write(
        &dir,
        "l.json",
        r##"{"name":"Desk","actors":[{"id":"sadiq","name":"Muhammad \"Mo\" Sadiq","kind":"person","aliases":["Sadiq","Sadiq, M."],"notes":"envoy\nto Kabul"},{"id":"ttp","aliases":["TTP"],"color":"#123"}]}"##,
    );
    let output = run(&["config", "--to", "csv", &json]);
    assert!(output.status.success());
    let csv = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        csv,
        "\u{feff}id,name,kind,aliases,color,notes\r\nsadiq,\"Muhammad \"\"Mo\"\" Sadiq\",person,\"Sadiq|Sadiq, M.\",,\"envoy\nto Kabul\"\r\nttp,ttp,other,TTP,#123,\r\n"
    );
    let table = write(&dir, "l.csv", &csv);
    let output = run(&["config", "--to", "json", &table]);
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        r##"{
  "actors": [
    {
      "id": "sadiq",
      "name": "Muhammad \"Mo\" Sadiq",
      "kind": "person",
      "aliases": [
        "Sadiq",
        "Sadiq, M."
      ],
      "notes": "envoy\nto Kabul"
    },
    {
      "id": "ttp",
      "name": "ttp",
      "kind": "other",
      "aliases": [
        "TTP"
      ],
      "color": "#123"
    }
  ]
}
"##
    );
    let bar = write(&dir, "bar.json", r#"{"actors":[{"id":"x","aliases":["X|Y"]}]}"#);
    assert_eq!(
        error_line(&run(&["config", "--to", "csv", &bar])),
        format!("article-highlighter: {bar}: actor \"x\": field \"aliases\": \"X|Y\" cannot be written to a table: \"|\" separates a table's aliases")
    );
    assert_eq!(
        usage_line(&run(&["config", "--to", "xlsx", &bar])),
        "error: invalid value 'xlsx' for '--to <FORMAT>': unknown list format \"xlsx\" (use json or csv)"
    );
}

/// The starter lists shipped in www/lists.
fn starter_lists() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/lists");
    let mut lists: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    lists.sort();
    lists
}

#[test]
fn every_starter_list_is_a_valid_config_that_survives_a_table() {
    let lists = starter_lists();
    let names: Vec<_> = lists.iter().map(|p| p.file_name().unwrap().to_str().unwrap()).collect();
    assert_eq!(names, ["world-states-capitals.json", "world-states.json"]);
    let dir = scratch("starter");
    for list in &lists {
        let json = std::fs::read_to_string(list).unwrap();
        let document: Value = serde_json::from_str(&json).unwrap();
        assert!(document["notes"].as_str().unwrap().contains("Open Database License (ODbL) 1.0"));
        assert_eq!(document["actors"].as_array().unwrap().len(), 197);
        // Written as the CLI writes JSON, and read back from its CSV table unchanged (less the
        // list's name and notes, which a table has no place for).
        let csv = run(&["config", "--to", "csv", list.to_str().unwrap()]);
        assert!(csv.status.success(), "{}", String::from_utf8_lossy(&csv.stderr));
        let table = dir.join(list.with_extension("csv").file_name().unwrap());
        std::fs::write(&table, &csv.stdout).unwrap();
        let back: Value =
            serde_json::from_slice(&run(&["config", "--to", "json", table.to_str().unwrap()]).stdout).unwrap();
        assert_eq!(back["actors"], document["actors"], "{}", list.display());
    }
}

#[test]
fn the_states_list_finds_pakistan_and_afghanistan_in_the_seed_article() {
    let Some(shared) =
        common::shared("the_states_list_finds_pakistan_and_afghanistan_in_the_seed_article", &common::SEED[..1])
    else {
        return;
    };
    let list = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/lists/world-states.json");
    let article = shared.join(common::SEED[0]);
    let report = &lines(&run(&["scan", "--config", list.to_str().unwrap(), article.to_str().unwrap()]))[0];
    let found: Vec<(&str, u64)> = report["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), a["count"].as_u64().unwrap()))
        .filter(|(_, count)| *count > 0)
        .collect();
    assert_eq!(found, [("afg", 3), ("pak", 5), ("usa", 1)]);
}
