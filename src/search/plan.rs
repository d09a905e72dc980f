//! Query planning: text → weighted term clauses. The browser client (`planQuery` in
//! `search.js`) follows these rules line by line; the parity test compares both plans.
//!
//! For each query token (at most [`MAX_QUERY_TOKENS`]):
//! * its exact form against title, meta, body (unless an exact stop syllable);
//! * its folded form against title_f, meta_f, body_f (unless a folded stop syllable);
//! * with the previous token, when only whitespace separates them, their bigram.
//!
//! Then abbreviations: a token whose folded form is a synonym key adds the clauses of
//! each expansion (planned the same way). Then search-as-you-type: when the text ends
//! inside a word of at least [`PREFIX_MIN_CHARS`] characters, the first
//! [`PREFIX_TAKE`] completions of it (most frequent first) add folded and bigram
//! clauses at [`PREFIX_BOOST`]. Clauses are deduplicated on (field, term), first kept.
//! Scores are the f32 sum of BM25 over the clauses (OR semantics, like tantivy's
//! `BooleanQuery` of `Should` clauses).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::analyzer::{self, Token};
use super::schema::{Kind, BIGRAM_FIELD, FIELDS, MAX_QUERY_TOKENS, PREFIX_BOOST, PREFIX_MIN_CHARS, PREFIX_TAKE};

/// What planning needs from the built index.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub stop_exact: BTreeSet<String>,
    pub stop_folded: BTreeSet<String>,
    /// Folded abbreviation → expansions (display text, analysed when planning).
    pub synonyms: BTreeMap<String, Vec<String>>,
    /// Two-letter folded prefix → completions (folded term, entries containing it),
    /// most frequent first, then by term.
    pub completions: BTreeMap<String, Vec<(String, u32)>>,
}

/// One `Should` clause: BM25 of `term` in field `field`, times `boost`.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub field: usize,
    pub term: String,
    pub boost: f32,
}

/// The two-letter key of a completion file.
pub fn prefix_key(folded: &str) -> Option<String> {
    let key: String = folded.chars().take(PREFIX_MIN_CHARS).collect();
    (key.chars().count() == PREFIX_MIN_CHARS).then_some(key)
}

struct Planner<'a> {
    lexicon: &'a Lexicon,
    clauses: Vec<Clause>,
    seen: HashSet<(usize, String)>,
}

impl Planner<'_> {
    fn push(&mut self, field: usize, term: &str, boost: f32) {
        if self.seen.insert((field, term.to_string())) {
            self.clauses.push(Clause { field, term: term.to_string(), boost });
        }
    }

    fn tokens(&mut self, tokens: &[Token], factor: f32) {
        for (i, token) in tokens.iter().enumerate() {
            for (field, spec) in FIELDS.iter().enumerate() {
                let boost = spec.boost * factor;
                match spec.kind {
                    Kind::Exact if !self.lexicon.stop_exact.contains(&token.exact) => {
                        self.push(field, &token.exact, boost)
                    }
                    Kind::Folded if !self.lexicon.stop_folded.contains(&token.folded) => {
                        self.push(field, &token.folded, boost)
                    }
                    Kind::Bigram if i > 0 && token.joined => {
                        let term = analyzer::bigram(&tokens[i - 1].folded, &token.folded);
                        self.push(field, &term, boost)
                    }
                    _ => {}
                }
            }
        }
    }
}

/// Plans a query as typed. `text` may be anything (NFD, punctuation, a thousand
/// characters); the result may be empty.
pub fn plan(text: &str, lexicon: &Lexicon) -> Vec<Clause> {
    let prepared = analyzer::prepare(text);
    let mut tokens = analyzer::analyze_prepared(&prepared);
    // Typing inside the last word: its end is the end of the text.
    let typing = tokens.last().is_some_and(|t| t.end == prepared.len());
    let typing = typing && tokens.len() <= MAX_QUERY_TOKENS;
    tokens.truncate(MAX_QUERY_TOKENS);

    let mut planner = Planner { lexicon, clauses: Vec::new(), seen: HashSet::new() };
    planner.tokens(&tokens, 1.0);

    for token in &tokens {
        if let Some(expansions) = lexicon.synonyms.get(&token.folded) {
            for expansion in expansions {
                planner.tokens(&analyzer::analyze(expansion), 1.0);
            }
        }
    }

    if let Some(last) = tokens.last().filter(|_| typing) {
        let completions = prefix_key(&last.folded)
            .and_then(|key| lexicon.completions.get(&key))
            .map(Vec::as_slice)
            .unwrap_or_default();
        let previous = (tokens.len() > 1 && last.joined).then(|| &tokens[tokens.len() - 2]);
        for (term, _) in completions
            .iter()
            .filter(|(term, _)| term.starts_with(&last.folded) && *term != last.folded)
            .take(PREFIX_TAKE)
        {
            for (field, spec) in FIELDS.iter().enumerate() {
                if spec.kind == Kind::Folded {
                    planner.push(field, term, spec.boost * PREFIX_BOOST);
                }
            }
            if let Some(prev) = previous {
                let boost = FIELDS[BIGRAM_FIELD].boost * PREFIX_BOOST;
                planner.push(BIGRAM_FIELD, &analyzer::bigram(&prev.folded, term), boost);
            }
        }
    }
    planner.clauses
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_exact_folded_and_bigrams() {
        let lexicon = Lexicon::default();
        let clauses = plan("một cửa ", &lexicon);
        let terms: Vec<(usize, &str)> = clauses.iter().map(|c| (c.field, c.term.as_str())).collect();
        assert!(terms.contains(&(0, "một")));
        assert!(terms.contains(&(5, "cua")));
        assert!(terms.contains(&(6, "mot_cua")));
        assert_eq!(clauses.len(), 13);
    }

    #[test]
    fn completes_the_last_word() {
        let mut lexicon = Lexicon::default();
        lexicon.completions.insert("ch".into(), vec![("chuyen".into(), 9), ("chinh".into(), 5), ("chu".into(), 3)]);
        let clauses = plan("doi chu", &lexicon);
        assert!(clauses.iter().any(|c| c.field == 6 && c.term == "doi_chuyen"));
        assert!(!clauses.iter().any(|c| c.term == "chinh"));
        assert!(plan("doi chu ", &lexicon).iter().all(|c| c.term != "chuyen"));
    }
}
