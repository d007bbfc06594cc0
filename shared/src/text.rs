//! Small text rules used by searches on both sides.

/// Lower case without accents, trimmed: what searches compare ("Élise Faure" → "elise faure").
pub fn fold(text: &str) -> String {
    text.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            'œ' => 'o',
            other => other,
        })
        .collect()
}

/// Percent-encodes a query value (unreserved characters kept).
pub fn encode(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_case_and_accents_only() {
        assert_eq!(fold("  Élise FAURE-Lemoîne "), "elise faure-lemoine");
        assert_eq!(fold("Saint-Étienne"), "saint-etienne");
        assert_eq!(fold("Ça"), "ca");
    }

    #[test]
    fn query_values_keep_only_unreserved_characters() {
        assert_eq!(
            super::encode("Saint-Étienne l'été"),
            "Saint-%C3%89tienne%20l%27%C3%A9t%C3%A9"
        );
    }
}
