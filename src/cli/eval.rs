//! `article-highlighter eval DIR`: scores quote detection and speaker attribution against a
//! corpus in PolNeAR's layout (`text/*.txt`, `attributions/*.ann` in brat stand-off format).
//!
//! The score, as the project defines it:
//! - gold: every piece of every Content span whose text begins with a quote mark (direct quotes),
//!   pieces that only spaces separate taken as one (an annotator's sentence-by-sentence selection),
//!   and a piece that neither opens nor closes with a mark left to the paraphrases (the
//!   "waterboarding" of “It’s fine,” Trump said of waterboarding);
//! - predicted: every piece of every quote of kind `statement`;
//! - a gold piece pairs with at most one predicted piece covering at least half of it, and a
//!   predicted piece with at most one gold piece (largest overlaps first);
//! - a predicted piece wholly inside a Content span that is not a direct quote (a quoted fragment
//!   inside a paraphrase) counts neither as a hit nor as a false alarm;
//! - speaker accuracy: the share of paired pieces whose predicted speaker span overlaps the gold
//!   Source span of that attribution (pieces whose attribution has no Source are left out);
//! - speaker identity accuracy: the share of those pieces whose predicted speaker is the gold
//!   Source or the same actor or person as it, by the report's own coreference: the gold "he" of
//!   a quote is Jane Smith when the report's mentions, people or speakers put her there.
//!
//! Offsets in the corpus are Unicode code points, so the scan uses [`Unit::Chars`].

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use article_highlighter::report::{QuoteOut, SpeakerOut};
use article_highlighter::{Config, Report, Scanner, Unit};

/// A span in code points, end exclusive.
type Span = (usize, usize);

/// Why a corpus could not be read.
#[derive(Debug)]
pub enum EvalError {
    Read { path: PathBuf, error: std::io::Error },
    Empty { dir: PathBuf },
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::Read { path, error } => write!(f, "cannot read {}: {error}", path.display()),
            EvalError::Empty { dir } => {
                write!(f, "{} holds no annotated articles (expected text/*.txt and attributions/*.ann)", dir.display())
            }
        }
    }
}

/// One direct quote of the gold: its pieces and its speaker spans.
struct GoldQuote {
    pieces: Vec<Span>,
    sources: Vec<Span>,
}

struct Article {
    name: String,
    text: String,
    direct: Vec<GoldQuote>,
    /// Pieces of Content spans that are not direct quotes.
    indirect: Vec<Span>,
}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|error| EvalError::Read { path: path.into(), error })
}

/// The marks a quote in the corpus opens with (a Swedish or Danish one with ” or »).
const OPENING_MARKS: [char; 13] = ['"', '\'', '“', '‘', '«', '»', '„', '‚', '”', '「', '『', '‹', '›'];

/// The marks a quote in the corpus closes with.
const CLOSING_MARKS: [char; 11] = ['"', '\'', '”', '’', '»', '«', '“', '」', '』', '›', '‹'];

fn starts_with_quote_mark(s: &str) -> bool {
    s.starts_with(OPENING_MARKS)
}

/// Whether a piece of a direct quote is quoted words: it opens or closes with a mark (before any
/// punctuation after the mark). Annotators sometimes carry the words after the attribution into
/// the span (“It’s fine,” Trump said of waterboarding: "waterboarding"), which are no quote.
fn is_quoted(s: &str) -> bool {
    starts_with_quote_mark(s) || s.trim_end().trim_end_matches(['.', ',', ';', ':', '!', '?']).ends_with(CLOSING_MARKS)
}

/// Parses one brat `.ann` file: `T` lines (`T3\tContent 10 20;25 30\ttext`) and `E` lines
/// (`E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1`). Other lines are skipped.
fn parse_ann(ann: &str, text: &str) -> (Vec<GoldQuote>, Vec<Span>) {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: HashMap<&str, (&str, Vec<Span>)> = HashMap::new();
    let mut links: Vec<HashMap<&str, &str>> = Vec::new();
    for line in ann.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else { continue };
        if id.starts_with('T') {
            let Some((kind, ranges)) = body.split_once(' ') else { continue };
            let pieces: Option<Vec<Span>> = ranges
                .split(';')
                .map(|r| {
                    let (s, e) = r.trim().split_once(' ')?;
                    Some((s.parse().ok()?, e.parse().ok()?))
                })
                .collect();
            if let Some(pieces) = pieces.filter(|p| p.iter().all(|&(s, e)| s < e && e <= chars.len())) {
                spans.insert(id, (kind, join_spaced(pieces, &chars)));
            }
        } else if id.starts_with('E') {
            links.push(
                body.split_whitespace()
                    .filter_map(|kv| kv.split_once(':'))
                    .map(|(k, v)| (k.trim_end_matches(|c: char| c.is_ascii_digit()), v))
                    .collect(),
            );
        }
    }
    let (mut direct, mut indirect) = (Vec::new(), Vec::new());
    for link in links {
        let Some((_, pieces)) = link.get("Content").and_then(|id| spans.get(id)) else { continue };
        let first: String = chars[pieces[0].0..pieces[0].1].iter().collect();
        if starts_with_quote_mark(&first) {
            let sources = link.get("Source").and_then(|id| spans.get(id)).map(|(_, p)| p.clone()).unwrap_or_default();
            let (quoted, unquoted): (Vec<Span>, Vec<Span>) =
                pieces.iter().partition(|&&(s, e)| is_quoted(&chars[s..e].iter().collect::<String>()));
            indirect.extend(unquoted);
            direct.push(GoldQuote { pieces: quoted, sources });
        } else {
            indirect.extend(pieces.iter().copied());
        }
    }
    (direct, indirect)
}

/// Joins the pieces of one span that only spaces separate. A `;` stands, by the corpus's own
/// account, for a quote interrupted (by its attribution, or by a paragraph break), but annotators
/// sometimes selected a long quote sentence by sentence, which leaves it in pieces a space apart:
/// left so, a quote found whole would pair with its first sentence and miss all the others.
fn join_spaced(pieces: Vec<Span>, chars: &[char]) -> Vec<Span> {
    let mut joined: Vec<Span> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match joined.last_mut() {
            Some(last) if last.1 <= piece.0 && chars[last.1..piece.0].iter().all(|&c| c == ' ') => last.1 = piece.1,
            _ => joined.push(piece),
        }
    }
    joined
}

/// Reads the articles of `dir`, taking for each the first annotator's file in name order.
fn load(dir: &Path) -> Result<Vec<Article>, EvalError> {
    let listing = dir.join("attributions");
    let entries = std::fs::read_dir(&listing).map_err(|error| EvalError::Read { path: listing.clone(), error })?;
    let mut anns: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let mut articles: Vec<Article> = Vec::new();
    for ann in anns {
        let stem = ann.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let Some((name, _annotator)) = stem.rsplit_once('_') else { continue };
        if articles.last().is_some_and(|a| a.name == name) {
            continue;
        }
        let text = read(&dir.join("text").join(format!("{name}.txt")))?;
        let (direct, indirect) = parse_ann(&read(&ann)?, &text);
        articles.push(Article { name: name.to_owned(), text, direct, indirect });
    }
    if articles.is_empty() {
        return Err(EvalError::Empty { dir: dir.into() });
    }
    Ok(articles)
}

fn overlap(a: Span, b: Span) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Counts for one rule (or for all).
#[derive(Default)]
struct Tally {
    predicted: usize,
    paired: usize,
    with_source: usize,
    speaker_right: usize,
    identity_right: usize,
}

/// One mistake, for the breakdown and `--errors`.
struct Miss {
    kind: &'static str,
    article: usize,
    span: Span,
    detail: String,
}

#[derive(Default)]
struct Score {
    gold: usize,
    ignored: usize,
    all: Tally,
    by_rule: BTreeMap<&'static str, Tally>,
    misses: Vec<Miss>,
}

fn rule_name(q: &QuoteOut) -> &'static str {
    q.rule.unwrap_or("none")
}

/// The actor or person a speaker is, where the report says.
fn identity(speaker: &SpeakerOut) -> Option<&str> {
    speaker.actor.as_deref().or(speaker.person.as_deref())
}

/// Whom the report takes the words at `span` to name: the actors and people of the mentions and
/// speakers there. Ids are unique among a report's actors and people, so one id is one identity.
fn named_at(report: &Report, span: Span) -> impl Iterator<Item = &str> {
    let at = move |s: &article_highlighter::report::Span| overlap(span, (s.start, s.end)) > 0;
    let actors = report.mentions.iter().filter(move |m| at(&m.span)).map(|m| m.actor.as_str());
    let people = report.people.iter().filter(move |p| p.mentions.iter().any(at)).map(|p| p.id.as_str());
    let speakers = report.quotes.iter().filter_map(|q| q.speaker.as_ref()).filter(move |s| at(&s.span));
    actors.chain(people).chain(speakers.filter_map(identity))
}

fn score_article(index: usize, article: &Article, scanner: &Scanner, score: &mut Score) {
    let report = scanner.scan(&article.text, Unit::Chars);
    let statements: Vec<&QuoteOut> = report.quotes.iter().filter(|q| q.kind == "statement").collect();
    // Predicted pieces: (quote index, piece); gold pieces: (gold quote index, piece).
    let predicted: Vec<(usize, Span)> = statements
        .iter()
        .enumerate()
        .flat_map(|(i, q)| q.pieces.iter().map(move |p| (i, (p.start, p.end))))
        .filter(|(_, p)| !article.indirect.iter().any(|c| c.0 <= p.0 && p.1 <= c.1))
        .collect();
    let total_predicted: usize = statements.iter().map(|q| q.pieces.len()).sum();
    score.ignored += total_predicted - predicted.len();
    let gold: Vec<(usize, Span)> =
        article.direct.iter().enumerate().flat_map(|(i, g)| g.pieces.iter().map(move |&p| (i, p))).collect();
    score.gold += gold.len();

    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, &(_, g)) in gold.iter().enumerate() {
        for (pi, &(_, p)) in predicted.iter().enumerate() {
            let o = overlap(g, p);
            if o * 2 >= g.1 - g.0 && o > 0 {
                candidates.push((o, gi, pi));
            }
        }
    }
    candidates.sort_unstable_by(|a, b| b.cmp(a));
    let (mut gold_paired, mut pred_paired) = (vec![false; gold.len()], vec![false; predicted.len()]);
    for &(_, gi, pi) in &candidates {
        if gold_paired[gi] || pred_paired[pi] {
            continue;
        }
        gold_paired[gi] = true;
        pred_paired[pi] = true;
        let quote = statements[predicted[pi].0];
        let sources = &article.direct[gold[gi].0].sources;
        let tally = score.by_rule.entry(rule_name(quote)).or_default();
        tally.paired += 1;
        score.all.paired += 1;
        if sources.is_empty() {
            continue;
        }
        tally.with_source += 1;
        score.all.with_source += 1;
        let speaker = quote.speaker.as_ref().map(|s| (s.span.start, s.span.end));
        let span_right = speaker.is_some_and(|s| sources.iter().any(|&g| overlap(g, s) > 0));
        let who = quote.speaker.as_ref().and_then(identity);
        let same_one = who.is_some_and(|who| sources.iter().any(|&g| named_at(&report, g).any(|n| n == who)));
        if span_right || same_one {
            tally.identity_right += 1;
            score.all.identity_right += 1;
        }
        if span_right {
            tally.speaker_right += 1;
            score.all.speaker_right += 1;
        } else {
            let gold_source = sources.iter().map(|&s| slice(&article.text, s)).collect::<Vec<_>>().join(" … ");
            let (kind, detail) = match &quote.speaker {
                None => ("speaker missing", format!("gold speaker: {gold_source:?}")),
                Some(s) => {
                    let same = if same_one { " (the same person)" } else { "" };
                    (
                        "speaker wrong",
                        format!("predicted {:?} by {}, gold {gold_source:?}{same}", s.span.text, rule_name(quote)),
                    )
                }
            };
            score.misses.push(Miss { kind, article: index, span: predicted[pi].1, detail });
        }
    }
    for (i, &(qi, span)) in predicted.iter().enumerate() {
        score.by_rule.entry(rule_name(statements[qi])).or_default().predicted += 1;
        score.all.predicted += 1;
        if !pred_paired[i] {
            score.misses.push(Miss {
                kind: "false quote",
                article: index,
                span,
                detail: format!("by {}", rule_name(statements[qi])),
            });
        }
    }
    for (i, &(_, span)) in gold.iter().enumerate() {
        if !gold_paired[i] {
            let found = report.quotes.iter().find(|q| overlap((q.span.start, q.span.end), span) > 0);
            let detail = match found {
                Some(q) if q.kind != "statement" => format!("found as a {}", q.kind),
                Some(_) => "found, but not covering half of it".to_owned(),
                None => "no quote found".to_owned(),
            };
            score.misses.push(Miss { kind: "missed quote", article: index, span, detail });
        }
    }
}

fn slice(text: &str, (start, end): Span) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores the corpus in `dir` and prints the figures (and, with `errors`, every miss).
pub fn run(dir: &Path, errors: bool) -> Result<String, EvalError> {
    let articles = load(dir)?;
    let config = Config::from_json(r#"{"actors": []}"#).expect("an empty actor list is a valid config");
    let scanner = Scanner::new(config).expect("an empty actor list compiles");
    let mut score = Score::default();
    for (i, article) in articles.iter().enumerate() {
        score_article(i, article, &scanner, &mut score);
    }
    let mut out = String::new();
    let all = &score.all;
    let (p, r) = (ratio(all.paired, all.predicted), ratio(all.paired, score.gold));
    let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    out += &format!("corpus: {} ({} articles)\n", dir.display(), articles.len());
    out += &format!(
        "quotes: {} gold pieces, {} predicted ({} more inside paraphrases, not counted), {} paired\n",
        score.gold, all.predicted, score.ignored, all.paired
    );
    out += &format!("quote precision {p:.3}  recall {r:.3}  F1 {f1:.3}\n");
    out += &format!(
        "speaker accuracy {:.3} ({} of {} paired pieces whose gold attribution has a source)\n",
        ratio(all.speaker_right, all.with_source),
        all.speaker_right,
        all.with_source
    );
    out += &format!(
        "speaker identity accuracy {:.3} ({} of {}: the gold source, or the same actor or person)\n",
        ratio(all.identity_right, all.with_source),
        all.identity_right,
        all.with_source
    );
    out += "\nby rule            predicted   paired  precision  speaker  identity\n";
    for (rule, t) in &score.by_rule {
        out += &format!(
            "  {rule:<16} {:>9} {:>8} {:>10.3} {:>8.3} {:>9.3}\n",
            t.predicted,
            t.paired,
            ratio(t.paired, t.predicted),
            ratio(t.speaker_right, t.with_source),
            ratio(t.identity_right, t.with_source)
        );
    }
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &score.misses {
        *kinds.entry(m.kind).or_default() += 1;
    }
    out += "\nby error kind\n";
    for (kind, n) in &kinds {
        out += &format!("  {kind:<16} {n:>6}\n");
    }
    if errors {
        out += "\nerrors\n";
        for m in &score.misses {
            let article = &articles[m.article];
            let context = slice(&article.text, (m.span.0.saturating_sub(80), m.span.1 + 80)).replace('\n', " ⏎ ");
            let detail = if m.detail.is_empty() { String::new() } else { format!(" {}", m.detail) };
            out += &format!("- [{}] {} @{}..{}{detail}\n    {context}\n", m.kind, article.name, m.span.0, m.span.1);
        }
    }
    Ok(out)
}
