//! Path parameters, typed and documented once. `Route<T>` reads them; a segment that is not
//! a well-formed id or date is a 404 (there is no such thing), never a 400.

use crate::error::AppError;
use app::domain::{
    AdhesionId, ChequeId, DutyDateId, DutyPeriodId, DutyPlaceId, DutyRoleId, PeriodId, ProducerId,
    ProductId, RemittanceId, RuleId, TemplateId, UserId,
};
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use chrono::NaiveDate;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use utoipa::IntoParams;

pub struct Route<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for Route<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(params)| Route(params))
            .map_err(|_| AppError::NotFound)
    }
}

/// `/amaps/{slug}/…`: the AMAP itself is read by `AmapAccess`.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct AmapPath {
    /// The AMAP's URL name.
    #[allow(dead_code)]
    pub slug: String,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct MailPath {
    /// The AMAP's URL name.
    #[allow(dead_code)]
    pub slug: String,
    /// The mail's id on the admins' mail page.
    pub mail_id: i64,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct MemberPath {
    /// The AMAP's URL name.
    #[allow(dead_code)]
    pub slug: String,
    /// The member's account id.
    pub member_id: UserId,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ImportPath {
    /// The AMAP's URL name.
    #[allow(dead_code)]
    pub slug: String,
    /// The preview's name, as the upload answered it.
    pub import_id: String,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ProducerPath {
    /// The AMAP's URL name.
    #[allow(dead_code)]
    pub slug: String,
    pub producer_id: ProducerId,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ProductPath {
    /// The AMAP's URL name.
    #[allow(dead_code)]
    pub slug: String,
    pub producer_id: ProducerId,
    pub product_id: ProductId,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct TemplatePath {
    /// The AMAP's URL name.
    #[allow(dead_code)]
    pub slug: String,
    pub template_id: TemplateId,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct RulePath {
    /// The AMAP's URL name.
    #[allow(dead_code)]
    pub slug: String,
    pub template_id: TemplateId,
    /// The rule, as listed in the template.
    pub rule_id: RuleId,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct DeliveryPath {
    /// The AMAP's URL name.
    #[allow(dead_code)]
    pub slug: String,
    pub template_id: TemplateId,
    /// A delivery date of the template, YYYY-MM-DD.
    pub date: NaiveDate,
}

/// A member's contract on a template (the référent's side).
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct SubscriptionPath {
    /// The AMAP's URL name.
    #[allow(dead_code)]
    pub slug: String,
    pub template_id: TemplateId,
    /// The member whose contract it is.
    pub member_id: UserId,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ChequePath {
    /// The AMAP's URL name.
    #[allow(dead_code)]
    pub slug: String,
    pub template_id: TemplateId,
    pub cheque_id: ChequeId,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct RemittancePath {
    /// The AMAP's URL name.
    #[allow(dead_code)]
    pub slug: String,
    pub template_id: TemplateId,
    /// The deposit slip.
    pub remittance_id: RemittanceId,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct PeriodPath {
    /// The AMAP's URL name.
    #[allow(dead_code)]
    pub slug: String,
    /// The membership period's id.
    pub period_id: PeriodId,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct AdhesionPath {
    /// The AMAP's URL name.
    #[allow(dead_code)]
    pub slug: String,
    /// The membership's id.
    pub adhesion_id: AdhesionId,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct DutyRolePath {
    /// The AMAP's URL name.
    #[allow(dead_code)]
    pub slug: String,
    /// The role on duty.
    pub role_id: DutyRoleId,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct RotaPath {
    /// The AMAP's URL name.
    #[allow(dead_code)]
    pub slug: String,
    /// The rota period.
    pub period_id: DutyPeriodId,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct DutyDatePath {
    /// The AMAP's URL name.
    #[allow(dead_code)]
    pub slug: String,
    pub period_id: DutyPeriodId,
    /// One date of the period.
    pub date_id: DutyDateId,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct DutyPlacePath {
    /// The AMAP's URL name.
    #[allow(dead_code)]
    pub slug: String,
    pub period_id: DutyPeriodId,
    /// One place on one date of the period.
    pub place_id: DutyPlaceId,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ParticipantPath {
    /// The AMAP's URL name.
    #[allow(dead_code)]
    pub slug: String,
    pub period_id: DutyPeriodId,
    /// The participant (a member's id).
    pub member_id: UserId,
}

/// A distribution day of the AMAP.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct DistributionPath {
    /// The AMAP's URL name.
    #[allow(dead_code)]
    pub slug: String,
    /// The day, YYYY-MM-DD.
    pub day: NaiveDate,
}

/// A calendar feed: the secret of its address stands for a session.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct CalendarPath {
    /// The feed's secret (43 characters), given on *Mon compte*.
    pub token: String,
}
