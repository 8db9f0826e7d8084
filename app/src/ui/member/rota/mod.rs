//! "Permanences", the distribution duty rota: my next duties (give one back while the window
//! allows), what I still owe per period, every period with its coverage; for coordinators the
//! form of a new period and the AMAP's roles (`new.rs`). One period's grid is `grid.rs`, its
//! coordinator's part `manage.rs`.

mod grid;
mod history;
mod manage;
mod new;
mod planning;

pub use grid::RotaPage;
pub use history::HistoryPage;
pub use planning::PlanningPage;

use crate::api::ApiError;
use crate::api::adhesions::MemberRef;
use crate::api::home::member_home;
use crate::api::rota::{
    MyDutiesView, MyDuty, MyRota, MyShare, OpenOffer, RoleView, RotaSummary, accept_path,
    leave_path, my_duties, offer_path, roles, rotas,
};
use crate::domain::rota::{Coverage, QuotaSuggestion, SignUpRule, WindowKind};
use crate::domain::{DutyPeriodId, PeriodId, TemplateId};
use crate::i18n::{Locale, t, t_string, td_string, use_i18n};
use crate::ui::kit::format::{capitalized, long_date, short_date};
use crate::ui::kit::{Echo, ErrorNotice, FieldNotes, Form, date_span};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

/// The period of the page's address (`…/permanences/{period_id}…`).
pub(super) fn use_period_id() -> Memo<Option<DutyPeriodId>> {
    let params = leptos_router::hooks::use_params_map();
    Memo::new(move |_| {
        params.with(|p| {
            p.get_str("period_id")
                .and_then(|id| id.parse::<i64>().ok())
                .map(DutyPeriodId)
        })
    })
}

/// What a page answers for an address whose period is not a number.
pub(super) fn no_period() -> ApiError {
    ApiError::new(crate::api::ErrorKind::NotFound, "no such rota period")
}

/// "Marie Dubois": a member as the grid shows them.
pub fn full_name(member: &MemberRef) -> String {
    format!("{} {}", member.first_name, member.last_name)
}

/// "Dubois Marie": a member in a list sorted by last name (the selects).
pub fn sorted_name(member: &MemberRef) -> String {
    format!("{} {}", member.last_name, member.first_name)
}

/// When members sign up, in words: until a date, up to N days before each duty, or never
/// (the coordinator assigns the duties).
pub fn window_words(
    locale: Locale,
    kind: WindowKind,
    until: Option<NaiveDate>,
    days: Option<u32>,
) -> String {
    match (kind, until, days) {
        (WindowKind::Until, Some(until), _) => {
            td_string!(locale, rota.window_until, date = short_date(locale, until)).to_string()
        }
        (WindowKind::DaysBefore, _, Some(0)) => td_string!(locale, rota.window_eve).to_owned(),
        (WindowKind::DaysBefore, _, Some(days)) => {
            td_string!(locale, rota.window_days, count = days).to_string()
        }
        (WindowKind::Imposed, _, _) => td_string!(locale, rota.window_imposed).to_owned(),
        // A window without its part: say who decides rather than nothing.
        _ => td_string!(locale, rota.window_unknown).to_owned(),
    }
}

/// The sign-up rule in words ("Une permanence par personne et par date.").
pub fn rule_words(locale: Locale, rule: SignUpRule) -> &'static str {
    match rule {
        SignUpRule::OnePerDate => td_string!(locale, rota.rule_one_per_date_words),
        SignUpRule::OnePerRole => td_string!(locale, rota.rule_one_per_role_words),
        SignUpRule::Any => td_string!(locale, rota.rule_any_words),
    }
}

/// "Vous avez pris 1 permanence sur 2".
pub fn share_words(locale: Locale, share: MyShare) -> String {
    td_string!(locale, rota.share, count = share.held, quota = share.quota).to_string()
}

/// "Il vous reste 2 permanences à prendre", or that none is left.
pub fn owed_words(locale: Locale, share: MyShare) -> String {
    match share.owed {
        0 => td_string!(locale, rota.owed_none).to_owned(),
        owed => td_string!(locale, rota.owed, count = owed).to_string(),
    }
}

/// "12 places sur 30 pourvues".
pub fn coverage_words(locale: Locale, coverage: Coverage) -> String {
    td_string!(
        locale,
        rota.coverage,
        count = coverage.filled,
        places = coverage.places
    )
    .to_string()
}

/// "Suggestion : 2 ou 3 permanences par personne".
pub fn suggestion_words(locale: Locale, suggestion: QuotaSuggestion) -> String {
    match suggestion.high {
        Some(high) => td_string!(
            locale,
            rota.suggestion_two,
            low = suggestion.low,
            count = high
        )
        .to_string(),
        None => td_string!(locale, rota.suggestion, count = suggestion.low).to_string(),
    }
}

/// Everything the page shows, loaded on the server before the HTML is sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct RotasData {
    mine: MyDutiesView,
    list: Vec<RotaSummary>,
    /// Coordinators only: what their forms offer.
    manage: Option<Choices>,
}

/// The coordinator's lists: the AMAP's roles, the membership periods whose members may take
/// part, the templates whose deliveries may give the dates (empty when not theirs to read).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Choices {
    roles: Vec<RoleView>,
    periods: Vec<(PeriodId, String)>,
    templates: Vec<(TemplateId, String)>,
}

/// The membership periods: the treasurer's list, else the one every member reads (a pure
/// coordinator may not read the treasurer's); none when neither answers.
async fn adhesion_periods(slug: String) -> Vec<(PeriodId, String)> {
    use crate::api::adhesions::{mine, periods};
    match periods(slug.clone()).await {
        Ok(list) => list.into_iter().map(|p| (p.id, p.name)).collect(),
        Err(_) => mine(slug)
            .await
            .map(|list| {
                list.into_iter()
                    .map(|p| (p.period.id, p.period.name))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

async fn load(slug: String) -> Result<RotasData, ApiError> {
    let home = member_home(slug.clone()).await?;
    let mine = my_duties(slug.clone()).await?;
    let list = rotas(slug.clone()).await?;
    let manage = if home.may_manage_rota {
        let roles = roles(slug.clone()).await?;
        let periods = adhesion_periods(slug.clone()).await;
        // Référents, treasurers and admins read the templates; a pure coordinator does not,
        // and then chooses a frequency.
        let templates = crate::api::templates::list(slug)
            .await
            .map(|list| {
                list.into_iter()
                    .map(|t| (t.id, format!("{} — {}", t.name, t.producer.name)))
                    .collect()
            })
            .unwrap_or_default();
        Some(Choices {
            roles,
            periods,
            templates,
        })
    } else {
        None
    };
    Ok(RotasData { mine, list, manage })
}

#[component]
pub fn RotasPage() -> impl IntoView {
    let slug = use_slug();
    let loaded = Resource::new(move || slug.get(), load);
    view! {
        <Suspense fallback=|| ()>
            {move || loaded.get().map(|result| match result {
                Ok(data) => view! { <Rotas data slug=slug.get_untracked()/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Rotas(data: RotasData, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let amap = Amap::new(slug.clone());
    let RotasData { mine, list, manage } = data;
    let manage = manage.map(|choices| {
        view! {
            <new::NewRota slug=slug.clone() periods=choices.periods templates=choices.templates/>
            <new::Roles slug=slug.clone() roles=choices.roles/>
        }
    });
    view! {
        <Title text=t_string!(i18n, rota.title)/>
        <main class="page rota">
            <h1>{t!(i18n, rota.title)}</h1>
            <p class="hint">{t!(i18n, rota.intro)}</p>
            <Offers offers=mine.offers slug=slug.clone() here=amap.rotas()/>
            <MyDuties next=mine.next slug=slug.clone()/>
            <MyRotas periods=mine.periods amap=amap.clone()/>
            <AllRotas list amap/>
            {manage}
        </main>
    }
}

/// "Mes prochaines permanences": each with who else is on duty, and "Je me retire".
#[component]
fn MyDuties(next: Vec<MyDuty>, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let amap = Amap::new(slug.clone());
    let here = amap.rotas();
    let echo = Echo::current();
    let body = if next.is_empty() {
        view! { <p class="empty">{t!(i18n, rota.mine_none)}</p> }.into_any()
    } else {
        next.into_iter()
            .map(|duty| {
                let others = if duty.others.is_empty() {
                    t_string!(i18n, rota.alone).to_owned()
                } else {
                    t_string!(i18n, rota.with_others, others = duty.others.join(", ")).to_string()
                };
                let leave = duty.may_leave.then(|| {
                    let form = format!("leave-{}", duty.place_id);
                    let errors = echo.errors(&form);
                    view! {
                        <Form form action=leave_path(&slug, duty.period_id, duty.place_id) here=here.clone() errors class="inline-form">
                            <FieldNotes errors fields=&["place_id"]/>
                            <button type="submit" class="secondary" data-testid="leave">{t!(i18n, rota.leave)}</button>
                        </Form>
                    }
                });
                let offer = duty.may_offer.then(|| {
                    let form = format!("offer-{}", duty.place_id);
                    let errors = echo.errors(&form);
                    view! {
                        <Form form action=offer_path(&slug, duty.period_id, duty.place_id) here=here.clone() errors class="inline-form">
                            <FieldNotes errors fields=&["place_id"]/>
                            <button type="submit" class="secondary" data-testid="offer" title=t_string!(i18n, rota.offer_hint)>{t!(i18n, rota.offer)}</button>
                        </Form>
                    }
                });
                let offered = duty.offered.then(|| {
                    let form = format!("withdraw-{}", duty.place_id);
                    let errors = echo.errors(&form);
                    view! {
                        <p><span class="badge offered-badge" data-testid="offered">{t!(i18n, rota.offered_mine)}</span></p>
                        <Form form action=offer_path(&slug, duty.period_id, duty.place_id) here=here.clone() errors method="DELETE" class="inline-form">
                            <FieldNotes errors fields=&["place_id"]/>
                            <button type="submit" class="secondary" data-testid="withdraw">{t!(i18n, rota.withdraw)}</button>
                        </Form>
                    }
                });
                view! {
                    <li class="card my-duty" data-testid="my-duty" data-day=duty.day.to_string()>
                        <h3>{capitalized(&long_date(locale, duty.day))}</h3>
                        <p><strong>{duty.role_name.clone()}</strong>" · "<a href=amap.rota(duty.period_id)>{duty.period_name.clone()}</a></p>
                        <p class="muted">{others}</p>
                        <p><a href=amap.sign_in_sheet(duty.day, false)>{t!(i18n, rota.sign_in_link)}</a></p>
                        {offered}
                        <div class="actions">{offer}{leave}</div>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section aria-labelledby="my-next-duties">
            <h2 id="my-next-duties">{t!(i18n, rota.mine_title)}</h2>
            <ul class="plain duty-list">{body}</ul>
        </section>
    }
}

/// "Permanences à reprendre": duties others offer that I could take over, each with its
/// button; nothing when there is none. On the rota list and the home page (`here` is where
/// the form comes back).
#[component]
pub fn Offers(offers: Vec<OpenOffer>, slug: String, here: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let echo = Echo::current();
    (!offers.is_empty()).then(|| {
        let items = offers
            .into_iter()
            .map(|o| {
                let form = format!("accept-{}", o.place_id);
                let errors = echo.errors(&form);
                let text = t_string!(
                    i18n,
                    rota.offer_from,
                    day = capitalized(&long_date(locale, o.day)),
                    role = o.role_name.clone(),
                    name = o.from.clone()
                )
                .to_string();
                view! {
                    <li data-testid="offer-open" data-day=o.day.to_string()>
                        <p>{text}" · "<a href=Amap::new(slug.clone()).rota(o.period_id)>{o.period_name.clone()}</a></p>
                        <Form form action=accept_path(&slug, o.period_id, o.place_id) here=here.clone() errors class="inline-form">
                            <FieldNotes errors fields=&["place_id"]/>
                            <button type="submit" class="primary" data-testid="accept">{t!(i18n, rota.accept)}</button>
                        </Form>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="card offers" aria-labelledby="open-offers" data-testid="offers">
                <h2 id="open-offers">{t!(i18n, rota.offers_title)}</h2>
                <ul class="plain duty-list">{items}</ul>
            </section>
        }
    })
}

/// Per period I take part in: what I still owe and where I could still sign up.
#[component]
fn MyRotas(periods: Vec<MyRota>, amap: Amap) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    (!periods.is_empty()).then(|| {
        let items = periods
            .into_iter()
            .map(|p| {
                let open = (p.open_places > 0)
                    .then(|| t_string!(i18n, rota.open_places, count = p.open_places).to_string());
                view! {
                    <li data-testid="my-rota">
                        <a href=amap.rota(p.period_id)>{p.name.clone()}</a>
                        " — "{share_words(locale, p.share)}
                        <br/><strong>{owed_words(locale, p.share)}</strong>
                        {open.map(|o| view! { " · "<span>{o}</span> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="card" aria-labelledby="my-share">
                <h2 id="my-share">{t!(i18n, rota.my_share_title)}</h2>
                <ul class="plain">{items}</ul>
            </section>
        }
    })
}

/// "Tous les plannings".
#[component]
fn AllRotas(list: Vec<RotaSummary>, amap: Amap) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let body = if list.is_empty() {
        view! { <p class="empty">{t!(i18n, rota.none)}</p> }.into_any()
    } else {
        let items = list
            .into_iter()
            .map(|r| {
                let dates = date_span(r.first_date, r.last_date);
                let imposed = (r.window == WindowKind::Imposed).then(|| {
                    view! { " "<span class="badge">{t!(i18n, rota.imposed_badge)}</span> }
                });
                let me =
                    r.me.map(|share| view! { <p>{share_words(locale, share)}</p> });
                view! {
                    <li class="card" data-testid="rota">
                        <h3><a href=amap.rota(r.id)>{r.name.clone()}</a>{imposed}</h3>
                        {(!dates.is_empty()).then(|| view! { <p>{dates.clone()}</p> })}
                        <p>{coverage_words(locale, r.coverage)}</p>
                        {me}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="plain rota-list">{items}</ul> }.into_any()
    };
    view! {
        <section aria-labelledby="all-rotas">
            <h2 id="all-rotas">{t!(i18n, rota.all_title)}</h2>
            {body}
        </section>
    }
}

/// The home page's "Mes permanences": my next three duties, what I still owe per period,
/// and the way to the rota. Nothing at all while I take part in no rota: the home page
/// promises no duty that does not exist (the navigation leads to the rota anyway).
#[component]
pub fn HomeDuties(duties: MyDutiesView, pages: Amap) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let all = pages.rotas();
    (!duties.next.is_empty() || !duties.periods.is_empty()).then(|| {
        let offers = (!duties.offers.is_empty()).then(|| {
            let count = duties.offers.len();
            let first = &duties.offers[0];
            view! {
                <p class="offers-hint" data-testid="home-offers">
                    <strong>{t!(i18n, rota.offers_title)}</strong>{format!(" ({count}) — ")}
                    {capitalized(&long_date(locale, first.day))}{format!(", {} · ", first.role_name)}
                    <a href=all.clone()>{t!(i18n, rota.home_all)}</a>
                </p>
            }
        });
        let next = duties
            .next
            .iter()
            .take(3)
            .map(|d| {
                view! {
                    <li data-day=d.day.to_string()>
                        <strong>{capitalized(&long_date(locale, d.day))}</strong>
                        {format!(" — {}", d.role_name)}
                    </li>
                }
            })
            .collect_view();
        let next =
            (!duties.next.is_empty()).then(|| view! { <ul class="summary-list">{next}</ul> });
        let owed = duties
            .periods
            .iter()
            .map(|p| {
                view! {
                    <li>
                        <a href=pages.rota(p.period_id)>{p.name.clone()}</a>
                        {format!(" — {}", owed_words(locale, p.share))}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="card" aria-labelledby="my-duties-title" id="home-duties" data-testid="my-duties">
                <h2 id="my-duties-title">{t!(i18n, rota.home_title)}</h2>
                {offers}
                {next}
                <ul class="summary-list">{owed}</ul>
                <p><a href=all.clone()>{t!(i18n, rota.home_all)}</a></p>
            </section>
        }
    })
}
