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

            /// Parses a stored or typed name, with an error that lists the names allowed.
            pub fn parse(s: &str) -> crate::Result<Self> {
                s.parse().map_err(|_| {
                    let allowed: Vec<&str> = Self::VARIANTS.iter().map(|v| v.as_str()).collect();
                    crate::Error::Invalid(crate::message::Msg::UnknownName {
                        kind: stringify!($name).to_lowercase(),
                        value: s.to_string(),
                        allowed: allowed.iter().map(|a| a.to_string()).collect(),
                    })
                })
            }
        }
    };
}

named_set! {
    /// What a standard is: an ILO convention (ratified or not), a recommendation or code of practice,
    /// a political declaration, or a law of the Republic of Kazakhstan.
    pub enum StandardKind { Convention, Recommendation, CodeOfPractice, Declaration, NationalLaw }
}

named_set! {
    pub enum Side { Workers, Employers, Government, Mediator }
}

named_set! {
    /// A delegate's part in the delegation. The coordinator initials and consents in the side's name.
    pub enum Role { Chair, Coordinator, Spokesperson, Member, Expert, LegalCounsel, Secretary, Translator, Observer }
}

named_set! {
    /// General is the republican level: the General Agreement.
    pub enum Level { General, Sectoral, Regional, Enterprise }
}

named_set! {
    /// How the negotiation closes: nothing is agreed until everything is agreed, or the agreed terms are
    /// signed with a protocol of disagreements (Labour Code of Kazakhstan, Art. 156).
    pub enum ClosingRule { All, Protocol }
}

named_set! {
    /// What is decided for a point entered in the protocol of disagreements.
    pub enum Further { Talks, Conciliation, NextRound }
}

named_set! {
    /// The approval steps an agreement may go through after its settlement, each optional and dated.
    pub enum ApprovalStep { Discussion, Side, Signing, Registration }
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
        NotOpened, Open, AgreedInPrinciple, TentativelyAgreed, Parked, Impasse, InProtocol, Withdrawn
    }
}

named_set! {
    /// Who a clause in impasse is referred to.
    pub enum Referral { WorkingGroup, Coordinators, Plenary, Conciliation, Mediator, Arbitration }
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
    pub closing_rule: ClosingRule,
    /// The authentic languages, as ISO 639-1 codes: `["kk", "ru"]`.
    pub languages: Vec<String>,
}

impl Negotiation {
    /// The authentic languages Trilogue knows, the first first.
    pub fn authentic(&self) -> Vec<crate::words::Lang> {
        self.languages.iter().filter_map(|l| l.parse().ok()).collect()
    }
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
    /// When the delegate left the delegation; still in the record.
    pub retired_at: Option<String>,
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
    /// The section the clause is grouped under; empty when none.
    pub section: String,
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
    /// When it was tabled or received (not when it was typed); none while a private draft.
    pub tabled_at: Option<String>,
    pub session_id: Option<i64>,
    /// The organisation that sent it, when another than the track's own (a coalition, the joint track).
    pub sent_by: Option<i64>,
    /// The sender's reference: a letter number.
    pub letter_ref: String,
    /// The languages whose text waits to be brought in line with a change to another's.
    pub needs_revision: Vec<crate::words::Lang>,
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

/// A vote: for, against, abstaining.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    pub votes_for: i64,
    pub votes_against: i64,
    pub abstaining: i64,
}

/// One approval step of the settled agreement: discussion by the employees, a side's internal
/// approval, signing, registration; with a vote where there was one.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Approval {
    pub id: i64,
    pub negotiation_id: i64,
    pub step: ApprovalStep,
    pub side: Option<Side>,
    /// The body that decided: a union congress, an employers' board, the labour authority.
    pub body: String,
    pub decided_on: String,
    pub vote: Option<Vote>,
    pub approved: bool,
    pub recorded_by: String,
    pub recorded_at: String,
}

/// A clause entered in the protocol of disagreements: each side's wording, and what comes next.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProtocolEntry {
    pub id: i64,
    pub clause_id: i64,
    pub further: Further,
    pub reason: String,
    /// Each party's latest tabled text when the clause was entered.
    pub wordings: Vec<Wording>,
    pub recorded_by: String,
    pub recorded_at: String,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Wording {
    pub party_id: i64,
    pub version_id: i64,
    pub text: String,
}

/// An organisation's reservation on a clause.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reservation {
    pub id: i64,
    pub clause_id: i64,
    pub party_id: i64,
    pub text: String,
    pub recorded_by: String,
    pub recorded_at: String,
}

/// What the signed agreement obliges: who, by when, and whether done.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    pub id: i64,
    pub negotiation_id: i64,
    pub clause_id: Option<i64>,
    pub text: String,
    pub responsible: String,
    pub due_on: String,
    pub done_on: Option<String>,
}

impl Session {
    /// Whether the session has begun by `now` (a stamp): held, or being held; else still scheduled.
    pub fn has_begun(&self, now: &str) -> bool {
        self.starts_at.as_str() <= now
    }

    /// A joint meeting of the parties; a side's internal meeting (caucus) is private to that side and
    /// never "the last session".
    pub fn is_joint(&self) -> bool {
        self.kind != SessionKind::Caucus
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
    pub kind: StandardKind,
    /// For a convention, the year Kazakhstan ratified it; none when it has not (or cannot: a
    /// recommendation, a code of practice, a declaration or a law of the Republic is not ratified).
    pub ratified_kz: Option<i64>,
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
