//! The register's members: one card each, with their cheques as large tick boxes (all of
//! them in the one reception form, linked by `form=`), their balance, and their other actions
//! folded away. Cards carry `data-filter-item`, so the filter box finds a member as one types.

use super::Ctx;
use crate::api::payments::{ChequeView, Register, RegisterRow};
use crate::domain::payment::ChequeState;
use crate::domain::{Money, UserId};
use crate::i18n::{t_string, use_i18n};
use crate::ui::cheques::labels::state_label;
use crate::ui::kit::form::locale;
use crate::ui::kit::format::short_date;
use crate::ui::kit::{FieldNotes, Form, Input, day};
use leptos::prelude::*;

/// The reception form's name and id (its tick boxes sit in the members' cards).
pub(super) const RECEPTION_FORM: &str = "receive";

fn anchor(member: UserId) -> String {
    format!("member-{member}")
}

#[component]
pub(super) fn Members(ctx: Ctx, register: Register) -> impl IntoView {
    let may_settle = register.may_settle;
    let cards = register
        .rows
        .into_iter()
        .map(|row| view! { <MemberCard ctx=ctx.clone() row may_settle/> })
        .collect_view();
    view! { <div class="member-cards" id="member-cards">{cards}</div> }
}

#[component]
fn MemberCard(ctx: Ctx, row: RegisterRow, may_settle: bool) -> impl IntoView {
    let i18n = use_i18n();
    let name = row.member.name.clone();
    let id = anchor(row.member.id);
    let t = row.tally;
    let tally = t_string!(
        i18n,
        payments.member_tally,
        ordered = t.ordered.to_string(),
        credit = t.credit.to_string(),
        balance = row.balance.to_string()
    )
    .to_string();
    let gap = (row.schedule_gap != Money::ZERO).then(|| {
        t_string!(
            i18n,
            payments.gap_note,
            amount = row.schedule_gap.to_string()
        )
        .to_string()
    });
    let to_return = row
        .to_return
        .map(|a| t_string!(i18n, payments.to_return_note, amount = a.to_string()).to_string());
    let boxes = row
        .cheques
        .iter()
        .map(|c| cheque_box(c, &name))
        .collect_view();
    view! {
        <article class="card member-card" id=id data-member=name.clone() data-filter-item="">
            <h3>{name.clone()}</h3>
            <p class="muted">{tally}</p>
            {gap.map(|g| view! { <p class="field-error">{g}</p> })}
            {to_return.map(|r| view! { <p class="notice">{r}</p> })}
            <ul class="cheque-boxes">{boxes}</ul>
            <MemberActions ctx row may_settle/>
        </article>
    }
}

/// A cheque of the reception form: a large tick box while it is promised or received, its
/// state once remitted.
fn cheque_box(c: &ChequeView, member: &str) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let text = format!("{} · {}", short_date(locale(), c.date), c.amount);
    if c.state == ChequeState::Remitted {
        let state = state_label(locale(), c.state);
        return view! { <li class="remitted">{text}" — "{state}</li> }.into_any();
    }
    let id = format!("got-{}", c.id);
    let label = t_string!(
        i18n,
        payments.got,
        date = day(c.date),
        name = member.to_owned()
    )
    .to_string();
    view! {
        <li>
            <input type="hidden" name=format!("seen.{}", c.id) value="1" form=RECEPTION_FORM/>
            <input type="checkbox" id=id.clone() name=format!("got.{}", c.id) value="on" form=RECEPTION_FORM
                checked=c.state == ChequeState::Received aria-label=label/>
            <label for=id>{text}</label>
        </li>
    }
    .into_any()
}

/// One member's other actions, folded: all received, credit, carry-over, recomputation,
/// corrections of a cheque.
#[component]
fn MemberActions(
    ctx: Ctx,
    row: RegisterRow,
    /// Credit, carry-over and recomputation too (not for a producer's own account).
    may_settle: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let member = row.member.id;
    let sub = format!("subscriptions/{member}");
    let open: Vec<&ChequeView> = row
        .cheques
        .iter()
        .filter(|c| c.state != ChequeState::Remitted)
        .collect();
    let all_form = format!("all-{member}");
    let all = (!open.is_empty()).then(|| {
        let hidden = open
            .iter()
            .map(|c| view! { <input type="hidden" name=format!("got.{}", c.id) value="on"/> })
            .collect_view();
        let errors = ctx.echo.errors(&all_form);
        view! {
            <Form form=all_form.clone() action=ctx.api("cheques/receive") here=ctx.at(&anchor(member)) errors class="inline-block">
                {hidden}
                <button type="submit" class="secondary">{t_string!(i18n, payments.receive_all)}</button>
            </Form>
        }
    });
    let credit_form = format!("credit-{member}");
    let credit_errors = ctx.echo.errors(&credit_form);
    let credit_value = ctx
        .echo
        .value(&credit_form, "amount", row.tally.credit.as_input());
    let carry_form = format!("carry-{member}");
    let carry_errors = ctx.echo.errors(&carry_form);
    let recompute = (may_settle && row.schedule_gap != Money::ZERO).then(|| {
        let form = format!("recompute-{member}");
        let errors = ctx.echo.errors(&form);
        let proposal = if row.recomputed.is_empty() {
            t_string!(i18n, payments.recomputed_none).to_string()
        } else {
            let cheques = row
                .recomputed
                .iter()
                .map(|c| match c.state {
                    ChequeState::Promised => format!("{} — {}", day(c.date), c.amount),
                    kept => format!(
                        "{} — {} ({})",
                        day(c.date),
                        c.amount,
                        state_label(locale(), kept)
                    ),
                })
                .collect::<Vec<_>>()
                .join(" · ");
            t_string!(i18n, payments.recomputed, cheques = cheques).to_string()
        };
        view! {
            <p data-testid="recomputed">{proposal}</p>
            <Form form action=ctx.api(&format!("{sub}/recompute")) here=ctx.at(&anchor(member)) errors class="inline-block">
                <button type="submit" class="secondary">{t_string!(i18n, payments.recompute)}</button>
            </Form>
        }
    });
    let corrections = row
        .cheques
        .iter()
        .filter(|c| c.state != ChequeState::Remitted)
        .map(|c| view! { <ChequeCorrection ctx=ctx.clone() cheque=c.clone() member/> })
        .collect_view();
    view! {
        <details class="member-actions no-print">
            <summary>{t_string!(i18n, payments.other_actions)}</summary>
            {all}
            {recompute}
            {may_settle.then(|| view! {
                <Form form=credit_form.clone() action=ctx.api(&format!("{sub}/credit")) here=ctx.at(&anchor(member)) errors=credit_errors method="PUT" class="inline-form">
                    <Input form=credit_form.clone() name="amount" inputmode="decimal" label=t_string!(i18n, payments.credit_label).to_owned() errors=credit_errors value=credit_value.clone()/>
                    <button type="submit" class="secondary">{t_string!(i18n, payments.credit_save)}</button>
                </Form>
            })}
            {(may_settle && row.balance > Money::ZERO).then(|| view! {
                <Form form=carry_form.clone() action=ctx.api(&format!("{sub}/carry-over")) here=ctx.at(&anchor(member)) errors=carry_errors class="inline-block">
                    <FieldNotes errors=carry_errors fields=&["credit"]/>
                    <button type="submit" class="secondary">{t_string!(i18n, payments.carry_over)}</button>
                </Form>
            })}
            {corrections}
        </details>
    }
}

#[component]
fn ChequeCorrection(ctx: Ctx, cheque: ChequeView, member: UserId) -> impl IntoView {
    let i18n = use_i18n();
    let form = format!("cheque-{}", cheque.id);
    let errors = ctx.echo.errors(&form);
    let v = |field: &str, current: &str| ctx.echo.value(&form, field, current);
    let amount = v("amount", &cheque.amount.as_input());
    let (bank, number, drawer, comment) = (
        v("bank", &cheque.bank),
        v("number", &cheque.number),
        v("drawer", &cheque.drawer),
        v("comment", &cheque.comment),
    );
    let title = format!(
        "{} — {} · {}",
        t_string!(i18n, payments.edit_cheque),
        day(cheque.date),
        state_label(locale(), cheque.state)
    );
    view! {
        <details class="cheque-edit">
            <summary>{title}</summary>
            <Form form=form.clone() action=ctx.api(&format!("cheques/{}", cheque.id)) here=ctx.at(&anchor(member)) errors method="PATCH" class="stack-form">
                <Input form=form.clone() name="amount" inputmode="decimal" label=t_string!(i18n, payments.amount).to_owned() errors value=amount/>
                <Input form=form.clone() name="bank" label=t_string!(i18n, payments.bank).to_owned() errors value=bank/>
                <Input form=form.clone() name="number" label=t_string!(i18n, payments.number).to_owned() errors value=number/>
                <Input form=form.clone() name="drawer" label=t_string!(i18n, payments.drawer).to_owned() errors value=drawer/>
                <Input form=form.clone() name="comment" label=t_string!(i18n, payments.comment).to_owned() errors value=comment/>
                <button type="submit" class="secondary">{t_string!(i18n, payments.save_cheque)}</button>
            </Form>
        </details>
    }
}
