//! The confirmation of what the last action did, at the top of the page it led to.

use super::form::flash;
use super::format::long_date;
use crate::api::members::RoleKind;
use crate::api::notice::{ChequeGroup, Notice};
use crate::domain::contract::TemplateState;
use crate::i18n::{Locale, td_string, use_i18n};
use leptos::prelude::*;

fn role_name(locale: Locale, role: RoleKind) -> &'static str {
    match role {
        RoleKind::Admin => td_string!(locale, roles.admin),
        RoleKind::Treasurer => td_string!(locale, roles.treasurer),
        RoleKind::Coordinator => td_string!(locale, roles.coordinator),
        RoleKind::Referent => td_string!(locale, roles.referent),
        RoleKind::Producer => td_string!(locale, roles.producer),
    }
}

/// "3 chèques de 19,00 € et 1 chèque de 12,00 €".
fn cheque_list(locale: Locale, groups: &[ChequeGroup]) -> String {
    let parts: Vec<String> = groups
        .iter()
        .map(|g| {
            td_string!(
                locale,
                notice.cheques,
                count = g.count,
                amount = g.amount.to_string()
            )
            .to_string()
        })
        .collect();
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!(
                "{} {} {last}",
                rest.join(", "),
                td_string!(locale, notice.and)
            )
        }
        _ => parts.concat(),
    }
}

fn sentence(notice: &Notice) -> String {
    let locale = use_i18n().get_locale_untracked();
    match notice {
        Notice::Saved => td_string!(locale, notice.saved).to_owned(),
        Notice::AmapSaved => td_string!(locale, notice.amap_saved).to_owned(),
        Notice::ResetRequested => td_string!(locale, notice.reset_requested).to_owned(),
        Notice::PasswordSet => td_string!(locale, notice.password_set).to_owned(),
        Notice::MailRetried => td_string!(locale, notice.mail_retried).to_owned(),
        Notice::ContractSaved { cheques } if cheques.is_empty() => {
            td_string!(locale, notice.contract_saved).to_owned()
        }
        Notice::ContractSaved { cheques } => {
            let cheques = cheque_list(locale, cheques);
            td_string!(locale, notice.contract_saved_cheques, cheques).to_string()
        }
        Notice::ContractWithdrawn => td_string!(locale, notice.contract_withdrawn).to_owned(),
        Notice::ScheduleSaved => td_string!(locale, notice.schedule_saved).to_owned(),
        Notice::RoleChanged {
            member,
            role,
            granted,
        } => {
            let (member, role) = (member.clone(), role_name(locale, *role));
            match granted {
                true => td_string!(locale, notice.role_granted, member, role).to_string(),
                false => td_string!(locale, notice.role_revoked, member, role).to_string(),
            }
        }
        Notice::MemberAdded { member } => {
            td_string!(locale, notice.member_added, member = member.clone()).to_string()
        }
        Notice::BulkQueued { count } => {
            td_string!(locale, notice.bulk_queued, count = *count).to_string()
        }
        Notice::PasswordChanged => td_string!(locale, notice.password_changed).to_string(),
        Notice::EmailChangeSent { email } => {
            td_string!(locale, notice.email_change_sent, email = email.clone()).to_string()
        }
        Notice::EmailChanged { email } => {
            td_string!(locale, notice.email_changed, email = email.clone()).to_string()
        }
        Notice::MemberSaved { member } => {
            td_string!(locale, notice.member_saved, member = member.clone()).to_string()
        }
        Notice::MemberDeleted => td_string!(locale, notice.member_deleted).to_string(),
        Notice::PeriodSaved { name } => {
            td_string!(locale, notice.period_saved, name = name.clone()).to_string()
        }
        Notice::PeriodDeleted => td_string!(locale, notice.period_deleted).to_string(),
        Notice::AdhesionSaved { member } => {
            td_string!(locale, notice.adhesion_saved, member = member.clone()).to_string()
        }
        Notice::AdhesionDeleted => td_string!(locale, notice.adhesion_deleted).to_string(),
        Notice::Adhered { amount } => {
            td_string!(locale, notice.adhered, amount = amount.to_string()).to_string()
        }
        Notice::AdhesionWithdrawn => td_string!(locale, notice.adhesion_withdrawn).to_string(),
        Notice::RequirementSaved => td_string!(locale, notice.requirement_saved).to_string(),
        Notice::MembersDeactivated { count } => {
            td_string!(locale, notice.members_deactivated, count = *count).to_string()
        }
        Notice::MembersImported { added, invited } => td_string!(
            locale,
            notice.members_imported,
            added = *added,
            invited = *invited
        )
        .to_string(),
        Notice::MemberActive { member, active } => {
            let member = member.clone();
            match active {
                true => td_string!(locale, notice.member_activated, member).to_string(),
                false => td_string!(locale, notice.member_deactivated, member).to_string(),
            }
        }
        Notice::ProducerCreated { name } => {
            td_string!(locale, notice.producer_created, name = name.clone()).to_string()
        }
        Notice::ProducerSaved => td_string!(locale, notice.producer_saved).to_owned(),
        Notice::ProductSaved { name } => {
            td_string!(locale, notice.product_saved, name = name.clone()).to_string()
        }
        Notice::TemplateCreated { name } => {
            td_string!(locale, notice.template_created, name = name.clone()).to_string()
        }
        Notice::TemplateCopied { name } => {
            td_string!(locale, notice.template_copied, name = name.clone()).to_string()
        }
        Notice::TemplateDeleted => td_string!(locale, notice.template_deleted).to_owned(),
        Notice::TemplateState { state } => match state {
            TemplateState::Draft => td_string!(locale, notice.template_draft),
            TemplateState::Active => td_string!(locale, notice.template_active),
            TemplateState::Archived => td_string!(locale, notice.template_archived),
        }
        .to_owned(),
        Notice::ChangeApplied { contracts } => {
            td_string!(locale, notice.change_applied, count = *contracts).to_string()
        }
        Notice::RuleAdded => td_string!(locale, notice.rule_added).to_owned(),
        Notice::RuleDeleted => td_string!(locale, notice.rule_deleted).to_owned(),
        Notice::StockSaved => td_string!(locale, notice.stock_saved).to_owned(),
        Notice::PaymentSettingsSaved => {
            td_string!(locale, notice.payment_settings_saved).to_owned()
        }
        Notice::ChequesReceived => td_string!(locale, notice.cheques_received).to_owned(),
        Notice::ChequeSaved => td_string!(locale, notice.cheque_saved).to_owned(),
        Notice::Remitted { date, count, total } => td_string!(
            locale,
            notice.remitted,
            date = long_date(locale, *date),
            count = *count,
            total = total.to_string()
        )
        .to_string(),
        Notice::SlipDeleted => td_string!(locale, notice.slip_deleted).to_owned(),
        Notice::CreditSaved => td_string!(locale, notice.credit_saved).to_owned(),
        Notice::CreditCarried => td_string!(locale, notice.credit_carried).to_owned(),
        Notice::Recomputed { contracts } => {
            td_string!(locale, notice.recomputed, count = *contracts).to_string()
        }
        Notice::RotaSaved { name } => {
            td_string!(locale, notice.rota_saved, name = name.clone()).to_string()
        }
        Notice::RotaDeleted => td_string!(locale, notice.rota_deleted).to_owned(),
        Notice::DutyTaken { day, role } => td_string!(
            locale,
            notice.duty_taken,
            day = long_date(locale, *day),
            role = role.clone()
        )
        .to_string(),
        Notice::DutyOffered { day } => {
            td_string!(locale, notice.duty_offered, day = long_date(locale, *day)).to_string()
        }
        Notice::OfferWithdrawn { day } => td_string!(
            locale,
            notice.offer_withdrawn,
            day = long_date(locale, *day)
        )
        .to_string(),
        Notice::DutyAccepted { day, role } => td_string!(
            locale,
            notice.duty_accepted,
            day = long_date(locale, *day),
            role = role.clone()
        )
        .to_string(),
        Notice::DutyLeft { day } => {
            td_string!(locale, notice.duty_left, day = long_date(locale, *day)).to_string()
        }
        Notice::AbsencesSaved { count } => match count {
            0 => td_string!(locale, notice.absences_none).to_owned(),
            n => td_string!(locale, notice.absences_saved, count = *n).to_string(),
        },
        Notice::ProposalMade { assigned, missing } => match missing {
            0 => td_string!(locale, notice.proposal_made, count = *assigned).to_string(),
            _ => td_string!(
                locale,
                notice.proposal_short,
                count = *assigned,
                missing = *missing
            )
            .to_string(),
        },
        Notice::ProposalPublished { published } => {
            td_string!(locale, notice.proposal_published, count = *published).to_string()
        }
        Notice::PlanningMailed { count } => {
            td_string!(locale, notice.planning_mailed, count = *count).to_string()
        }
        Notice::CalendarReset => td_string!(locale, notice.calendar_reset).to_owned(),
    }
}

/// "Contrat enregistré…", announced politely to screen readers; nothing without a notice.
#[component]
pub fn FlashNotice() -> impl IntoView {
    flash()
        .notice
        .map(|notice| view! { <p class="notice done" role="status">{sentence(&notice)}</p> })
}
