//! One rota period (`/a/{slug}/permanences/{id}`): its rules in words, my share, the grid —
//! one card per date, one line per place with its role and who holds it, "Je m'inscris" on a
//! free place and "Je me retire" on mine while the server allows it — and the dates I cannot
//! do. Coordinators get their tools in the same page (`manage.rs`).

use super::manage;
use super::{
    full_name, no_period, owed_words, rule_words, share_words, use_period_id, window_words,
};
use crate::api::rota::{
    DutyDateView, PlaceView, RotaView, absence_box, absences_path, accept_path, leave_path,
    offer_path, rota, take_path,
};
use crate::domain::rota::WindowKind;
use crate::domain::{DutyPeriodId, DutyPlaceId};
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::format::{capitalized, long_date};
use crate::ui::kit::{Echo, ErrorNotice, FieldNotes, Form, date_span};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;
use std::sync::Arc;

#[component]
pub fn RotaPage() -> impl IntoView {
    let slug = use_slug();
    let period = use_period_id();
    let loaded = Resource::new(
        move || (slug.get(), period.get()),
        |(slug, period)| async move { rota(slug, period.ok_or_else(no_period)?).await },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || loaded.get().map(|result| match result {
                Ok(rota) => view! { <Rota rota slug=slug.get_untracked()/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

/// What every part of the page needs to build its forms.
#[derive(Clone, Debug)]
pub(super) struct Ctx {
    pub slug: String,
    pub period: DutyPeriodId,
    /// This page, where every form comes back.
    pub here: String,
    pub echo: Echo,
    /// Coordinators only: the participants and roles their place forms offer.
    pub manage: Option<Arc<manage::Lists>>,
}

#[component]
fn Rota(rota: RotaView, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let amap = Amap::new(slug.clone());
    let s = &rota.summary;
    let ctx = Ctx {
        slug: slug.clone(),
        period: s.id,
        here: amap.rota(s.id),
        echo: Echo::current(),
        manage: rota.may_manage.then(|| {
            Arc::new(manage::Lists {
                participants: rota.participants.clone(),
                roles: rota.roles.clone(),
            })
        }),
    };
    let dates = date_span(s.first_date, s.last_date);
    let window = window_words(locale, s.window, rota.window_until, rota.window_days);
    let over_quota = rota
        .over_quota
        .then(|| view! { <p>{t!(i18n, rota.over_quota_words)}</p> });
    let share = match s.me {
        Some(share) => view! {
            <p class="my-share" data-testid="my-share">
                <strong>{share_words(locale, share)}</strong>" · "{owed_words(locale, share)}
            </p>
        }
        .into_any(),
        None => view! { <p class="hint">{t!(i18n, rota.not_participant)}</p> }.into_any(),
    };
    let imposed = s.window == WindowKind::Imposed;
    let participant = s.me.is_some();
    let coordinator = rota.may_manage.then(|| {
        view! { <manage::Summary coverage=s.coverage suggestion=rota.suggestion proposed=rota.proposed ctx=ctx.clone()/> }
    });
    let empty = rota
        .dates
        .is_empty()
        .then(|| view! { <p class="empty">{t!(i18n, rota.no_dates)}</p> });
    let cards = rota
        .dates
        .iter()
        .cloned()
        .map(|date| {
            view! { <DateCard date ctx=ctx.clone() imposed/> }
        })
        .collect_view();
    let absences = (participant && !rota.dates.is_empty())
        .then(|| view! { <Absences dates=rota.dates.clone() ctx=ctx.clone()/> });
    let tools = rota
        .may_manage
        .then(|| view! { <manage::Tools rota=rota.clone() ctx=ctx.clone()/> });
    view! {
        <Title text=s.name.clone()/>
        <main class="page rota">
            <p><a href=amap.rotas()>{t!(i18n, rota.back)}</a></p>
            <h1>{s.name.clone()}</h1>
            {(!rota.description.is_empty()).then(|| view! { <p class="pre-line">{rota.description.clone()}</p> })}
            <div class="rota-terms">
                {(!dates.is_empty()).then(|| view! { <p>{dates.clone()}</p> })}
                <p>{window}</p>
                <p>{rule_words(locale, rota.rule)}</p>
                {over_quota}
            </div>
            <p class="rota-links no-print">
                <a href=amap.rota_planning(s.id)>{t!(i18n, rota.planning_link)}</a>
                {rota.may_manage.then(|| view! { " · "<a href=amap.rota_history(s.id)>{t!(i18n, rota.history_link)}</a> })}
            </p>
            {share}
            {coordinator}
            {empty}
            <div class="duty-grid">{cards}</div>
            {absences}
            {tools}
        </main>
    }
}

/// One date: its places, each with what I (or the coordinator) may do there.
#[component]
fn DateCard(date: DutyDateView, ctx: Ctx, imposed: bool) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let day = capitalized(&long_date(locale, date.day));
    let mut class = "card duty-date".to_owned();
    if date.unavailable {
        class.push_str(" unavailable");
    }
    if !date.open {
        class.push_str(" closed");
    }
    let unavailable = date.unavailable.then(
        || view! { <span class="badge unavailable-badge">{t!(i18n, rota.unavailable)}</span> },
    );
    let closed = (!date.open && !imposed)
        .then(|| view! { <span class="badge">{t!(i18n, rota.closed)}</span> });
    let places = date
        .places
        .iter()
        .cloned()
        .map(|place| {
            view! { <Place place day=day.clone() ctx=ctx.clone()/> }
        })
        .collect_view();
    let actions = ctx
        .manage
        .is_some()
        .then(|| view! { <manage::DateActions date=date.clone() ctx=ctx.clone()/> });
    let amap = Amap::new(ctx.slug.clone());
    let anyone_on_duty = date.places.iter().any(|p| p.holder.is_some());
    let write = (ctx.manage.is_some() && anyone_on_duty).then(|| {
        view! { " · "<a href=amap.write_to_duty(date.day)>{t!(i18n, rota.write_on_duty)}</a> }
    });
    let sheet = date.may_read_sheet.then(|| {
        let href = amap.sign_in_sheet(date.day, false);
        view! { <p class="sheet-link no-print"><a href=href data-testid="sign-in-link">{t!(i18n, rota.sign_in_link)}</a>{write}</p> }
    });
    view! {
        <article class=class data-testid="duty-date" data-day=date.day.to_string() id=format!("date-{}", date.id)>
            <h2>{day.clone()}</h2>
            {(date.unavailable || closed.is_some()).then(|| view! { <p class="date-marks">{unavailable}" "{closed}</p> })}
            <ul class="places">{places}</ul>
            {sheet}
            {actions}
        </article>
    }
}

/// What a member does with a place, each its own endpoint.
#[derive(Clone, Copy)]
enum Verb {
    Take,
    Accept,
    Offer,
    Withdraw,
    Leave,
}

/// One small form per thing I may do with a place, each coming back to the period's page.
fn place_button(
    ctx: &Ctx,
    place: DutyPlaceId,
    verb: Verb,
    label: &'static str,
    title: Option<&'static str>,
    spoken: String,
) -> impl IntoView + use<> {
    let (slug, period) = (&ctx.slug, ctx.period);
    let (action, method, class, testid) = match verb {
        Verb::Take => (take_path(slug, period, place), "", "primary", "take"),
        Verb::Accept => (accept_path(slug, period, place), "", "primary", "accept"),
        Verb::Offer => (offer_path(slug, period, place), "", "secondary", "offer"),
        Verb::Withdraw => (
            offer_path(slug, period, place),
            "DELETE",
            "secondary",
            "withdraw",
        ),
        Verb::Leave => (leave_path(slug, period, place), "", "secondary", "leave"),
    };
    let form = format!("{testid}-{place}");
    let errors = ctx.echo.errors(&form);
    view! {
        <Form form action here=ctx.here.clone() errors method class="place-action">
            <FieldNotes errors fields=&["place_id"]/>
            <button type="submit" class=class data-testid=testid title=title>
                {label}<span class="sr-only">{spoken}</span>
            </button>
        </Form>
    }
}

/// One place: role, holder or "Libre", the proposal (coordinators), and its button.
#[component]
fn Place(place: PlaceView, day: String, ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let holder = place.holder.as_ref().map(full_name);
    let mut class = "place".to_owned();
    if place.mine {
        class.push_str(" mine");
    }
    if place.holder.is_none() {
        class.push_str(" free");
    }
    let who = match &holder {
        Some(name) => {
            let you = place
                .mine
                .then(|| view! { " "<span class="badge mine-badge">{t!(i18n, rota.you)}</span> });
            view! { <span class="place-holder">{name.clone()}{you}</span> }.into_any()
        }
        None => view! { <span class="place-free">{t!(i18n, rota.free)}</span> }.into_any(),
    };
    let proposed = place.proposed.as_ref().map(|m| {
        let text = t_string!(i18n, rota.proposed, name = full_name(m)).to_string();
        view! { <span class="proposed" data-testid="proposed">{text}</span> }
    });
    let spoken = format!(" — {}, {day}", place.role_name);
    let button = |verb: Verb, label: &'static str, title: Option<&'static str>| {
        place_button(&ctx, place.id, verb, label, title, spoken.clone())
    };
    let take = (place.may_take && place.holder.is_none())
        .then(|| button(Verb::Take, t_string!(i18n, rota.take), None));
    let leave = (place.mine && place.may_leave)
        .then(|| button(Verb::Leave, t_string!(i18n, rota.leave), None));
    let offered = place.offered.then(|| {
        let text = if place.mine {
            t_string!(i18n, rota.offered_mine)
        } else {
            t_string!(i18n, rota.offered)
        };
        view! { <span class="badge offered-badge" data-testid="offered">{text}</span> }
    });
    let offer = (place.mine && place.may_offer).then(|| {
        button(
            Verb::Offer,
            t_string!(i18n, rota.offer),
            Some(t_string!(i18n, rota.offer_hint)),
        )
    });
    let withdraw = (place.mine && place.offered)
        .then(|| button(Verb::Withdraw, t_string!(i18n, rota.withdraw), None));
    let accept = place
        .may_accept
        .then(|| button(Verb::Accept, t_string!(i18n, rota.accept), None));
    let edit = ctx.manage.clone().map(|lists| {
        view! { <manage::PlaceEdit place=place.clone() lists ctx=ctx.clone()/> }
    });
    view! {
        <li class=class data-testid="place" data-holder=holder.clone() data-role=place.role_name.clone() data-offered=place.offered.then_some("true")>
            <div class="place-line">
                <span class="place-what">
                    <span class="place-role">{place.role_name.clone()}</span>
                    {who}
                    {offered}
                    {proposed}
                </span>
                {take}
                {accept}
                {offer}
                {withdraw}
                {leave}
            </div>
            {edit}
        </li>
    }
}

/// "Je ne peux pas ces jours-là": one box per date, ticked for those I cannot do.
#[component]
fn Absences(dates: Vec<DutyDateView>, ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let form = "absences".to_owned();
    let errors = ctx.echo.errors(&form);
    let boxes = dates
        .iter()
        .map(|d| {
            let name = absence_box(d.id);
            let id = format!("{form}-{name}");
            let checked = ctx.echo.checked(&form, &name, d.unavailable);
            view! {
                <li>
                    <input type="checkbox" id=id.clone() name=name value="on" checked=checked/>
                    <label for=id>{capitalized(&long_date(locale, d.day))}</label>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="absences" data-testid="absences">
            <h2 id="absences">{t!(i18n, rota.absences_title)}</h2>
            <p class="hint">{t!(i18n, rota.absences_hint)}</p>
            <Form form=form.clone() action=absences_path(&ctx.slug, ctx.period) here=ctx.here.clone() errors method="PUT">
                <FieldNotes errors fields=&["unavailable"]/>
                <ul class="plain absence-boxes">{boxes}</ul>
                <button type="submit" class="primary">{t!(i18n, rota.absences_save)}</button>
            </Form>
        </section>
    }
}
