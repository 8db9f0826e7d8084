//! The coordinator's part of a period's page: where the period stands and the automatic
//! assignment (propose, publish, abandon), each place's holder and role, each date's sign-ups
//! erased or the date removed, a date added, the participants and their quotas, the rules and
//! the period's removal.

use super::grid::Ctx;
use super::new::{Rules, RulesFields};
use super::{coverage_words, full_name, sorted_name, suggestion_words};
use crate::api::rota::{
    DutyDateView, ParticipantView, PlaceView, RoleView, RotaView, clear_path, date_path,
    date_places_path, dates_path, participant_path, participants_path, place_path, proposal_path,
    publish_path, rota_path,
};
use crate::domain::rota::{Coverage, QuotaSuggestion};
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{FieldNotes, Form, Input, Select};
use crate::ui::paths::Amap;
use leptos::prelude::*;
use std::sync::Arc;

/// What the place forms offer: the participants (in French name order) and the roles.
#[derive(Clone, Debug)]
pub(super) struct Lists {
    pub participants: Vec<ParticipantView>,
    pub roles: Vec<RoleView>,
}

/// A select whose label only screen readers need (the place forms, one per place).
fn compact_select(
    id: String,
    name: &'static str,
    label: String,
    options: Vec<(String, String)>,
    selected: String,
) -> impl IntoView {
    let options = options
        .into_iter()
        .map(|(value, text)| {
            let chosen = value == selected;
            view! { <option value=value selected=chosen>{text}</option> }
        })
        .collect_view();
    view! {
        <span class="compact-field">
            <label class="sr-only" for=id.clone()>{label}</label>
            <select id=id name=name>{options}</select>
        </span>
    }
}

/// Where the period stands, and the automatic assignment's buttons.
#[component]
pub(super) fn Summary(
    coverage: Coverage,
    suggestion: QuotaSuggestion,
    proposed: u32,
    ctx: Ctx,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let propose = "propose".to_owned();
    let propose_errors = ctx.echo.errors(&propose);
    let pending = (proposed > 0).then(|| {
        let publish = "publish".to_owned();
        let publish_errors = ctx.echo.errors(&publish);
        let discard = "discard".to_owned();
        let discard_errors = ctx.echo.errors(&discard);
        view! {
            <p class="proposed" data-testid="proposed-count">{t_string!(i18n, rota.proposed_count, count = proposed).to_string()}</p>
            <p class="hint">{t!(i18n, rota.publish_hint)}</p>
            <div class="actions">
                <Form form=publish action=publish_path(&ctx.slug, ctx.period) here=ctx.here.clone() errors=publish_errors class="inline-form">
                    <FieldNotes errors=publish_errors fields=&["proposal"]/>
                    <button type="submit" class="primary" data-testid="publish">{t!(i18n, rota.publish)}</button>
                </Form>
                <Form form=discard action=proposal_path(&ctx.slug, ctx.period) here=ctx.here.clone() errors=discard_errors method="DELETE" class="inline-form">
                    <FieldNotes errors=discard_errors fields=&["proposal"]/>
                    <button type="submit" class="secondary" data-testid="discard">{t!(i18n, rota.discard)}</button>
                </Form>
            </div>
        }
    });
    view! {
        <section class="card coverage" aria-labelledby="coverage" data-testid="coverage">
            <h2 id="coverage">{t!(i18n, rota.coverage_title)}</h2>
            <ul class="plain">
                <li>{coverage_words(locale, coverage)}</li>
                <li>{t_string!(i18n, rota.participant_count, count = coverage.participants).to_string()}</li>
                <li>{t_string!(i18n, rota.asked_owed, asked = coverage.asked, owed = coverage.owed).to_string()}</li>
                <li>{suggestion_words(locale, suggestion)}</li>
            </ul>
            <h3>{t!(i18n, rota.proposal_title)}</h3>
            <p class="hint">{t!(i18n, rota.propose_hint)}</p>
            <Form form=propose action=proposal_path(&ctx.slug, ctx.period) here=ctx.here.clone() errors=propose_errors class="inline-form">
                <FieldNotes errors=propose_errors fields=&["proposal", "seed"]/>
                <button type="submit" class="secondary" data-testid="propose">{t!(i18n, rota.propose)}</button>
            </Form>
            {pending}
        </section>
    }
}

/// One place's holder (empty: free) and role, in one line.
#[component]
pub(super) fn PlaceEdit(place: PlaceView, lists: Arc<Lists>, ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let form = format!("place-{}", place.id);
    let errors = ctx.echo.errors(&form);
    let mut members: Vec<(String, String)> =
        vec![(String::new(), t_string!(i18n, rota.free_option).to_owned())];
    members.extend(
        lists
            .participants
            .iter()
            .map(|p| (p.member.id.to_string(), sorted_name(&p.member))),
    );
    // A holder who no longer takes part stays chosen, so saving the role keeps them.
    if let Some(holder) = &place.holder
        && !lists.participants.iter().any(|p| p.member.id == holder.id)
    {
        members.push((holder.id.to_string(), sorted_name(holder)));
    }
    let holder = place
        .holder
        .as_ref()
        .map(|h| h.id.to_string())
        .unwrap_or_default();
    let roles = lists
        .roles
        .iter()
        .map(|r| (r.id.to_string(), r.name.clone()))
        .collect();
    let member_select = compact_select(
        format!("{form}-member_id"),
        "member_id",
        t_string!(i18n, rota.holder).to_owned(),
        members,
        ctx.echo.value(&form, "member_id", holder),
    );
    let role_select = compact_select(
        format!("{form}-role_id"),
        "role_id",
        t_string!(i18n, rota.role).to_owned(),
        roles,
        ctx.echo.value(&form, "role_id", place.role.to_string()),
    );
    let spoken = format!(" — {}", place.role_name);
    // A free place can go (one fewer hand needed that day).
    let remove = place.holder.is_none().then(|| {
        let spoken = spoken.clone();
        let form = format!("remove-place-{}", place.id);
        let errors = ctx.echo.errors(&form);
        view! {
            <Form form action=place_path(&ctx.slug, ctx.period, place.id) here=ctx.here.clone() errors method="DELETE" class="inline-form place-remove">
                <FieldNotes errors fields=&["place_id"]/>
                <button type="submit" class="link" data-testid="remove-place">
                    {t!(i18n, rota.remove_place)}<span class="sr-only">{spoken}</span>
                </button>
            </Form>
        }
    });
    view! {
        <Form form=form.clone() action=place_path(&ctx.slug, ctx.period, place.id) here=ctx.here.clone() errors method="PUT" class="place-edit">
            <FieldNotes errors fields=&["member_id", "role_id", "place_id"]/>
            {member_select}
            {role_select}
            <button type="submit" class="secondary" data-testid="assign">
                {t!(i18n, rota.save_place)}<span class="sr-only">{spoken}</span>
            </button>
        </Form>
        {remove}
    }
}

/// A date's "Effacer les inscriptions" (when someone holds a place) and "Supprimer la date".
#[component]
pub(super) fn DateActions(date: DutyDateView, ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let clear = date.places.iter().any(|p| p.holder.is_some()).then(|| {
        let form = format!("clear-{}", date.id);
        let errors = ctx.echo.errors(&form);
        view! {
            <Form form action=clear_path(&ctx.slug, ctx.period, date.id) here=ctx.here.clone() errors class="inline-form">
                <FieldNotes errors fields=&["date"]/>
                <button type="submit" class="secondary" data-testid="clear">{t!(i18n, rota.clear)}</button>
            </Form>
        }
    });
    let add = ctx.manage.as_ref().map(|lists| {
        let form = format!("add-place-{}", date.id);
        let errors = ctx.echo.errors(&form);
        let roles = lists
            .roles
            .iter()
            .map(|r| (r.id.to_string(), r.name.clone()))
            .collect();
        let role = compact_select(
            format!("{form}-role_id"),
            "role_id",
            t_string!(i18n, rota.role).to_owned(),
            roles,
            ctx.echo.value(&form, "role_id", String::new()),
        );
        view! {
            <Form form action=date_places_path(&ctx.slug, ctx.period, date.id) here=ctx.here.clone() errors class="place-edit">
                <FieldNotes errors fields=&["role_id"]/>
                {role}
                <button type="submit" class="secondary" data-testid="add-place">{t!(i18n, rota.add_place)}</button>
            </Form>
        }
    });
    let form = format!("delete-date-{}", date.id);
    let errors = ctx.echo.errors(&form);
    view! {
        {add}
        <div class="actions date-actions">
            {clear}
            <Form form action=date_path(&ctx.slug, ctx.period, date.id) here=ctx.here.clone() errors method="DELETE" class="inline-form">
                <FieldNotes errors fields=&["date", "day"]/>
                <button type="submit" class="danger" data-testid="delete-date">{t!(i18n, rota.delete_date)}</button>
            </Form>
        </div>
    }
}

/// Below the grid: a date to add, the participants, the rules and the period's removal.
#[component]
pub(super) fn Tools(rota: RotaView, ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let s = &rota.summary;
    let echo = &ctx.echo;
    let add = "add-date".to_owned();
    let add_errors = echo.errors(&add);
    let places = rota
        .dates
        .last()
        .map_or(2, |d| d.places.len().max(1))
        .to_string();
    let rules = Rules {
        name: s.name.clone(),
        description: rota.description.clone(),
        rule: rota.rule,
        window: s.window,
        until: rota.window_until,
        days: rota.window_days,
        over_quota: rota.over_quota,
    };
    let edit = "rules".to_owned();
    let edit_errors = echo.errors(&edit);
    let remove = "delete-rota".to_owned();
    let remove_errors = echo.errors(&remove);
    let quota = rota.suggestion.high.unwrap_or(rota.suggestion.low);
    let day = echo.value(&add, "day", "");
    let places = echo.value(&add, "places", places);
    let deleted = Amap::new(ctx.slug.clone()).rotas();
    view! {
        <section class="card" aria-labelledby="add-date">
            <h2 id="add-date">{t!(i18n, rota.add_date_title)}</h2>
            <Form form=add.clone() action=dates_path(&ctx.slug, ctx.period) here=ctx.here.clone() errors=add_errors class="row-form">
                <Input form=add.clone() name="day" kind="date" label=t_string!(i18n, rota.day).to_owned() errors=add_errors value=day/>
                <Input form=add.clone() name="places" inputmode="numeric" label=t_string!(i18n, rota.places).to_owned() errors=add_errors value=places/>
                <button type="submit" class="secondary">{t!(i18n, rota.add_date)}</button>
            </Form>
        </section>
        <Participants participants=rota.participants.clone() others=rota.others.clone() quota ctx=ctx.clone()/>
        <details class="card" id="rules">
            <summary>{t!(i18n, rota.rules_title)}</summary>
            <Form form=edit.clone() action=rota_path(&ctx.slug, ctx.period) here=ctx.here.clone() errors=edit_errors method="PUT" class="stack-form">
                <RulesFields form=edit.clone() rules/>
                <button type="submit" class="primary">{t!(i18n, rota.save_rules)}</button>
            </Form>
            <p class="hint">{t!(i18n, rota.delete_hint)}</p>
            <Form form=remove action=rota_path(&ctx.slug, ctx.period) here=ctx.here.clone() next=deleted errors=remove_errors method="DELETE">
                <FieldNotes errors=remove_errors fields=&["period"]/>
                <button type="submit" class="danger" data-testid="delete-rota">{t!(i18n, rota.delete)}</button>
            </Form>
        </details>
    }
}

/// The participants with their quota (changed in place), what they hold and still owe, each
/// removable; and the form adding an active member who is not taking part yet.
#[component]
fn Participants(
    participants: Vec<ParticipantView>,
    others: Vec<crate::api::adhesions::MemberRef>,
    quota: u32,
    ctx: Ctx,
) -> impl IntoView {
    let i18n = use_i18n();
    let echo = &ctx.echo;
    let empty = participants
        .is_empty()
        .then(|| view! { <p class="empty">{t!(i18n, rota.participants_none)}</p> });
    let rows = participants
        .iter()
        .map(|p| {
            let (member, held, owed) = (p.member.id, p.held, p.owed);
            let name = full_name(&p.member);
            let label = t_string!(i18n, rota.quota_of, name = name.clone()).to_string();
            let spoken = format!(" — {name}");
            let form = format!("quota-{member}");
            let errors = echo.errors(&form);
            let input = format!("{form}-quota");
            let remove = format!("remove-{member}");
            let remove_errors = echo.errors(&remove);
            let value = echo.value(&form, "quota", p.quota.to_string());
            let (slug, period, here) = (ctx.slug.clone(), ctx.period, ctx.here.clone());
            view! {
                <tr data-testid="participant" data-member=name.clone()>
                    <td data-label=t_string!(i18n, rota.member)>{name.clone()}</td>
                    <td data-label=t_string!(i18n, rota.quota)>
                        <Form form=form.clone() action=participants_path(&slug, period) here=here.clone() errors class="inline-form">
                            <input type="hidden" name="member_id" value=member.to_string()/>
                            <label class="sr-only" for=input.clone()>{label}</label>
                            <input class="quota" id=input name="quota" inputmode="numeric" value=value/>
                            <button type="submit" class="secondary">{t!(i18n, rota.save_quota)}</button>
                            <FieldNotes errors fields=&["quota", "member_id"]/>
                        </Form>
                    </td>
                    <td data-label=t_string!(i18n, rota.held) class="num">{held}</td>
                    <td data-label=t_string!(i18n, rota.owed_column) class="num">{owed}</td>
                    <td>
                        <Form form=remove action=participant_path(&slug, period, member) here errors=remove_errors method="DELETE" class="inline-form">
                            <FieldNotes errors=remove_errors fields=&["member_id"]/>
                            <button type="submit" class="secondary">
                                {t!(i18n, rota.remove_participant)}<span class="sr-only">{spoken}</span>
                            </button>
                        </Form>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let table = (!participants.is_empty()).then(|| {
        view! {
            <table class="members participants" data-testid="participants">
                <thead><tr>
                    <th scope="col">{t!(i18n, rota.member)}</th>
                    <th scope="col">{t!(i18n, rota.quota)}</th>
                    <th scope="col">{t!(i18n, rota.held)}</th>
                    <th scope="col">{t!(i18n, rota.owed_column)}</th>
                    <th scope="col"><span class="sr-only">{t!(i18n, rota.remove_participant)}</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    });
    let add = (!others.is_empty()).then(|| {
        let form = "add-participant".to_owned();
        let errors = echo.errors(&form);
        let options = std::iter::once((
            String::new(),
            t_string!(i18n, rota.choose_member).to_owned(),
        ))
        .chain(others.iter().map(|m| (m.id.to_string(), sorted_name(m))))
        .collect();
        let chosen = echo.value(&form, "member_id", "");
        let quota = echo.value(&form, "quota", quota.to_string());
        view! {
            <h3>{t!(i18n, rota.add_participant_title)}</h3>
            <Form form=form.clone() action=participants_path(&ctx.slug, ctx.period) here=ctx.here.clone() errors class="row-form">
                <Select form=form.clone() name="member_id" label=t_string!(i18n, rota.member).to_owned() errors options
                    selected=chosen/>
                <Input form=form.clone() name="quota" inputmode="numeric" label=t_string!(i18n, rota.quota).to_owned() errors
                    value=quota/>
                <button type="submit" class="secondary">{t!(i18n, rota.add_participant)}</button>
            </Form>
        }
    });
    view! {
        <section class="card" aria-labelledby="participants">
            <h2 id="participants">{t!(i18n, rota.participants_title)}</h2>
            {empty}
            {table}
            {add}
        </section>
    }
}
