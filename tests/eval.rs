//! `article-highlighter eval` on PolNeAR's dev split (in `../shared/corpora/polnear`): the
//! floors hold, quote F1 ≥ 0.94 and speaker accuracy ≥ 0.90;
//! and `--errors`, there and on a corpus of one article made here, lists every miss in its
//! context.

mod common;

use std::process::Command;

/// The dev split's texts and annotations, in `../shared`.
const DEV: [&str; 2] = ["corpora/polnear/dev/text", "corpora/polnear/dev/attributions"];

/// Reads a figure such as `F1 0.931` from the eval output.
fn figure(output: &str, label: &str) -> f64 {
    let at = output.find(label).unwrap_or_else(|| panic!("{label:?} in {output}")) + label.len();
    output[at..]
        .split_whitespace()
        .next()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("a number after {label:?}"))
}

#[test]
fn dev_split_scores() {
    let Some(shared) = common::shared("dev_split_scores", &DEV) else { return };
    let dev = shared.join("corpora/polnear/dev");
    let out = Command::new(env!("CARGO_BIN_EXE_article-highlighter")).arg("eval").arg(&dev).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    println!("{text}");
    assert!(text.contains("(84 articles)"), "{text}");
    let f1 = figure(&text, "F1");
    let speaker = figure(&text, "speaker accuracy");
    assert!(f1 >= 0.94, "quote F1 {f1} is below the 0.94 floor\n{text}");
    assert!(speaker >= 0.90, "speaker accuracy {speaker} is below the 0.90 floor\n{text}");
}

/// The text `eval --errors` shows around a miss at `start..end` (in characters) of `article`: 80
/// characters either side, line breaks shown as ⏎.
fn context(article: &str, (start, end): (usize, usize)) -> String {
    let chars: Vec<char> = article.chars().collect();
    let window: String = chars[start.saturating_sub(80)..(end + 80).min(chars.len())].iter().collect();
    window.replace('\n', " ⏎ ")
}

#[test]
fn errors_list_each_miss_with_context() {
    let Some(shared) = common::shared("errors_list_each_miss_with_context", &DEV) else { return };
    let dev = shared.join("corpora/polnear/dev");
    let out =
        Command::new(env!("CARGO_BIN_EXE_article-highlighter")).args(["eval", "--errors"]).arg(&dev).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let counted: usize = text
        .lines()
        .skip_while(|l| *l != "by error kind")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().last()?.parse::<usize>().ok())
        .sum();
    // After its heading, each miss is a line `- [kind] article @start..end detail` and a line
    // with its context.
    let listed: Vec<&str> = text.lines().skip_while(|l| *l != "errors").skip(1).collect();
    assert!(!listed.is_empty() && listed.len() == 2 * counted, "{} lines for {counted} misses", listed.len());
    for pair in listed.chunks(2) {
        let [miss, shown] = pair else { unreachable!() };
        let (article, span) = miss
            .strip_prefix("- [")
            .and_then(|m| m.split_once("] "))
            .and_then(|(_, m)| m.split_once(" @"))
            .and_then(|(article, m)| {
                let (start, end) = m.split_whitespace().next()?.split_once("..")?;
                Some((article, (start.parse().ok()?, end.parse().ok()?)))
            })
            .unwrap_or_else(|| panic!("a miss, not {miss:?}"));
        let article = std::fs::read_to_string(dev.join("text").join(format!("{article}.txt"))).unwrap();
        assert_eq!(*shown, format!("    {}", context(&article, span)), "{miss}");
    }
}

/// Where `needle` is in `text`, in characters (the corpus's offsets).
fn chars_of(text: &str, needle: &str) -> (usize, usize) {
    let start = text[..text.find(needle).expect("the needle")].chars().count();
    (start, start + needle.chars().count())
}

/// Runs `eval --errors` on a corpus of one article, `a`, with the annotations `ann`, made in a
/// temporary folder named for `tag` and removed after.
fn eval_one(tag: &str, article: &str, ann: &str) -> String {
    let dir = std::env::temp_dir().join(format!("article-highlighter-{tag}-{}", std::process::id()));
    let write = |path: &str, text: &str| {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("text/a.txt", article);
    write("attributions/a_ann1.ann", ann);
    let out = Command::new(env!("CARGO_BIN_EXE_article-highlighter")).args(["eval", "--errors"]).arg(&dir).output();
    std::fs::remove_dir_all(&dir).unwrap();
    String::from_utf8(out.unwrap().stdout).unwrap()
}

/// The annotations of one attribution: its source, and its content in `pieces`.
fn one_attribution(source: (usize, usize), pieces: &[(usize, usize)]) -> String {
    let content = pieces.iter().map(|(start, end)| format!("{start} {end}")).collect::<Vec<_>>().join(";");
    format!(
        "T1\tSource {} {}\tx\nT2\tContent {content}\tx\nE1\tAttribution:T2 Content:T2 Source:T1\n",
        source.0, source.1
    )
}

#[test]
fn errors_show_a_miss_of_each_kind_in_its_context() {
    let article = "The minister visited the flooded valley on Monday and met the families who lost their homes.\n\
                   “We will rebuild every bridge by spring,” he said.\n\
                   Critics called the visit “a stunt” and asked for money instead.\n\
                   “Nobody asked us,” one farmer said, “and nobody will.”\n";
    // The gold: the minister said the first quote; the second is a quote with no source; the
    // farmer's words are not annotated.
    let (source, said, stunt) = (
        chars_of(article, "The minister"),
        chars_of(article, "“We will rebuild every bridge by spring,”"),
        chars_of(article, "“a stunt”"),
    );
    let ann = format!(
        "T1\tSource {} {}\tThe minister\nT2\tContent {} {}\tWe will\nT3\tContent {} {}\ta stunt\n\
         E1\tAttribution:T2 Content:T2 Source:T1\nE2\tAttribution:T3 Content:T3\n",
        source.0, source.1, said.0, said.1, stunt.0, stunt.1
    );
    let text = eval_one("eval", article, &ann);
    let errors = text.split_once("\nerrors\n").map(|(_, errors)| errors).unwrap_or_else(|| panic!("{text}"));
    assert_eq!(
        errors,
        "- [speaker wrong] a @93..134 predicted \"he\" by after, gold \"The minister\"\n    \
         visited the flooded valley on Monday and met the families who lost their homes. ⏎ \
         “We will rebuild every bridge by spring,” he said. ⏎ Critics called the visit “a stunt” and asked \
         for money instead. ⏎ “Nobod\n\
         - [false quote] a @208..226 by after\n    \
         ring,” he said. ⏎ Critics called the visit “a stunt” and asked for money instead. ⏎ \
         “Nobody asked us,” one farmer said, “and nobody will.” ⏎ \n\
         - [false quote] a @244..262 by before\n    \
         isit “a stunt” and asked for money instead. ⏎ “Nobody asked us,” one farmer said, \
         “and nobody will.” ⏎ \n\
         - [missed quote] a @169..178 found as a term\n    \
         es. ⏎ “We will rebuild every bridge by spring,” he said. ⏎ Critics called the visit “a stunt” \
         and asked for money instead. ⏎ “Nobody asked us,” one farmer said, “and nobody wi\n"
    );
    // The context the dev split's test expects is the one written out here.
    assert_eq!(context(article, said), errors.lines().nth(1).unwrap()[4..]);
}

#[test]
fn a_speaker_named_otherwise_is_the_same_person() {
    let article = "Senator Jane Smith toured the flooded valley on Monday.\n\
                   “We will rebuild every bridge by spring,” Smith said.\n\
                   John Brown, a farmer, was not convinced.\n\
                   “Nobody asked us,” Brown said.\n\
                   “It is too late,” Brown added.\n";
    // The gold names each speaker elsewhere than the report does: Jane Smith by her full name,
    // John Brown by the role the article ties to him; the last quote's gold speaker is Jane
    // Smith, whom "Brown" is not.
    let span = |needle| chars_of(article, needle);
    let (smith, farmer) = (span("Senator Jane Smith"), span("a farmer"));
    let quotes =
        [span("“We will rebuild every bridge by spring,”"), span("“Nobody asked us,”"), span("“It is too late,”")];
    let sources = [smith, farmer, smith];
    let mut ann = String::new();
    for (i, (quote, source)) in quotes.iter().zip(sources).enumerate() {
        let (s, c) = (2 * i + 1, 2 * i + 2);
        ann += &format!("T{s}\tSource {} {}\tx\nT{c}\tContent {} {}\tx\n", source.0, source.1, quote.0, quote.1);
        ann += &format!("E{}\tAttribution:T{c} Content:T{c} Source:T{s}\n", i + 1);
    }
    let text = eval_one("identity", article, &ann);
    assert!(text.contains("speaker accuracy 0.000 (0 of 3 "), "{text}");
    assert!(text.contains("speaker identity accuracy 0.667 (2 of 3: "), "{text}");
    assert!(text.contains("predicted \"Smith\" by after, gold \"Senator Jane Smith\" (the same person)\n"), "{text}");
    assert!(text.contains("predicted \"Brown\" by after, gold \"a farmer\" (the same person)\n"), "{text}");
    assert!(text.contains("predicted \"Brown\" by after, gold \"Senator Jane Smith\"\n"), "{text}");
}

#[test]
fn a_quote_annotated_sentence_by_sentence_is_whole() {
    let article = "The minister spoke in the valley.\n\
                   “We will rebuild every bridge. We will do it by spring,” she said, “and we will pay for it.”\n";
    let span = |needle| chars_of(article, needle);
    let (first, second, third) =
        (span("“We will rebuild every bridge."), span("We will do it by spring,”"), span("“and we will pay for it.”"));
    // Three pieces: the first two a space apart, as an annotator selecting sentence by sentence
    // leaves them, the third after the attribution that interrupts the quote.
    let text = eval_one("sentences", article, &one_attribution(span("she"), &[first, second, third]));
    assert!(
        text.contains("quotes: 2 gold pieces, 2 predicted (0 more inside paraphrases, not counted), 2 paired\n"),
        "{text}"
    );
    assert!(text.contains("speaker accuracy 1.000 (2 of 2 "), "{text}");
}

#[test]
fn words_after_the_attribution_are_no_quote_piece() {
    let article =
        "The debate turned to interrogation.\n“It’s fine,” Trump said of waterboarding. “Much tougher is fine.”\n";
    let span = |needle| chars_of(article, needle);
    let (first, topic, second) = (span("“It’s fine,”"), span("waterboarding"), span("“Much tougher is fine.”"));
    // The annotator carried the topic after "said of" into the span: a piece with no quote mark.
    let text = eval_one("topic", article, &one_attribution(span("Trump"), &[first, topic, second]));
    assert!(
        text.contains("quotes: 2 gold pieces, 2 predicted (0 more inside paraphrases, not counted), 2 paired\n"),
        "{text}"
    );
    assert!(!text.contains("[missed quote]"), "{text}");
}

#[test]
fn a_missing_corpus_is_a_clear_error() {
    let out =
        Command::new(env!("CARGO_BIN_EXE_article-highlighter")).args(["eval", "/nonexistent/corpus"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("article-highlighter: eval: cannot read /nonexistent/corpus/attributions"), "{err}");
}
