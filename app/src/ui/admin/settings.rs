//! The AMAP's settings (admins): its name and town, its time zone, where and when it
//! distributes — what members read beside their next delivery.

use crate::api::amaps::{AmapView, amap, amap_path};
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::fields::Input;
use crate::ui::kit::{Echo, ErrorNotice, Form};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let slug = use_slug();
    let loaded = Resource::new(move || slug.get(), amap);
    view! {
        <Suspense fallback=|| ()>
            {move || loaded.get().map(|result| match result {
                Ok(amap) => view! { <Settings amap/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Settings(amap: AmapView) -> impl IntoView {
    let i18n = use_i18n();
    let here = Amap::new(amap.slug.clone()).settings();
    let form = "settings".to_owned();
    let echo = Echo::current();
    let errors = echo.errors(&form);
    let v = {
        let (echo, form) = (echo.clone(), form.clone());
        move |field: &str, current: String| echo.value(&form, field, current)
    };
    view! {
        <Title text=t_string!(i18n, settings.title)/>
        <main class="page narrow">
            <h1>{t!(i18n, settings.title)}</h1>
            <section class="card">
                <Form form=form.clone() action=amap_path(&amap.slug) here errors method="PUT" class="stack-form">
                    <Input form=form.clone() name="name" label=t_string!(i18n, settings.name).to_owned() errors value=v("name", amap.name.clone())/>
                    <Input form=form.clone() name="city" label=t_string!(i18n, settings.city).to_owned() errors value=v("city", amap.city.clone())/>
                    <Input form=form.clone() name="distribution_place" label=t_string!(i18n, settings.place).to_owned() errors
                        value=v("distribution_place", amap.distribution_place.clone())
                        hint=t_string!(i18n, settings.place_hint).to_owned()/>
                    <Input form=form.clone() name="distribution_hours" label=t_string!(i18n, settings.hours).to_owned() errors
                        value=v("distribution_hours", amap.distribution_hours.clone())
                        hint=t_string!(i18n, settings.hours_hint).to_owned()/>
                    <Input form=form.clone() name="time_zone" label=t_string!(i18n, settings.time_zone).to_owned() errors
                        value=v("time_zone", amap.time_zone.clone())
                        hint=t_string!(i18n, settings.time_zone_hint).to_owned()/>
                    <button type="submit" class="primary">{t!(i18n, settings.save)}</button>
                </Form>
            </section>
        </main>
    }
}
