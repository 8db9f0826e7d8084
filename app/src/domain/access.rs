//! Who may do what inside one AMAP (reference `amapj.md` §5).
//!
//! Roles are cumulative: admin ⊃ treasurer ⊃ référent (of given producers) / producer
//! (of given farms) ⊃ member. A platform operator acts as an admin in every AMAP.
//! Someone who does not belong to an AMAP may not even learn that it exists: the decision
//! is `Hidden`, which the server answers with 404, never 403.

use super::ids::{ProducerId, UserId};
use serde::{Deserialize, Serialize};

/// What one person holds in one AMAP.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grants {
    /// Runs the deployment; may create AMAPs and administer any of them.
    pub operator: bool,
    /// Has an active membership in this AMAP.
    pub member: bool,
    pub admin: bool,
    pub treasurer: bool,
    /// Coordinates the duty rota (the role "permanences").
    #[serde(default)]
    pub coordinator: bool,
    pub referent_of: Vec<ProducerId>,
    pub producer_of: Vec<ProducerId>,
    /// Among `producer_of`, the farms that entrust their own cheques to their producer
    /// accounts (AmapJ's `accesEcran = PRODUCTEUR`, chosen per producer).
    #[serde(default)]
    pub cheque_desk_of: Vec<ProducerId>,
}

/// Something a request wants to do inside an AMAP (or, for `CreateAmap`, on the platform).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// See the AMAP's name and the caller's own home page.
    ViewOwnSpace,
    /// See the producers and their référents.
    ListProducers,
    /// See every member with contact details and roles.
    ListMembers,
    /// Add members, (de)activate them.
    ManageMembers,
    /// Grant or revoke admin, treasurer, référent and producer roles.
    AssignRoles,
    /// Change the AMAP's settings (name, city, time zone, where and when it distributes),
    /// download its archive.
    ManageAmap,
    /// Add a producer to the AMAP.
    CreateProducer,
    /// Sign up for a contract, change or withdraw one's own (members only: an operator who
    /// does not belong to the AMAP administers it but does not buy baskets there).
    SignUp,
    /// Reach the contract-management screens at all (référent of some producer, or more).
    ManageTemplates,
    /// List the templates one may read the deliveries of (producers too).
    ListTemplates,
    /// Edit one producer's catalogue and templates, read and edit its sign-ups and cheques.
    ManageProducer(ProducerId),
    /// Read what one producer must deliver.
    ReadDeliveries(ProducerId),
    /// Read one producer's cheque register, receive its cheques, hand them over (deposit
    /// slips), correct them: its référents, and its own accounts when it handles its cheques.
    HandleCheques(ProducerId),
    /// Define membership periods and follow every member's membership (treasurer, admin).
    ManageAdhesions,
    /// Define rota periods, their dates, places and participants; assign and move duties
    /// (admins and coordinators).
    ManageRota,
    /// Take a free duty place, give one's own back (members only).
    TakeDuty,
    /// Reach "Écrire aux adhérents" at all: référents (to their contracts' members),
    /// coordinators (to the people on duty), treasurers and admins. Each audience is then
    /// checked on its own.
    WriteToMembers,
    /// Have a calendar feed of one's deliveries and duties (members only: an operator who
    /// does not belong to the AMAP has neither here).
    SubscribeCalendar,
    /// Read the sign-in sheet (feuille d'émargement) of a distribution: every member
    /// collecting that day and what they collect. Those who organise distributions
    /// (coordinators, référents, treasurers, admins) and the members on duty that day.
    ReadSignInSheet { on_duty: bool },
    /// Create a new AMAP on the deployment.
    CreateAmap,
}

/// The answer to "may this person do that here?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Allowed,
    /// Belongs to the AMAP but lacks the role (HTTP 403).
    Forbidden,
    /// Does not belong to the AMAP: do not reveal it exists (HTTP 404).
    Hidden,
}

/// The highest role held, for display ("Administrateur", "Trésorier"…).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RoleLevel {
    Member,
    Producer,
    Referent,
    Treasurer,
    Admin,
}

impl Grants {
    fn is_admin(&self) -> bool {
        self.admin || self.operator
    }

    fn is_treasurer(&self) -> bool {
        self.treasurer || self.is_admin()
    }

    fn refers(&self, producer: ProducerId) -> bool {
        self.is_treasurer() || self.referent_of.contains(&producer)
    }

    pub fn decide(&self, action: Action) -> Decision {
        if action == Action::CreateAmap {
            return if self.operator {
                Decision::Allowed
            } else {
                Decision::Forbidden
            };
        }
        if !self.member && !self.operator {
            return Decision::Hidden;
        }
        let allowed = match action {
            Action::ViewOwnSpace | Action::ListProducers => true,
            Action::ListMembers
            | Action::ManageMembers
            | Action::CreateProducer
            | Action::ManageAdhesions => self.is_treasurer(),
            Action::AssignRoles | Action::ManageAmap => self.is_admin(),
            Action::SignUp | Action::TakeDuty | Action::SubscribeCalendar => self.member,
            Action::ManageRota => self.is_admin() || self.coordinator,
            Action::WriteToMembers => {
                self.is_treasurer() || !self.referent_of.is_empty() || self.coordinator
            }
            Action::ReadSignInSheet { on_duty } => {
                self.is_treasurer()
                    || self.coordinator
                    || !self.referent_of.is_empty()
                    || (self.member && on_duty)
            }
            Action::ManageTemplates => self.is_treasurer() || !self.referent_of.is_empty(),
            Action::ListTemplates => {
                self.is_treasurer() || !self.referent_of.is_empty() || !self.producer_of.is_empty()
            }
            Action::ManageProducer(p) => self.refers(p),
            Action::ReadDeliveries(p) => self.refers(p) || self.producer_of.contains(&p),
            Action::HandleCheques(p) => {
                self.refers(p)
                    || (self.producer_of.contains(&p) && self.cheque_desk_of.contains(&p))
            }
            Action::CreateAmap => self.operator,
        };
        if allowed {
            Decision::Allowed
        } else {
            Decision::Forbidden
        }
    }

    pub fn allows(&self, action: Action) -> bool {
        self.decide(action) == Decision::Allowed
    }

    pub fn level(&self) -> RoleLevel {
        if self.is_admin() {
            RoleLevel::Admin
        } else if self.treasurer {
            RoleLevel::Treasurer
        } else if !self.referent_of.is_empty() {
            RoleLevel::Referent
        } else if !self.producer_of.is_empty() {
            RoleLevel::Producer
        } else {
            RoleLevel::Member
        }
    }
}

/// A change to a membership that would cut its author off if made to their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RiskyChange {
    /// Removing the admin role: the AMAP could lose its last way to manage roles.
    RevokeAdmin,
    /// Deactivating the membership: the author could no longer log in here.
    Deactivate,
}

/// Nobody may make a risky change to themselves by a slip of the mouse; another admin
/// (or treasurer, for deactivation) can.
pub fn locks_oneself_out(actor: UserId, target: UserId, change: Option<RiskyChange>) -> bool {
    actor == target && change.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const FARM: ProducerId = ProducerId(1);
    const OTHER_FARM: ProducerId = ProducerId(2);

    fn member() -> Grants {
        Grants {
            member: true,
            ..Grants::default()
        }
    }

    #[test]
    fn outsiders_never_learn_an_amap_exists() {
        let outsider = Grants::default();
        for action in [
            Action::ViewOwnSpace,
            Action::ListMembers,
            Action::ManageProducer(FARM),
        ] {
            assert_eq!(outsider.decide(action), Decision::Hidden);
        }
        // Even a former admin whose membership was deactivated.
        let inactive_admin = Grants {
            admin: true,
            ..Grants::default()
        };
        assert_eq!(inactive_admin.decide(Action::AssignRoles), Decision::Hidden);
    }

    #[test]
    fn roles_are_cumulative() {
        let admin = Grants {
            admin: true,
            ..member()
        };
        let treasurer = Grants {
            treasurer: true,
            ..member()
        };
        let referent = Grants {
            referent_of: vec![FARM],
            ..member()
        };
        let producer = Grants {
            producer_of: vec![FARM],
            ..member()
        };

        assert!(
            admin.allows(Action::AssignRoles) && admin.allows(Action::ManageProducer(OTHER_FARM))
        );
        assert!(!treasurer.allows(Action::AssignRoles));
        assert!(
            treasurer.allows(Action::ListMembers)
                && treasurer.allows(Action::ManageProducer(OTHER_FARM))
        );
        assert!(referent.allows(Action::ManageProducer(FARM)));
        assert_eq!(
            referent.decide(Action::ManageProducer(OTHER_FARM)),
            Decision::Forbidden
        );
        assert!(
            referent.allows(Action::ReadDeliveries(FARM)) && !referent.allows(Action::ListMembers)
        );
        assert!(
            producer.allows(Action::ReadDeliveries(FARM))
                && !producer.allows(Action::ManageProducer(FARM))
        );
        assert_eq!(member().decide(Action::ListMembers), Decision::Forbidden);
        assert!(member().allows(Action::ViewOwnSpace));
    }

    #[test]
    fn producers_handle_cheques_only_of_their_farms_that_entrust_them() {
        let producer = Grants {
            producer_of: vec![FARM, OTHER_FARM],
            ..member()
        };
        assert!(!producer.allows(Action::HandleCheques(FARM)));
        let entrusted = Grants {
            cheque_desk_of: vec![FARM],
            ..producer
        };
        assert!(entrusted.allows(Action::HandleCheques(FARM)));
        assert!(!entrusted.allows(Action::HandleCheques(OTHER_FARM)));
        // Handling cheques is not editing the farm's templates.
        assert!(!entrusted.allows(Action::ManageProducer(FARM)));
        // A farm's setting gives nothing to someone who is not its producer.
        let stranger = Grants {
            cheque_desk_of: vec![FARM],
            ..member()
        };
        assert!(!stranger.allows(Action::HandleCheques(FARM)));
        let referent = Grants {
            referent_of: vec![FARM],
            ..member()
        };
        assert!(referent.allows(Action::HandleCheques(FARM)));
    }

    #[test]
    fn only_operators_create_amaps_and_they_administer_every_amap() {
        let operator = Grants {
            operator: true,
            ..Grants::default()
        };
        assert!(operator.allows(Action::CreateAmap) && operator.allows(Action::AssignRoles));
        assert_eq!(
            Grants {
                admin: true,
                ..member()
            }
            .decide(Action::CreateAmap),
            Decision::Forbidden
        );
    }

    #[test]
    fn level_is_the_highest_role() {
        assert_eq!(member().level(), RoleLevel::Member);
        assert_eq!(
            Grants {
                producer_of: vec![FARM],
                referent_of: vec![FARM],
                ..member()
            }
            .level(),
            RoleLevel::Referent
        );
        assert_eq!(
            Grants {
                treasurer: true,
                admin: true,
                ..member()
            }
            .level(),
            RoleLevel::Admin
        );
    }

    #[test]
    fn only_risky_changes_to_oneself_are_refused() {
        let (me, other) = (UserId(1), UserId(2));
        assert!(locks_oneself_out(me, me, Some(RiskyChange::RevokeAdmin)));
        assert!(locks_oneself_out(me, me, Some(RiskyChange::Deactivate)));
        assert!(!locks_oneself_out(me, other, Some(RiskyChange::Deactivate)));
        assert!(!locks_oneself_out(me, me, None));
    }

    fn any_grants() -> impl Strategy<Value = Grants> {
        (
            any::<[bool; 5]>(),
            proptest::collection::vec(1_i64..4, 0..3),
            proptest::collection::vec(1_i64..4, 0..3),
            proptest::collection::vec(1_i64..4, 0..3),
        )
            .prop_map(
                |([operator, member, admin, treasurer, coordinator], r, p, d)| Grants {
                    operator,
                    member,
                    admin,
                    treasurer,
                    coordinator,
                    referent_of: r.into_iter().map(ProducerId).collect(),
                    producer_of: p.into_iter().map(ProducerId).collect(),
                    cheque_desk_of: d.into_iter().map(ProducerId).collect(),
                },
            )
    }

    proptest! {
        /// Adding a role never takes a permission away.
        #[test]
        fn granting_admin_is_monotonic(grants in any_grants(), farm in 1_i64..4) {
            let promoted = Grants { admin: true, ..grants.clone() };
            for action in [Action::ViewOwnSpace, Action::ListProducers, Action::ListMembers, Action::ManageMembers, Action::ManageAdhesions,
                           Action::AssignRoles, Action::ManageProducer(ProducerId(farm)), Action::ReadDeliveries(ProducerId(farm)),
                           Action::HandleCheques(ProducerId(farm)), Action::ManageRota, Action::TakeDuty,
                           Action::ReadSignInSheet { on_duty: false }, Action::ReadSignInSheet { on_duty: true }] {
                prop_assert!(!grants.allows(action) || promoted.allows(action));
            }
        }

        /// Being on duty that day only ever adds the sign-in sheet, and only for members.
        #[test]
        fn the_people_on_duty_read_the_sign_in_sheet(grants in any_grants()) {
            let off = grants.allows(Action::ReadSignInSheet { on_duty: false });
            let on = grants.allows(Action::ReadSignInSheet { on_duty: true });
            prop_assert!(!off || on);
            prop_assert_eq!(on && !off, grants.member && !off);
        }
    }

    #[test]
    fn the_sign_in_sheet_is_for_organisers_and_the_people_on_duty() {
        let sheet = |on_duty| Action::ReadSignInSheet { on_duty };
        assert!(!member().allows(sheet(false)));
        assert!(member().allows(sheet(true)));
        let coordinator = Grants {
            coordinator: true,
            ..member()
        };
        assert!(coordinator.allows(sheet(false)));
        let referent = Grants {
            referent_of: vec![FARM],
            ..member()
        };
        assert!(referent.allows(sheet(false)));
        let producer = Grants {
            producer_of: vec![FARM],
            ..member()
        };
        assert!(!producer.allows(sheet(false)));
        let outsider = Grants::default();
        assert_eq!(outsider.decide(sheet(true)), Decision::Hidden);
    }
}
