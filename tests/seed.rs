//! The article the product was designed around, scanned through the library API, must give
//! exactly the seed gold: 46 mentions and 4 quotes with their kinds, speakers and cues.

mod common;

use article_highlighter::{Config, Scanner, Unit};

#[test]
fn seed_article_matches_gold_exactly() {
    let Some(seed) = common::seed("seed_article_matches_gold_exactly") else { return };
    let config = Config::from_json(&seed.config.to_string()).expect("the gold actors are a valid config");
    let report = Scanner::new(config).unwrap().scan(&seed.text, Unit::Utf16);
    let report = serde_json::to_value(&report).unwrap();
    assert_eq!(report["mentions"].as_array().unwrap().len(), 46);
    common::assert_matches_gold(&report, &seed.gold);
    let counts: Vec<(&str, u64)> = report["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), a["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(counts.iter().map(|c| c.1).sum::<u64>(), 46);
    assert!(counts.iter().all(|c| c.1 > 0), "{counts:?}");
    let pronoun = &report["quotes"][0]["speaker"];
    assert_eq!((pronoun["text"].as_str(), pronoun["refers_to"]["text"].as_str()), (Some("he"), Some("Sadiq")));
}
