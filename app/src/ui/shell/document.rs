//! The HTML document around every page, and the built files it refers to.
//!
//! `.ci/build-site` names every file after its content and writes `pkg/manifest.json`; the
//! server reads it at start and puts [`Assets`] in each page's context. A page holding an
//! island adds [`IslandScripts`]; every other page loads no JavaScript and no WebAssembly.

use super::super::App;
use leptos::config::LeptosOptions;
use leptos::prelude::*;
use leptos_meta::MetaTags;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The built files, by role.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Assets {
    /// The stylesheet's file name (`amapola.<hash>.css`).
    #[serde(default)]
    pub css: String,
    /// The islands' bundle, without extension: `<it>.js` and `<it>.wasm`.
    #[serde(default)]
    pub islands: String,
    /// Small static scripts by name (`print` → `print.<hash>.js`).
    #[serde(default)]
    pub scripts: BTreeMap<String, String>,
}

fn assets() -> Assets {
    use_context::<Assets>().unwrap_or_default()
}

/// The HTML document around the app (server side only).
pub fn shell(_options: LeptosOptions) -> impl IntoView {
    // Islands mode: outside islands nothing is hydrated, so nothing (resources, ids) is
    // serialised for the browser; each island turns hydration on for itself. Leptos's own
    // `HydrationScripts` does this in `<head>`, but only pages with islands render it.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let css = assets().css;
    let stylesheet =
        (!css.is_empty()).then(|| view! { <link rel="stylesheet" href=format!("/pkg/{css}")/> });
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                {stylesheet}
                <link rel="icon" href="data:,"/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Loads the islands' bundle and hydrates the islands of the page. Only pages that hold an
/// island render it, so the others download no WebAssembly at all; and nothing is preloaded
/// with a `<link>`, which a browser without JavaScript would still fetch. (Leptos's own
/// `HydrationScripts` does both; this is its islands loader without the preloads, for islands
/// that are not nested in one another.)
#[component]
pub fn IslandScripts() -> impl IntoView {
    let bundle = assets().islands;
    (!bundle.is_empty()).then(|| {
        let script = format!(
            "import init, * as islands from '/pkg/{bundle}.js';\n\
             await init({{ module_or_path: '/pkg/{bundle}.wasm' }});\n\
             islands.hydrate();\n\
             for (const island of document.querySelectorAll('leptos-island')) {{\n\
             const hydrate = islands[island.dataset.component];\n\
             if (hydrate) hydrate(island); else console.warn('no island', island.dataset.component);\n\
             }}"
        );
        view! { <script type="module">{script}</script> }
    })
}

/// One of the small static scripts (`style/js/<name>.js`), loaded as a module.
#[component]
pub fn Script(name: &'static str) -> impl IntoView {
    assets()
        .scripts
        .get(name)
        .cloned()
        .map(|file| view! { <script type="module" src=format!("/pkg/{file}")></script> })
}
