//! The plural rules behind "1 livraison" / "3 livraisons": leptos_i18n asks a data provider
//! for ICU's rules of each language; this one serves them from `icu_plurals`' compiled-in
//! data (leptos_i18n's own compiled data pulls in formatters we do not use, at versions that do
//! not resolve with ours). Server side only: the island's sentences have no plurals.

use icu_locale::Locale;
use icu_plurals::{PluralRuleType, PluralRules, PluralRulesOptions};
use icu_provider::DataError;
use std::sync::Once;

struct CompiledPlurals;

impl leptos_i18n::custom_provider::IcuDataProvider for CompiledPlurals {
    fn try_new_plural_rules(
        &self,
        locale: &Locale,
        rule_type: PluralRuleType,
    ) -> Result<PluralRules, DataError> {
        PluralRules::try_new(
            locale.into(),
            PluralRulesOptions::default().with_type(rule_type),
        )
    }
}

/// Installs the provider (once per process; every later call is free).
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| leptos_i18n::custom_provider::set_icu_data_provider(CompiledPlurals));
}
