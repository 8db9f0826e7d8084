//! A template's payment settings before the référent chose them (AmapJ's reminder): the
//! producer's first référent collects the cheques, made out to the producer's name.

/// Who collects the cheques: the chosen référent, else the producer's first.
pub fn collector<T: Copy>(chosen: Option<T>, referents: &[T]) -> Option<T> {
    chosen.or(referents.first().copied())
}

/// The payee ("ordre"): the stored one unless blank, else the producer's name.
pub fn payee<'a>(stored: Option<&'a str>, producer: &'a str) -> &'a str {
    stored.filter(|p| !p.trim().is_empty()).unwrap_or(producer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_referent_collects_for_the_producer_until_chosen() {
        assert_eq!(collector(None, &[7, 8]), Some(7));
        assert_eq!(collector(Some(8), &[7, 8]), Some(8));
        assert_eq!(collector::<i64>(None, &[]), None);
        assert_eq!(payee(Some("  "), "GAEC des Prés"), "GAEC des Prés");
        assert_eq!(payee(Some("M. Martin"), "GAEC des Prés"), "M. Martin");
        assert_eq!(payee(None, "GAEC des Prés"), "GAEC des Prés");
    }
}
