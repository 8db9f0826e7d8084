//! What a successful action did, said on the page the browser lands on next
//! ("Contrat enregistré : 3 chèques de 19,00 €"). An API handler attaches a `Notice` to its
//! answer (as a response extension, invisible to JSON clients); the no-JS form layer carries
//! it to the next page in the flash cookie, where `ui::kit::notice` words it.

use crate::api::members::RoleKind;
use crate::domain::Money;
use crate::domain::contract::TemplateState;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Cheques of one amount: "3 chèques de 19,00 €".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChequeGroup {
    pub count: u32,
    pub amount: Money,
}

/// Groups amounts in the order they come, equal amounts together.
pub fn cheque_groups(amounts: impl IntoIterator<Item = Money>) -> Vec<ChequeGroup> {
    let mut groups: Vec<ChequeGroup> = Vec::new();
    for amount in amounts {
        match groups.iter_mut().find(|g| g.amount == amount) {
            Some(group) => group.count += 1,
            None => groups.push(ChequeGroup { count: 1, amount }),
        }
    }
    groups
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    /// Saved, with nothing more specific to say.
    Saved,
    AmapSaved,
    /// "If this address has an account, a link is on its way" (never more precise).
    ResetRequested,
    /// A password chosen through a link: log in with it.
    PasswordSet,
    PasswordChanged,
    /// The confirmation link is on its way to the new address.
    EmailChangeSent {
        email: String,
    },
    EmailChanged {
        email: String,
    },
    /// A message to members queued, one mail each.
    BulkQueued {
        count: u32,
    },
    /// A failed mail queued again.
    MailRetried,
    /// A contract signed up or changed, and the cheques it now calls for.
    ContractSaved {
        cheques: Vec<ChequeGroup>,
    },
    ContractWithdrawn,
    ScheduleSaved,
    RoleChanged {
        member: String,
        role: RoleKind,
        granted: bool,
    },
    MemberAdded {
        member: String,
    },
    MemberSaved {
        member: String,
    },
    MemberDeleted,
    MembersDeactivated {
        count: u32,
    },
    /// A member list imported: who was added, how many were invited.
    MembersImported {
        added: u32,
        invited: u32,
    },
    MemberActive {
        member: String,
        active: bool,
    },
    ProducerCreated {
        name: String,
    },
    ProducerSaved,
    ProductSaved {
        name: String,
    },
    TemplateCreated {
        name: String,
    },
    TemplateCopied {
        name: String,
    },
    TemplateDeleted,
    TemplateState {
        state: TemplateState,
    },
    /// A change to a template applied to its contracts.
    ChangeApplied {
        contracts: u32,
    },
    RuleAdded,
    RuleDeleted,
    StockSaved,
    PaymentSettingsSaved,
    ChequesReceived,
    ChequeSaved,
    Remitted {
        #[serde(with = "crate::domain::wire::date")]
        date: NaiveDate,
        count: u32,
        total: Money,
    },
    SlipDeleted,
    CreditSaved,
    CreditCarried,
    /// Cheque schedules recomputed after the order changed.
    Recomputed {
        contracts: u32,
    },
    PeriodSaved {
        name: String,
    },
    PeriodDeleted,
    AdhesionSaved {
        member: String,
    },
    AdhesionDeleted,
    Adhered {
        amount: Money,
    },
    AdhesionWithdrawn,
    RequirementSaved,
    /// A rota period created or its rules changed.
    RotaSaved {
        name: String,
    },
    RotaDeleted,
    /// "Vous êtes de permanence le samedi 12 décembre (Accueil)."
    DutyTaken {
        day: NaiveDate,
        role: String,
    },
    DutyLeft {
        day: NaiveDate,
    },
    /// My duty is offered to a stand-in (still mine until taken over).
    DutyOffered {
        day: NaiveDate,
    },
    OfferWithdrawn {
        day: NaiveDate,
    },
    /// I took over someone's duty.
    DutyAccepted {
        day: NaiveDate,
        role: String,
    },
    AbsencesSaved {
        count: u32,
    },
    /// The automatic assignment proposed `assigned` duties; `missing` still owed.
    ProposalMade {
        assigned: u32,
        missing: u32,
    },
    ProposalPublished {
        published: u32,
    },
    /// The planning was mailed to `count` participants.
    PlanningMailed {
        count: u32,
    },
    /// My calendar feeds have new addresses.
    CalendarReset,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_amounts_are_counted_together_in_their_order() {
        let euros = |e: i64| Money::from_cents(e * 100);
        let groups = cheque_groups([euros(19), euros(19), euros(12), euros(19)]);
        assert_eq!(
            groups,
            vec![
                ChequeGroup {
                    count: 3,
                    amount: euros(19)
                },
                ChequeGroup {
                    count: 1,
                    amount: euros(12)
                }
            ]
        );
    }
}
