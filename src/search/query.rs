//! The reference answer: a planned query run through tantivy itself.
//!
//! `sangkien search` prints it, and the parity test holds the browser client to it.
//! The text clauses form a `BooleanQuery` of `Should(Boost(Term))`, so the score is
//! tantivy's BM25 summed over clauses. Filters are `Must` clauses that score 0: values
//! of one facet key are alternatives (OR), different keys all apply (AND). An empty
//! query with filters lists the filtered entries in ordinal order.

use std::collections::BTreeMap;

use tantivy::collector::TopDocs;
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use super::index::facet_term;
use super::plan::Clause;
use super::{Hit, SearchError, SearchIndex};

impl SearchIndex {
    /// The top `limit` entries for `text` (as typed: the last word is completed when the
    /// text ends inside it), restricted by `filters` (facet key, value id).
    pub fn query(&self, text: &str, filters: &[(String, String)], limit: usize) -> Result<Vec<Hit>, SearchError> {
        self.query_plan(&self.plan(text), filters, limit)
    }

    /// The top `limit` entries for already planned clauses.
    pub fn query_plan(
        &self,
        clauses: &[Clause],
        filters: &[(String, String)],
        limit: usize,
    ) -> Result<Vec<Hit>, SearchError> {
        if limit == 0 || self.docs.is_empty() || (clauses.is_empty() && filters.is_empty()) {
            return Ok(Vec::new());
        }
        let should: Vec<(Occur, Box<dyn Query>)> = clauses
            .iter()
            .map(|c| {
                let term = Term::from_field_text(self.fields[c.field], &c.term);
                let query = TermQuery::new(term, IndexRecordOption::WithFreqs);
                let boxed: Box<dyn Query> = Box::new(BoostQuery::new(Box::new(query), c.boost));
                (Occur::Should, boxed)
            })
            .collect();
        let text_query: Box<dyn Query> = if should.is_empty() {
            Box::new(ConstScoreQuery::new(Box::new(AllQuery), 0.0))
        } else {
            Box::new(BooleanQuery::new(should))
        };

        let mut by_key: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (key, value) in filters {
            if !self.facets.iter().any(|f| &f.key == key) {
                return Err(SearchError::UnknownFacet(key.clone()));
            }
            by_key.entry(key).or_default().push(value);
        }
        let query: Box<dyn Query> = if by_key.is_empty() {
            text_query
        } else {
            let mut must = vec![(Occur::Must, text_query)];
            for (key, values) in by_key {
                let any: Vec<(Occur, Box<dyn Query>)> = values
                    .into_iter()
                    .map(|v| {
                        let term = Term::from_field_text(self.facet_field, &facet_term(key, v));
                        let q: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                        (Occur::Should, q)
                    })
                    .collect();
                let filter = ConstScoreQuery::new(Box::new(BooleanQuery::new(any)), 0.0);
                must.push((Occur::Must, Box::new(filter)));
            }
            Box::new(BooleanQuery::new(must))
        };

        let searcher = self.reader.searcher();
        let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
        Ok(top
            .into_iter()
            .map(|(score, address)| {
                // DocId == ordinal (checked when the index was built).
                let doc = &self.docs[address.doc_id as usize];
                Hit { ord: address.doc_id, id: doc.id.clone(), score, title: doc.title.clone(), url: doc.url.clone() }
            })
            .collect())
    }
}

/// Parses a `--filter KEY=VALUE` argument.
pub fn parse_filter(arg: &str) -> Option<(String, String)> {
    let (key, value) = arg.split_once('=')?;
    let (key, value) = (key.trim(), value.trim());
    (!key.is_empty() && !value.is_empty()).then(|| (key.to_string(), value.to_string()))
}

/// What `sangkien search` prints: one line per hit, or a JSON array with `--json`.
pub fn format_hits(hits: &[Hit], json: bool) -> String {
    if json {
        let rows: Vec<_> = hits
            .iter()
            .enumerate()
            .map(|(i, h)| {
                serde_json::json!({"rank": i + 1, "id": h.id, "score": h.score, "title": h.title, "url": h.url})
            })
            .collect();
        return serde_json::to_string_pretty(&rows).expect("hits serialise") + "\n";
    }
    hits.iter()
        .enumerate()
        .map(|(i, h)| format!("{:>3}. {:>9.4}  {}  {}\n     {}\n", i + 1, h.score, h.id, h.title, h.url))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_and_output() {
        assert_eq!(parse_filter("tinh=cao-bang"), Some(("tinh".into(), "cao-bang".into())));
        assert_eq!(parse_filter("tinh="), None);
        let hit =
            Hit {
                ord: 0, id: "CB-2025-0001".into(), score: 1.5, title: "Số hoá".into(), url: "sang-kien/a/".into()
            };
        assert!(format_hits(std::slice::from_ref(&hit), false).contains("CB-2025-0001"));
        let json: serde_json::Value = serde_json::from_str(&format_hits(&[hit], true)).unwrap();
        assert_eq!(json[0]["rank"], 1);
    }
}
