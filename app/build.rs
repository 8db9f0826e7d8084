//! Generates the `i18n` module from `locales/*.json` (French first, English second).
#[cfg(feature = "ui")]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
    use std::path::PathBuf;

    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR unset")?).join("i18n");
    // `interpolate_display` lets `td_string!` build sentences with values for API error bodies.
    let cfg = Config::new("fr")?
        .add_locale("en")?
        .parse_options(ParseOptions::new().interpolate_display(true));
    let infos = TranslationsInfos::parse(cfg)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;
    Ok(())
}

/// Without the UI there is nothing to translate: the domain builds alone.
#[cfg(not(feature = "ui"))]
fn main() {}
