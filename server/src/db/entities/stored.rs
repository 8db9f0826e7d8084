//! The enum columns, typed: each mirrors one domain enum (same names, from the domain's one
//! list) and reading a row with any other value is an error — never a silent default. The
//! database refuses such values too (`CHECK` constraints, migration 6).

use sea_orm::entity::prelude::*;

/// A `DeriveActiveEnum` mirror of a domain enum, with conversions both ways.
macro_rules! stored {
    ($(#[$doc:meta])* $name:ident => $domain:ty { $($variant:ident = $value:literal),+ $(,)? }) => {
        $(#[$doc])*
        // serde writes the stored value too: an AMAP's archive reads like its database.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum, serde::Serialize, serde::Deserialize)]
        #[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
        pub enum $name {
            $(#[sea_orm(string_value = $value)] #[serde(rename = $value)] $variant),+
        }

        impl From<$name> for $domain {
            fn from(stored: $name) -> Self {
                match stored {
                    $($name::$variant => <$domain>::$variant),+
                }
            }
        }

        impl From<$domain> for $name {
            fn from(value: $domain) -> Self {
                match value {
                    $(<$domain>::$variant => $name::$variant),+
                }
            }
        }
    };
}

stored!(
    /// `contract_template.nature`.
    Nature => app::domain::contract::Nature {
        FixedBasket = "fixed_basket",
        Free = "free",
        PrepaidCard = "prepaid_card",
    }
);

stored!(
    /// `contract_template.state`.
    TemplateState => app::domain::contract::TemplateState {
        Draft = "draft",
        Active = "active",
        Archived = "archived",
    }
);

stored!(
    /// `contract_template.joker_kind`.
    JokerKind => app::domain::contract::JokerKind {
        None = "none",
        Absence = "absence",
        Postponement = "postponement",
    }
);

stored!(
    /// `cheque.state`, `cheque_event.from_state` and `to_state`.
    ChequeState => app::domain::payment::ChequeState {
        Promised = "promised",
        Received = "received",
        Remitted = "remitted",
    }
);

stored!(
    /// `cheque_event.action`.
    ChequeEvent => app::domain::payment::ChequeEvent {
        Promised = "promised",
        Changed = "changed",
        Deleted = "deleted",
        Received = "received",
        Unreceived = "unreceived",
        Remitted = "remitted",
        RemittanceDeleted = "remittance_deleted",
        Credit = "credit",
        CreditOut = "credit_out",
        CreditIn = "credit_in",
    }
);

stored!(
    /// `amap.directory_email`, `directory_phone` and `directory_address`.
    Visibility => app::domain::directory::Visibility {
        Everyone = "everyone",
        Referents = "referents",
        Nobody = "nobody",
    }
);

stored!(
    /// `outbox_mail.kind`.
    MailKind => app::domain::mail::MailKind {
        Invitation = "invitation",
        PasswordReset = "password_reset",
        EmailChange = "email_change",
        SignUpConfirmation = "sign_up_confirmation",
        Bulk = "bulk",
        ContractOpened = "contract_opened",
        DeliverySheet = "delivery_sheet",
        DutyAssigned = "duty_assigned",
        DutyReminder = "duty_reminder",
        DutyOffered = "duty_offered",
        DutySwapped = "duty_swapped",
        DutyPlanning = "duty_planning",
    }
);

stored!(
    /// `outbox_mail.state`.
    MailState => app::domain::mail::MailState {
        Queued = "queued",
        Sending = "sending",
        Sent = "sent",
        Failed = "failed",
        Held = "held",
    }
);

stored!(
    /// `account_token.purpose`.
    TokenPurpose => app::domain::mail::TokenPurpose {
        Invitation = "invitation",
        PasswordReset = "password_reset",
        EmailChange = "email_change",
    }
);

stored!(
    /// `adhesion_period.enrolment`.
    Enrolment => app::domain::adhesion::Enrolment {
        Online = "online",
        Treasurer = "treasurer",
    }
);

stored!(
    /// `adhesion.state`.
    AdhesionState => app::domain::adhesion::AdhesionState {
        ToProvide = "to_provide",
        Cashed = "cashed",
    }
);

stored!(
    /// `adhesion.payment_kind`.
    PaymentKind => app::domain::adhesion::PaymentKind {
        Cheque = "cheque",
        Cash = "cash",
        Transfer = "transfer",
    }
);

stored!(
    /// `duty_period.rule`.
    SignUpRule => app::domain::rota::SignUpRule {
        OnePerDate = "one_per_date",
        OnePerRole = "one_per_role",
        Any = "any",
    }
);

stored!(
    /// `duty_period.window_kind`.
    WindowKind => app::domain::rota::WindowKind {
        Until = "until",
        DaysBefore = "days_before",
        Imposed = "imposed",
    }
);

stored!(
    /// `duty_move.kind`.
    MoveKind => app::domain::rota::MoveKind {
        Take = "take",
        Leave = "leave",
        Assign = "assign",
        Unassign = "unassign",
        Publish = "publish",
        Clear = "clear",
        Offer = "offer",
        Withdraw = "withdraw",
        Accept = "accept",
    }
);

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::{ActiveEnum, Iterable};

    /// The stored names are the domain's names, variant by variant.
    fn agrees<S, D>(domain_name: fn(D) -> &'static str)
    where
        S: ActiveEnum<Value = String> + Iterable + Copy,
        D: From<S>,
    {
        for stored in S::iter() {
            assert_eq!(stored.to_value(), domain_name(D::from(stored)));
        }
    }

    #[test]
    fn every_column_stores_the_domains_names() {
        agrees::<Nature, app::domain::contract::Nature>(|v| v.as_str());
        agrees::<TemplateState, app::domain::contract::TemplateState>(|v| v.as_str());
        agrees::<JokerKind, app::domain::contract::JokerKind>(|v| v.as_str());
        agrees::<ChequeState, app::domain::payment::ChequeState>(|v| v.as_str());
        agrees::<ChequeEvent, app::domain::payment::ChequeEvent>(|v| v.as_str());
        agrees::<Visibility, app::domain::directory::Visibility>(|v| v.as_str());
        agrees::<MailKind, app::domain::mail::MailKind>(|v| v.as_str());
        agrees::<MailState, app::domain::mail::MailState>(|v| v.as_str());
        agrees::<TokenPurpose, app::domain::mail::TokenPurpose>(|v| v.as_str());
        agrees::<Enrolment, app::domain::adhesion::Enrolment>(|v| v.as_str());
        agrees::<AdhesionState, app::domain::adhesion::AdhesionState>(|v| v.as_str());
        agrees::<PaymentKind, app::domain::adhesion::PaymentKind>(|v| v.as_str());
        agrees::<SignUpRule, app::domain::rota::SignUpRule>(|v| v.as_str());
        agrees::<WindowKind, app::domain::rota::WindowKind>(|v| v.as_str());
        agrees::<MoveKind, app::domain::rota::MoveKind>(|v| v.as_str());
    }
}
