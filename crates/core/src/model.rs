//! The domain's types: one definition each, serialised the same way in JSON, SQL and arguments.

use serde::{Deserialize, Serialize};
use strum::{Display, EnumString, IntoStaticStr, VariantArray};

/// Derives for the closed sets of names the domain uses: stored, typed and printed in snake_case.
macro_rules! named_set {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[derive(Display, EnumString, IntoStaticStr, VariantArray)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub fn as_str(self) -> &'static str {
                self.into()
            }

            /// The name in words, for messages people read: `tentatively agreed`.
            pub fn words(self) -> String {
                self.as_str().replace('_', " ")
            }

            /// Parses a stored or typed name, with an error that lists the names allowed.
            pub fn parse(s: &str) -> crate::Result<Self> {
                s.parse().map_err(|_| {
                    let allowed: Vec<&str> = Self::VARIANTS.iter().map(|v| v.as_str()).collect();
                    crate::Error::Invalid(format!(
                        "unknown {} '{}': use one of {}",
                        stringify!($name).to_lowercase(),
                        s,
                        allowed.join(", ")
                    ))
                })
            }
        }
    };
}

named_set! {
    pub enum Side { Workers, Employers, Government, Mediator }
}

named_set! {
    pub enum Role { Spokesperson, Member, Expert, NoteTaker, Observer }
}

named_set! {
    pub enum Level { Enterprise, Sectoral, Regional, National }
}

named_set! {
    /// Where the agreement as a whole stands.
    pub enum NegotiationStatus {
        Preparing, InSession, TentativeSettlement, Ratified, Rejected, Signed, InForce, Suspended
    }
}

named_set! {
    /// Where one clause stands at the table.
    pub enum ClauseStatus {
        NotOpened, Open, AgreedInPrinciple, TentativelyAgreed, Parked, Impasse, Withdrawn
    }
}

named_set! {
    /// Who a clause in impasse is referred to.
    pub enum Referral { Mediator, WorkingGroup }
}

named_set! {
    pub enum SessionKind { Plenary, Caucus, WorkingGroup, Mediation }
}

named_set! {
    pub enum Priority { MustHave, Important, Tradeable }
}

/// Which track of a clause: a party's, or the joint (compromise) text.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "party_id")]
pub enum Track {
    Party(i64),
    Joint,
}

impl Track {
    pub fn party_id(self) -> Option<i64> {
        match self {
            Track::Party(id) => Some(id),
            Track::Joint => None,
        }
    }

    pub fn from_party_id(party_id: Option<i64>) -> Self {
        party_id.map_or(Track::Joint, Track::Party)
    }
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Negotiation {
    pub id: i64,
    pub title: String,
    pub level: Level,
    pub tripartite: bool,
    pub status: NegotiationStatus,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub owner_party_id: Option<i64>,
    pub created_at: String,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Party {
    pub id: i64,
    pub negotiation_id: i64,
    pub name: String,
    pub side: Option<Side>,
    pub label: String,
    pub colour: String,
    pub position: i64,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Delegate {
    pub id: i64,
    pub party_id: i64,
    pub name: String,
    pub role: Role,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clause {
    pub id: i64,
    pub negotiation_id: i64,
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    pub position: i64,
    pub status: ClauseStatus,
    pub status_quo: Option<String>,
    pub topics: Vec<String>,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Version {
    pub id: i64,
    pub clause_id: i64,
    pub track: Track,
    pub parent_id: Option<i64>,
    pub text: String,
    pub hash: String,
    pub author: String,
    pub created_at: String,
    pub rationale: String,
    pub tabled_at: Option<String>,
    pub session_id: Option<i64>,
}

impl Version {
    pub fn is_tabled(&self) -> bool {
        self.tabled_at.is_some()
    }
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Initial {
    pub id: i64,
    pub clause_id: i64,
    pub party_id: i64,
    pub version_id: i64,
    pub hash: String,
    pub initialed_by: String,
    pub initialed_at: String,
    pub session_id: Option<i64>,
    pub voided_at: Option<String>,
    pub voided_by_version: Option<i64>,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub id: i64,
    pub negotiation_id: i64,
    pub number: i64,
    pub starts_at: String,
    pub place: String,
    pub kind: SessionKind,
    pub minutes: String,
}

/// A ratifying body's vote on the tentative settlement.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ratification {
    pub id: i64,
    pub negotiation_id: i64,
    pub body: String,
    pub decided_on: String,
    pub votes_for: i64,
    pub votes_against: i64,
    pub abstaining: i64,
    pub approved: bool,
    pub recorded_by: String,
    pub recorded_at: String,
}

impl Session {
    /// Whether the session has begun by `now` (a stamp): held, or being held; else still scheduled.
    pub fn has_begun(&self, now: &str) -> bool {
        self.starts_at.as_str() <= now
    }
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrivateNote {
    pub id: i64,
    pub clause_id: i64,
    pub priority: Priority,
    pub red_line: String,
    pub reasoning: String,
    pub author: String,
    pub created_at: String,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: i64,
    pub negotiation_id: i64,
    pub clause_id: Option<i64>,
    pub kind: String,
    pub actor: String,
    pub at: String,
    pub reason: String,
    pub detail: serde_json::Value,
    pub hash: String,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Standard {
    pub id: i64,
    pub code: String,
    pub title: String,
    pub summary: String,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LibraryClause {
    pub id: i64,
    pub slug: String,
    pub topic: String,
    pub title: String,
    pub text: String,
    pub notes: String,
    pub standards: Vec<String>,
}
