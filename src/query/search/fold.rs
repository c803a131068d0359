//! Folding text to lower case for matching, keeping every byte offset, so an offset found in
//! folded text is the offset in the original (a snippet is cut from the original text).

/// Lower case that keeps every byte offset: a character whose lower case has another UTF-8
/// length (rare: 'İ', 'ẞ', the Kelvin sign) is kept as it is. Runs of ASCII are copied and
/// lowered a slice at a time (the index folds every byte of the catalog).
pub(super) fn fold_into(out: &mut Vec<u8>, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = if rest.is_ascii() {
            rest.len()
        } else {
            rest.bytes()
                .position(|b| !b.is_ascii())
                .unwrap_or(rest.len())
        };
        let start = out.len();
        out.extend_from_slice(&rest.as_bytes()[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        if let Some(c) = rest.chars().next() {
            let mut lower = c.to_lowercase();
            let kept = match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            };
            out.extend_from_slice(kept.encode_utf8(&mut [0; 4]).as_bytes());
            rest = &rest[c.len_utf8()..];
        }
    }
}

/// `text` folded (see [`fold_into`]).
pub(super) fn fold(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    fold_into(&mut out, text);
    String::from_utf8(out).expect("folding keeps UTF-8")
}

/// Folding by its definition, a character at a time: lower case where that keeps the
/// character's byte length, else the character itself. Tests check the fast path against it.
#[cfg(test)]
pub(super) fn fold_chars(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_byte_offsets() {
        for text in ["ÄÖÜ straße İstanbul K", "日本語 ÉTÉ"] {
            assert_eq!(fold(text).len(), text.len());
        }
        assert_eq!(fold("ÉTÉ Abc"), "été abc");
    }

    #[test]
    fn folding_matches_the_char_by_char_definition() {
        for text in [
            "Plain ASCII Text",
            "Mixed – ÄÖÜ straße İstanbul K ok",
            "日本語 ÉTÉ Abc",
            "",
        ] {
            assert_eq!(fold(text), fold_chars(text), "{text}");
        }
    }
}
