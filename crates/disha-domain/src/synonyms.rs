//! Words people type that are not in a career's title (CA, MBBS, software, advocate …), and the careers they
//! mean. Kept as data in `catalog/synonyms.toml`, so editors extend it and the search engine reuses it.

use crate::{FieldErrors, Problem, Slug, TitlePrefix, title_words};
use serde::Deserialize;
use std::collections::HashSet;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    term: Vec<Term>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Term {
    words: Vec<String>,
    careers: Vec<String>,
}

/// One typed word, normalised like titles, and the careers it names.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    /// `title_words` of the word, without the leading space ("b tech").
    word: String,
    careers: Vec<Slug>,
}

/// The synonym table, parsed and checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synonyms(Vec<Entry>);

/// Typed text shorter than this matches a word only when it is the whole word, so "c" does not mean "CA".
const MIN_PREFIX: usize = 3;

impl Synonyms {
    /// Parses `synonyms.toml`. Each word must be 1–60 characters with a letter or digit, and appear once in the
    /// whole file; each term names 1–10 careers.
    ///
    /// # Errors
    /// Every problem, keyed by its place (`term[3].words[1]`).
    pub fn from_toml(text: &str) -> Result<Self, FieldErrors> {
        let file: File = toml::from_str(text).map_err(|e| {
            let mut errs = FieldErrors::default();
            errs.push("file", e.message().to_owned());
            errs
        })?;
        let mut e = FieldErrors::default();
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (i, term) in file.term.iter().enumerate() {
            let mut careers = Vec::new();
            if term.careers.is_empty() || term.careers.len() > 10 {
                e.push(format!("term[{i}].careers"), "must name 1 to 10 careers");
            }
            for (j, c) in term.careers.iter().enumerate() {
                match Slug::parse(c) {
                    Ok(s) => careers.push(s),
                    Err(p) => e.at(format!("term[{i}].careers[{j}]"), p),
                }
            }
            for (j, w) in term.words.iter().enumerate() {
                let n = w.chars().count();
                let word = title_words(w).trim_start().to_owned();
                if n > 60 || word.is_empty() {
                    e.at(format!("term[{i}].words[{j}]"), Problem::length(1, 60, n));
                } else if !seen.insert(word.clone()) {
                    e.push(
                        format!("term[{i}].words[{j}]"),
                        format!("{w:?} is listed twice"),
                    );
                } else {
                    out.push(Entry {
                        word,
                        careers: careers.clone(),
                    });
                }
            }
        }
        e.into_result(Self(out))
    }

    /// Every career the file names, for checking them against the catalog.
    #[must_use]
    pub fn careers(&self) -> HashSet<&Slug> {
        self.0.iter().flat_map(|e| &e.careers).collect()
    }

    /// The words that name a career, as the table spells them normalised ("b tech").
    #[must_use]
    pub fn words_for(&self, career: &Slug) -> Vec<&str> {
        self.0
            .iter()
            .filter(|e| e.careers.contains(career))
            .map(|e| e.word.as_str())
            .collect()
    }

    /// The careers the typed text names: those of every word it equals or, from three characters, starts.
    #[must_use]
    pub fn careers_for(&self, typed: &TitlePrefix) -> HashSet<&Slug> {
        let t = typed.as_str();
        self.0
            .iter()
            .filter(|e| e.word == t || (t.chars().count() >= MIN_PREFIX && e.word.starts_with(t)))
            .flat_map(|e| &e.careers)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> TitlePrefix {
        TitlePrefix::parse(s).ok().flatten().expect("prefix")
    }

    fn names(syn: &Synonyms, s: &str) -> Vec<String> {
        let mut v: Vec<String> = syn
            .careers_for(&typed(s))
            .into_iter()
            .map(|s| s.as_str().to_owned())
            .collect();
        v.sort();
        v
    }

    const SAMPLE: &str = r#"
[[term]]
words = ["CA", "chartered accountancy"]
careers = ["chartered-accountant"]

[[term]]
words = ["B.Tech", "nursing"]
careers = ["nurse", "civil-engineer"]
"#;

    #[test]
    fn a_word_or_the_start_of_one_names_its_careers() {
        let syn = Synonyms::from_toml(SAMPLE).expect("valid");
        assert_eq!(names(&syn, "ca"), ["chartered-accountant"]);
        assert_eq!(
            names(&syn, "CA"),
            ["chartered-accountant"],
            "case does not matter"
        );
        assert_eq!(
            names(&syn, "b-tech"),
            ["civil-engineer", "nurse"],
            "punctuation is a space"
        );
        assert_eq!(
            names(&syn, "nurs"),
            ["civil-engineer", "nurse"],
            "three letters start a word"
        );
        assert!(
            names(&syn, "c").is_empty(),
            "one letter is too short to start a word"
        );
        assert!(
            names(&syn, "char acc").is_empty(),
            "words are matched from their start only"
        );
        assert!(names(&syn, "cooking").is_empty());
    }

    #[test]
    fn a_repeated_word_or_a_bad_career_is_refused_by_place() {
        let bad = format!("{SAMPLE}\n[[term]]\nwords = [\"ca\"]\ncareers = [\"Not A Slug\"]\n");
        let errs = Synonyms::from_toml(&bad).expect_err("must fail");
        let fields: Vec<&str> = errs.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["term[2].careers[0]", "term[2].words[0]"]);
    }
}
