//! What was typed, as the terms a search matches: split at white space and folded. Knows
//! nothing of the index or of scoring.

use super::fold::fold;

/// The parsed query: folded (lower-cased) terms.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    terms: Vec<String>,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        Query {
            terms: text.split_whitespace().map(fold).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The folded terms, in the order typed.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// True when every result of `self` is also a result of `previous`: each earlier term is
    /// contained in the term at the same position (the query only grew).
    pub fn narrows(&self, previous: &Query) -> bool {
        !previous.is_empty()
            && previous.terms.len() <= self.terms.len()
            && previous
                .terms
                .iter()
                .zip(&self.terms)
                .all(|(p, t)| t.contains(p.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_growing_query_narrows_the_previous_one() {
        let go = Query::parse("go");
        assert!(Query::parse("gov").narrows(&go));
        assert!(Query::parse("gov x").narrows(&go));
        assert!(!Query::parse("g").narrows(&go));
        assert!(!Query::parse("x go").narrows(&go));
        assert!(!go.narrows(&Query::default()));
    }

    #[test]
    fn terms_are_split_at_white_space_and_folded() {
        let query = Query::parse("  Release\tÉTÉ\n  x ");
        assert_eq!(query.terms(), ["release", "été", "x"]);
        assert!(Query::parse(" \t ").is_empty());
    }
}
