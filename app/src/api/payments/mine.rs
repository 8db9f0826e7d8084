//! "Mes paiements": a member's cheques, contract by contract.

use super::*;

/// Identical cheques still to give, together: "3 chèques de 20 € : janvier, février, mars".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChequeGroup {
    pub amount: Money,
    #[serde(with = "crate::domain::wire::dates")]
    pub dates: Vec<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MyPaymentContract {
    pub template: TemplateSummary,
    pub payee: String,
    #[serde(with = "crate::domain::wire::opt_date")]
    pub hand_in_by: Option<NaiveDate>,
    pub collector: Option<PersonRef>,
    pub managed: bool,
    pub message: String,
    pub tally: Tally,
    pub balance: Money,
    pub to_give: Vec<ChequeGroup>,
    pub at_amap: Vec<ChequeView>,
    pub remitted: Vec<ChequeView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MyPayments {
    pub contracts: Vec<MyPaymentContract>,
}
