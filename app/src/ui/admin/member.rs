//! One member's page for admins and treasurers: correct the name, e-mail, phones and
//! address; deactivate or reactivate; remove from the AMAP (admins; refused with the reasons
//! while contracts or roles remain).

use crate::api::members::{MemberView, active_path, member_path, show};
use crate::domain::UserId;
use crate::i18n::{t, t_string, use_i18n};
use crate::messages::problem_message;
use crate::ui::kit::fields::Input;
use crate::ui::kit::{Echo, ErrorNotice, Form};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn MemberPage() -> impl IntoView {
    let slug = use_slug();
    let params = use_params_map();
    let member = move || {
        params.with(|p| {
            p.get_str("member_id")
                .and_then(|id| id.parse::<i64>().ok())
                .map(UserId)
        })
    };
    let loaded = Resource::new(
        move || (slug.get(), member()),
        |(slug, member)| async move {
            match member {
                Some(member) => show(slug, member).await,
                None => Err(crate::api::ApiError::new(
                    crate::api::ErrorKind::NotFound,
                    "no such member",
                )),
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || loaded.get().map(|result| match result {
                Ok(member) => view! { <Member member slug=slug.get_untracked()/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Member(member: MemberView, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let amap = Amap::new(slug.clone());
    let here = amap.member(member.id);
    let name = format!("{} {}", member.first_name, member.last_name);
    let form = "member".to_owned();
    let echo = Echo::current();
    let errors = echo.errors(&form);
    let v = {
        let (echo, form) = (echo.clone(), form.clone());
        move |field: &str, current: &str| echo.value(&form, field, current)
    };
    let c = member.contact.clone();
    let (toggle_label, toggle_value) = if member.active {
        (t_string!(i18n, member_admin.deactivate), "false")
    } else {
        (t_string!(i18n, member_admin.reactivate), "true")
    };
    let status = if member.active {
        t_string!(i18n, admin.active)
    } else {
        t_string!(i18n, admin.inactive)
    };
    let password = if member.has_password {
        t_string!(i18n, member_admin.has_password)
    } else {
        t_string!(i18n, member_admin.no_password)
    };
    let toggle_errors = echo.errors("active");
    let remove_form = "remove".to_owned();
    let remove_errors = echo.errors(&remove_form);
    let reasons = remove_errors.with_untracked(|e| {
        e.fields
            .iter()
            .filter(|p| p.field == "member")
            .map(|p| problem_message(i18n.get_locale_untracked(), p))
            .map(|text| view! { <li>{text}</li> })
            .collect_view()
    });
    view! {
        <Title text=name.clone()/>
        <main class="page narrow">
            <p><a href=amap.members_admin()>{t!(i18n, import.back)}</a></p>
            <h1>{name.clone()}</h1>
            <p>{status}" · "{password}</p>
            <section class="card">
                <h2>{t!(i18n, member_admin.details)}</h2>
                <Form form=form.clone() action=member_path(&slug, member.id) here=here.clone() errors method="PUT" class="stack-form">
                    <Input form=form.clone() name="last_name" autocomplete="off" label=t_string!(i18n, import.col_last_name).to_owned() errors value=v("last_name", &member.last_name)/>
                    <Input form=form.clone() name="first_name" autocomplete="off" label=t_string!(i18n, import.col_first_name).to_owned() errors value=v("first_name", &member.first_name)/>
                    <Input form=form.clone() name="email" kind="email" autocomplete="off" label=t_string!(i18n, import.col_email).to_owned() errors value=v("email", &member.email)
                        hint=t_string!(i18n, member_admin.email_hint).to_owned()/>
                    <Input form=form.clone() name="phone1" kind="tel" label=t_string!(i18n, account.phone1).to_owned() errors value=v("phone1", &c.phone1)/>
                    <Input form=form.clone() name="phone2" kind="tel" label=t_string!(i18n, account.phone2).to_owned() errors value=v("phone2", &c.phone2)/>
                    <Input form=form.clone() name="address" label=t_string!(i18n, account.address).to_owned() errors value=v("address", &c.address)/>
                    <Input form=form.clone() name="postcode" inputmode="numeric" label=t_string!(i18n, account.postcode).to_owned() errors value=v("postcode", &c.postcode)/>
                    <Input form=form.clone() name="town" label=t_string!(i18n, account.town).to_owned() errors value=v("town", &c.town)/>
                    <button type="submit" class="primary">{t!(i18n, account.save)}</button>
                </Form>
            </section>
            <section class="card">
                <h2>{t!(i18n, member_admin.membership)}</h2>
                <p class="hint">{t!(i18n, member_admin.deactivate_hint)}</p>
                <Form form="active".to_owned() action=active_path(&slug, member.id) here=here.clone() errors=toggle_errors method="PUT">
                    <input type="hidden" name="active" value=toggle_value/>
                    <button type="submit" class="secondary">{toggle_label}</button>
                </Form>
                <h3>{t!(i18n, member_admin.remove_title)}</h3>
                <p class="hint">{t!(i18n, member_admin.remove_hint)}</p>
                <Form form=remove_form action=member_path(&slug, member.id) here next=amap.members_admin() errors=remove_errors method="DELETE">
                    <ul class="field-error" role="alert">{reasons}</ul>
                    <button type="submit" class="danger">{t_string!(i18n, member_admin.remove, name = name.clone()).to_string()}</button>
                </Form>
            </section>
        </main>
    }
}
