//! `/a/{slug}/gestion/contrats/{id}/cheques`: the treasurer's register of one template.
//! One reception form ticks cheques in (or back out); each member has "Tout reçu", the
//! credit, its carry-over, a recomputation when the order changed and per-cheque corrections;
//! each payment date shows who is missing or hands its cheques to the producer (a deposit
//! slip). Every form posts to the API and comes back here, with or without JavaScript.

use crate::api::payments::{
    ChequeView, PaymentDateView, Register, RegisterRow, cheques_path, register,
};
use crate::api::templates::template_path;
use crate::domain::payment::ChequeState;
use crate::domain::{Money, TemplateId};
use crate::i18n::{t_string, use_i18n};
use crate::ui::cheques::labels::state_label;
use crate::ui::kit::Downloads;
use crate::ui::kit::ErrorNotice;
use crate::ui::kit::form::locale;
use crate::ui::kit::print::PrintButton;
use crate::ui::kit::{Check, Echo, FieldNotes, Form, Input, day};
use crate::ui::manage::template::{not_found, use_template_id};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;

/// What every form of the page needs.
#[derive(Clone)]
struct Ctx {
    slug: String,
    id: TemplateId,
    here: String,
    echo: Echo,
}

impl Ctx {
    fn api(&self, rest: &str) -> String {
        format!("{}/{rest}", template_path(&self.slug, self.id))
    }
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let slug = use_slug();
    let id = use_template_id();
    let data = Resource::new(
        move || (slug.get(), id.get()),
        |(slug, id)| async move { register(slug, id.ok_or_else(not_found)?).await },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || data.get().zip(id.get()).map(|(loaded, id)| match loaded {
                Ok(register) => {
                    let slug = slug.get();
                    let ctx = Ctx {
                        here: Amap::new(slug.clone()).register(id),
                        slug,
                        id,
                        echo: Echo::current(),
                    };
                    view! { <RegisterView ctx register/> }.into_any()
                }
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn RegisterView(ctx: Ctx, register: Register) -> impl IntoView {
    let i18n = use_i18n();
    let s = &register.template;
    let title = t_string!(i18n, payments.register_title, name = s.name.clone()).to_string();
    // A producer handling its own cheques does not edit the template: back to its page.
    let pages = Amap::new(ctx.slug.clone());
    let back = if register.may_settle {
        let editor = pages.template(ctx.id);
        view! { <a href=editor>{t_string!(i18n, manage.back_to_template)}</a> }
    } else {
        let page = pages.producer(s.producer.id);
        view! { <a href=page>{s.producer.name.clone()}</a> }
    };
    let may_settle = register.may_settle;
    let audit = pages.audit(ctx.id);
    let api = cheques_path(&ctx.slug, ctx.id);
    let payee = t_string!(
        i18n,
        payments.payee,
        payee = register.settings.payee.clone()
    )
    .to_string();
    let next = register
        .next_to_remit
        .map(|d| t_string!(i18n, payments.next_to_remit, date = day(d)).to_string());
    let members = register
        .rows
        .iter()
        .map(|row| view! { <MemberActions ctx=ctx.clone() row=row.clone() may_settle/> })
        .collect_view();
    view! {
        <Title text=title.clone()/>
        <main class="page wide register">
            <p>{back}</p>
            <h1>{title}</h1>
            <p>{payee}</p>
            <nav class="actions">
                <a href=audit>{t_string!(i18n, payments.audit_link)}</a>
                <PrintButton/>
            </nav>
            <h2>{t_string!(i18n, payments.collection)}</h2>
            <Downloads api_path=format!("{api}/collection")/>
            <h2>{t_string!(i18n, payments.report)}</h2>
            <Downloads api_path=format!("{api}/report")/>
            {may_settle.then(|| recompute_all(&ctx, &register))}
            <ReceptionForm ctx=ctx.clone() register=register.clone()/>
            <section class="card">
                <h2>{t_string!(i18n, payments.dates_title)}</h2>
                {next.map(|n| view! { <p class="notice">{n}</p> })}
                <DatesTable ctx=ctx.clone() register=register.clone()/>
            </section>
            <section>{members}</section>
        </main>
    }
}

/// After a price change or cancelled dates: every unbalanced contract's promised cheques
/// recomputed in one go (each member's row still previews its own).
fn recompute_all(ctx: &Ctx, register: &Register) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let count = register
        .rows
        .iter()
        .filter(|r| r.schedule_gap != Money::ZERO)
        .count();
    (count > 0).then(|| {
        let form = "recompute-all".to_owned();
        let errors = ctx.echo.errors(&form);
        view! {
            <Form form action=ctx.api("cheques/recompute") here=ctx.here.clone() errors class="inline-block recompute-all">
                <FieldNotes errors fields=&[]/>
                <button type="submit" class="secondary">{t_string!(i18n, payments.recompute_all, count = count)}</button>
            </Form>
        }
    })
}

fn money(amount: Money) -> String {
    amount.to_string()
}

/// Every member's cheques as tick boxes, in one form.
#[component]
fn ReceptionForm(ctx: Ctx, register: Register) -> impl IntoView {
    let i18n = use_i18n();
    let form = "receive".to_owned();
    let errors = ctx.echo.errors(&form);
    let rows = register
        .rows
        .into_iter()
        .map(|row| {
            let name = row.member.name.clone();
            let boxes = row
                .cheques
                .iter()
                .map(|c| cheque_box(c, &name))
                .collect_view();
            let t = row.tally;
            let gap = (row.schedule_gap != Money::ZERO).then(|| {
                t_string!(i18n, payments.gap_note, amount = money(row.schedule_gap)).to_string()
            });
            let to_return = row
                .to_return
                .map(|a| t_string!(i18n, payments.to_return_note, amount = money(a)).to_string());
            view! {
                <tr data-member=name.clone()>
                    <th scope="row">{name.clone()}
                        {gap.map(|g| view! { <p class="field-error">{g}</p> })}
                        {to_return.map(|r| view! { <p class="notice">{r}</p> })}
                    </th>
                    <td class="num">{money(t.ordered)}</td>
                    <td class="num">{money(t.credit)}</td>
                    <td class="num">{t.promised.cheques}</td>
                    <td class="num">{t.received.cheques}</td>
                    <td class="num">{t.remitted.cheques}</td>
                    <td class="num">{money(row.balance)}</td>
                    <td><ul class="cheque-boxes">{boxes}</ul></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Form form action=ctx.api("cheques/receive") here=ctx.here.clone() errors class="reception">
            <div class="scroll">
                <table class="grid">
                    <thead><tr>
                        <th scope="col">{t_string!(i18n, payments.member)}</th>
                        <th scope="col">{t_string!(i18n, payments.ordered_col)}</th>
                        <th scope="col">{t_string!(i18n, payments.credit_col)}</th>
                        <th scope="col">{t_string!(i18n, payments.promised_col)}</th>
                        <th scope="col">{t_string!(i18n, payments.received_col)}</th>
                        <th scope="col">{t_string!(i18n, payments.remitted_col)}</th>
                        <th scope="col">{t_string!(i18n, payments.balance_col)}</th>
                        <th scope="col">{t_string!(i18n, payments.cheques_count)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                    <tfoot><tr>
                        <th scope="row">{t_string!(i18n, payments.total)}</th>
                        <td class="num">{money(register.totals.ordered)}</td>
                        <td class="num">{money(register.totals.credit)}</td>
                        <td class="num">{register.totals.promised.cheques}</td>
                        <td class="num">{register.totals.received.cheques}</td>
                        <td class="num">{register.totals.remitted.cheques}</td>
                        <td></td><td></td>
                    </tr></tfoot>
                </table>
            </div>
            <FieldNotes errors fields=&[]/>
            <button type="submit" class="primary">{t_string!(i18n, payments.receive_save)}</button>
        </Form>
    }
}

/// A cheque in the reception form: a tick box while it is promised or received, its state
/// once remitted.
fn cheque_box(c: &ChequeView, member: &str) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let text = format!("{} · {}", day(c.date), money(c.amount));
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
            <input type="hidden" name=format!("seen.{}", c.id) value="1"/>
            <input type="checkbox" id=id.clone() name=format!("got.{}", c.id) value="on"
                checked=c.state == ChequeState::Received aria-label=label/>
            <label for=id>{text}</label>
        </li>
    }
    .into_any()
}

#[component]
fn DatesTable(ctx: Ctx, register: Register) -> impl IntoView {
    let i18n = use_i18n();
    let rows = register
        .dates
        .into_iter()
        .map(|d| view! { <DateRow ctx=ctx.clone() date=d next=register.next_to_remit/> })
        .collect_view();
    view! {
        <div class="scroll">
            <table class="grid">
                <thead><tr>
                    <th scope="col">{t_string!(i18n, payments.date)}</th>
                    <th scope="col">{t_string!(i18n, payments.cheques_count)}</th>
                    <th scope="col">{t_string!(i18n, payments.amount)}</th>
                    <th scope="col">{t_string!(i18n, payments.received_count)}</th>
                    <th scope="col">{t_string!(i18n, payments.missing)}</th>
                    <th scope="col">{t_string!(i18n, payments.remit)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn DateRow(ctx: Ctx, date: PaymentDateView, next: Option<chrono::NaiveDate>) -> impl IntoView {
    let i18n = use_i18n();
    let action = match &date.remittance {
        Some(r) => {
            let href = Amap::new(ctx.slug.clone()).slip(ctx.id, r.id);
            view! {
                <a href=href>{t_string!(i18n, payments.slip_link)}</a>
                " · "{t_string!(i18n, payments.remitted_on, date = day(r.handed_on)).to_string()}
            }
            .into_any()
        }
        None if date.cheques == 0 => ().into_any(),
        None => {
            let form = format!("remit-{}", date.date);
            let errors = ctx.echo.errors(&form);
            let out_of_order = next.is_some_and(|n| n != date.date);
            let label = t_string!(i18n, payments.remit_of, date = day(date.date)).to_string();
            view! {
                <Form form=form.clone() action=ctx.api("remittances") here=ctx.here.clone() errors class="inline-form">
                    <input type="hidden" name="payment_date" value=date.date.to_string()/>
                    <Input form=form.clone() name="handed_on" kind="date" label=t_string!(i18n, payments.handed_on).to_owned() errors/>
                    {out_of_order.then(|| view! {
                        <Check form=form.clone() name="confirm" label=t_string!(i18n, payments.confirm_order).to_owned() checked=false/>
                    })}
                    <FieldNotes errors fields=&["payment_date"]/>
                    <button type="submit" class="secondary" aria-label=label>{t_string!(i18n, payments.remit)}</button>
                </Form>
            }
            .into_any()
        }
    };
    view! {
        <tr data-date=date.date.to_string()>
            <th scope="row">{day(date.date)}</th>
            <td class="num">{date.cheques}</td>
            <td class="num">{money(date.amount)}</td>
            <td class="num">{date.received}</td>
            <td>{date.missing.join(", ")}</td>
            <td>{action}</td>
        </tr>
    }
}

/// One member's other actions: all received, credit, carry-over, recomputation, corrections.
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
            <Form form=all_form.clone() action=ctx.api("cheques/receive") here=ctx.here.clone() errors class="inline-block">
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
                    ChequeState::Promised => format!("{} — {}", day(c.date), money(c.amount)),
                    kept => format!(
                        "{} — {} ({})",
                        day(c.date),
                        money(c.amount),
                        state_label(locale(), kept)
                    ),
                })
                .collect::<Vec<_>>()
                .join(" · ");
            t_string!(i18n, payments.recomputed, cheques = cheques).to_string()
        };
        view! {
            <p data-testid="recomputed">{proposal}</p>
            <Form form action=ctx.api(&format!("{sub}/recompute")) here=ctx.here.clone() errors class="inline-block">
                <button type="submit" class="secondary">{t_string!(i18n, payments.recompute)}</button>
            </Form>
        }
    });
    let corrections = row
        .cheques
        .iter()
        .filter(|c| c.state != ChequeState::Remitted)
        .map(|c| view! { <ChequeCorrection ctx=ctx.clone() cheque=c.clone()/> })
        .collect_view();
    view! {
        <details class="card member-actions" data-member=row.member.name.clone()>
            <summary>{row.member.name.clone()}</summary>
            {all}
            {recompute}
            {may_settle.then(|| view! {
                <Form form=credit_form.clone() action=ctx.api(&format!("{sub}/credit")) here=ctx.here.clone() errors=credit_errors method="PUT" class="inline-form">
                    <Input form=credit_form.clone() name="amount" inputmode="decimal" label=t_string!(i18n, payments.credit_label).to_owned() errors=credit_errors value=credit_value.clone()/>
                    <button type="submit" class="secondary">{t_string!(i18n, payments.credit_save)}</button>
                </Form>
            })}
            {(may_settle && row.balance > Money::ZERO).then(|| view! {
                <Form form=carry_form.clone() action=ctx.api(&format!("{sub}/carry-over")) here=ctx.here.clone() errors=carry_errors class="inline-block">
                    <FieldNotes errors=carry_errors fields=&["credit"]/>
                    <button type="submit" class="secondary">{t_string!(i18n, payments.carry_over)}</button>
                </Form>
            })}
            {corrections}
        </details>
    }
}

#[component]
fn ChequeCorrection(ctx: Ctx, cheque: ChequeView) -> impl IntoView {
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
            <Form form=form.clone() action=ctx.api(&format!("cheques/{}", cheque.id)) here=ctx.here.clone() errors method="PATCH" class="stack-form">
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
