//! One list of names per enum the API, the forms and the database all spell: `as_str` and
//! `parse` come from it, and a test holds serde's spelling to the same list, so a stored or
//! posted value can never mean something else in another layer.

/// `ALL`, `as_str` and `parse` for `$ty`, from its (variant = "name") list.
macro_rules! names {
    ($ty:ident { $($variant:ident = $name:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// Its name on the wire, in forms and in the database.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }

            /// The value with this name; `None` for anything else (never a default).
            pub fn parse(raw: &str) -> Option<Self> {
                match raw {
                    $($name => Some($ty::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

pub(crate) use names;

#[cfg(test)]
mod tests {
    use crate::domain::contract::{JokerKind, Nature, TemplateState};
    use crate::domain::payment::{ChequeEvent, ChequeState};

    fn serde_agrees<T: serde::Serialize + Copy>(all: &[T], name: fn(T) -> &'static str) {
        for value in all {
            let wire = serde_json::to_string(value).expect("json");
            assert_eq!(wire, format!("\"{}\"", name(*value)));
        }
    }

    #[test]
    fn serde_spells_every_name_as_the_list_does() {
        serde_agrees(Nature::ALL, Nature::as_str);
        serde_agrees(TemplateState::ALL, TemplateState::as_str);
        serde_agrees(JokerKind::ALL, JokerKind::as_str);
        serde_agrees(ChequeState::ALL, ChequeState::as_str);
        serde_agrees(ChequeEvent::ALL, ChequeEvent::as_str);
        use crate::domain::adhesion::{AdhesionState, Enrolment, PaymentKind};
        serde_agrees(Enrolment::ALL, Enrolment::as_str);
        serde_agrees(PaymentKind::ALL, PaymentKind::as_str);
        serde_agrees(AdhesionState::ALL, AdhesionState::as_str);
        use crate::domain::rota::{MoveKind, SignUpRule, WindowKind, calendar::Frequency};
        serde_agrees(SignUpRule::ALL, SignUpRule::as_str);
        serde_agrees(WindowKind::ALL, WindowKind::as_str);
        serde_agrees(MoveKind::ALL, MoveKind::as_str);
        serde_agrees(Frequency::ALL, Frequency::as_str);
        assert_eq!(Nature::parse("fixed_basket"), Some(Nature::FixedBasket));
        assert_eq!(
            Nature::parse("subscription"),
            None,
            "the old name means nothing"
        );
        assert_eq!(ChequeEvent::parse("credit"), Some(ChequeEvent::Credit));
        assert_eq!(ChequeEvent::parse("anything"), None);
    }
}
