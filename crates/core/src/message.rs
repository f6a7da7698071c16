//! What the core tells a person — a refusal, a thing not found, a file it cannot read — as a code with
//! its values, never as a sentence. The app and the command line put a message into words in the
//! user's language through the catalogue (`crates/core/locales/messages/*.ftl`, one message per code);
//! front ends decide on the code and the values, never on the words.
//!
//! Each message is declared once, below: its code, its values and their types. A value that names a
//! status or a step is put into words too; a test formats every message in every language.

use fluent_bundle::{FluentArgs, FluentValue};
use serde::Serialize;

use crate::model::{ApprovalStep, ClauseStatus, NegotiationStatus, Side};
use crate::words::Words;

/// A value in a message: how it is put into words, and (for the tests) an example of it.
pub trait Value {
    fn value(&self, w: &Words) -> FluentValue<'static>;
    #[doc(hidden)]
    fn sample() -> Self;
}

impl Value for String {
    fn value(&self, _: &Words) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
    fn sample() -> Self {
        "x".into()
    }
}

macro_rules! number_values {
    ($($t:ty),*) => {$(
        impl Value for $t {
            fn value(&self, _: &Words) -> FluentValue<'static> {
                FluentValue::from(*self as f64)
            }
            fn sample() -> Self {
                2
            }
        }
    )*};
}
number_values!(i64, u64, usize);

macro_rules! named_values {
    ($($t:ty => $kind:literal),*) => {$(
        impl Value for $t {
            fn value(&self, w: &Words) -> FluentValue<'static> {
                FluentValue::from(w.name($kind, self.as_str()))
            }
            fn sample() -> Self {
                <$t as strum::VariantArray>::VARIANTS[0]
            }
        }
    )*};
}
named_values!(ClauseStatus => "status", NegotiationStatus => "negotiation", ApprovalStep => "approval", Side => "side");

/// A list, put into words as its items joined by commas.
impl<T: Value> Value for Vec<T> {
    fn value(&self, w: &Words) -> FluentValue<'static> {
        let items: Vec<String> = self
            .iter()
            .map(|v| match v.value(w) {
                FluentValue::String(s) => s.into_owned(),
                FluentValue::Number(n) => n.as_string().into_owned(),
                _ => String::new(),
            })
            .collect();
        FluentValue::from(items.join(", "))
    }
    fn sample() -> Self {
        vec![T::sample(), T::sample()]
    }
}

macro_rules! messages {
    ($( $(#[$doc:meta])* $variant:ident $({ $($field:ident : $ty:ty),* $(,)? })? ),* $(,)?) => {
        /// A message from the core: `{"code": "clause-ref-taken", "args": {"reference": "Art. 7"}}` across
        /// the IPC edge; its words are the catalogue's message of the same code.
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[derive(Debug, Clone, PartialEq, Serialize, strum::IntoStaticStr)]
        #[serde(tag = "code", content = "args", rename_all = "kebab-case")]
        #[strum(serialize_all = "kebab-case")]
        pub enum Msg {
            $( $(#[$doc])* $variant $({ $($field: $ty),* })? ),*
        }

        impl Msg {
            fn args(&self, w: &Words) -> FluentArgs<'static> {
                let mut args = FluentArgs::new();
                match self {
                    $( Msg::$variant $({ $($field),* })? => {
                        $($( args.set(stringify!($field), $field.value(w)); )*)?
                    } )*
                }
                args
            }

            /// One of each message, with example values.
            #[cfg(test)]
            pub(crate) fn samples() -> Vec<Msg> {
                vec![ $( Msg::$variant $({ $($field: Value::sample()),* })? ),* ]
            }
        }
    };
}

impl Msg {
    /// The stable code: the catalogue's message id, and what front ends decide on.
    pub fn code(&self) -> &'static str {
        self.into()
    }

    /// The message in words.
    pub fn words(&self, w: &Words) -> String {
        w.format(self.code(), &self.args(w))
    }
}

impl std::fmt::Display for Msg {
    /// In English, for logs and the tests; people get `words` in their language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Words::english()))
    }
}

messages! {
    // things not found
    NoNegotiation { id: i64 },
    NoNegotiationTitled { title: String },
    NoClause { id: i64 },
    NoClauseRef { reference: String },
    NoParty { id: i64 },
    NoPartyLabelled { label: String, labels: Vec<String> },
    NoSession { id: i64 },
    NoSessionNumber { number: i64 },
    NoVersion { id: i64 },
    NoDelegate { id: i64 },
    NoDelegateNamed { name: String },
    NoCommitment { id: i64 },
    NoStandard { code: String },
    NoLibraryClause { key: String, keys: Vec<String> },
    NoSessionHeld,
    NoReferenceColumn,

    // what the user typed, refused
    UnknownName { kind: String, value: String, allowed: Vec<String> },
    UnknownLanguage { value: String },
    /// `part` is what the text is: `text`, `status-quo`, `minutes` or `note`.
    TextTooLarge { part: String, bytes: usize, max: usize },
    NotADay { value: String },
    NotATime { value: String },
    ReceivedInFuture { value: String },
    ClauseNeedsRef,
    ClauseBeforeItself,
    NegotiationNeedsTitle,
    LabelNotAllowed { label: String },
    OrganisationNeedsName { label: String },
    NotAColour { value: String },
    DelegateNeedsName,
    DelegateRetired { name: String },
    AttendeeNotDelegate,
    ReasonRequired,
    ImpasseNeedsReferral,
    ProtocolNeedsNext,
    ApprovalNeedsSide,
    NegativeVotes,
    CommitmentNeedsText,
    ReservationNeedsText,
    MediatorDoesNotInitial { party: String },
    DraftNotInitialable { version: i64 },
    DelegateNotOfSide { delegate: i64, party: String },
    NotADocumentReference,
    NotAuthentic { lang: String, authentic: Vec<String> },
    LanguageMissing { lang: String },
    LanguagesWait { langs: Vec<String> },
    SessionElsewhere { id: i64 },
    ClauseElsewhere { id: i64 },
    ServerNotFile { url: String },
    UrlNotFile { url: String },
    NotASharedRecord { url: String },
    NotAMember { role: String },
    NotARoleName { value: String },
    NotYourName,
    NotYourSide,
    NotPermitted,
    DemoOnServer,
    NoOwnerOnServer,
    NotAServerAddress { value: String },
    ServerUnreachable { url: String, detail: String },
    WrongPassword { role: String },
    CopyByOwner,
    CopyNeedsOwner { title: String },
    CopyColumnMissing { table: String, column: String },

    // what the record already holds
    ClauseRefTaken { reference: String },
    CopyTargetNotEmpty { negotiations: i64 },
    ClauseRefAmbiguous { reference: String },
    LabelTaken { label: String },
    NegotiationTitleAmbiguous { title: String, ids: Vec<i64> },
    CommitmentDone { id: i64, day: String },
    AlreadyInitialed { party: String },
    SameText { version: i64 },
    AlreadyTabled { version: i64, at: String },
    AgreedWithoutInitials { reference: String },
    InitialedTextChanged { reference: String },
    ProtocolWithoutEntry { reference: String },

    // moves the rules do not allow
    ClauseAlready { status: ClauseStatus },
    ClauseCannotMove { from: ClauseStatus, to: ClauseStatus, allowed: Vec<ClauseStatus> },
    AgreementAlready { status: NegotiationStatus },
    AgreementCannotMove { from: NegotiationStatus, to: NegotiationStatus, allowed: Vec<NegotiationStatus> },
    AgreedNeedsInitials,
    ReopenNeedsConsent { missing: Vec<String> },
    NoProtocol,
    NotInitialable { status: ClauseStatus },
    SettlementOpen { count: usize, clauses: Vec<String>, protocol: String },
    RatifyNeedsApproval,
    RejectNeedsRejection,
    StepNotNow { step: ApprovalStep, allowed: Vec<NegotiationStatus>, status: NegotiationStatus },

    // files that are not workbenches
    NotSqlite,
    NotADatabase { detail: String },
    ForeignDatabase,
    SchemaChanged { kind: String, name: String },
    SchemaForeign { kind: String, name: String },
    SchemaMissing { kind: String, name: String },

    // files that cannot be imported
    NotUtf8,
    CsvLoneReturn,
    CsvQuoteNeverClosed,
    CsvTextAfterQuote,
    CsvQuoteInField,
    CsvNotText,
    CsvTooLarge { bytes: usize, max: usize },
    TableEmpty,
    HeaderCellEmpty,
    HeaderTwice { name: String, column: usize },
    HeaderStart { name: String },
    PartyAfterJoint { name: String },
    HeaderTooShort,
    HeaderNoParty,
    RowCells { cells: usize, header: usize },
    RowNoRef,
    RefTwice { reference: String, line: u64 },
    NoHeading,
    NumberTwice { reference: String, heading: usize },
    NotAnOrganisation { label: String, labels: Vec<String> },
    NotDocx { detail: String },
    DocxTooManyParts { parts: usize },
    DocxPartUnreadable { part: String, detail: String },
    DocxOddPath { part: String },
    DocxZipBomb { part: String, bytes: u64 },
    DocxPartTooLarge { part: String, max: u64 },
    DocxNoMainPart,
    XmlMalformed { part: String, at: u64, detail: String },
    XmlDocType { part: String },
    XmlTooDeep { part: String, depth: usize },

    // the app's own files and dialogs
    FileTooLarge { name: String, mb: u64, max: u64 },
    ChooseAgain,
    SayWhoseText,
    WriteFailed { name: String, detail: String },
    PrintFailed { detail: String },

    // the record itself, unreadable (a fault of this program or a damaged file)
    Unreadable { what: String, detail: String },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Lang;

    #[test]
    fn every_message_is_in_every_language_with_its_values() {
        for lang in Lang::ALL {
            let w = Words::new(lang);
            for m in Msg::samples() {
                let (text, errors) = w.format_checked(m.code(), &m.args(&w));
                assert!(errors.is_empty(), "{} {}: {errors:?}", lang.code(), m.code());
                assert_ne!(text, m.code(), "{} has no message {}", lang.code(), m.code());
            }
        }
    }

    #[test]
    fn a_message_crosses_the_edge_as_its_code_and_values() {
        let m = Msg::ClauseRefTaken { reference: "Art. 7".into() };
        assert_eq!(
            serde_json::to_value(&m).unwrap(),
            serde_json::json!({"code": "clause-ref-taken", "args": {"reference": "Art. 7"}})
        );
        assert_eq!(m.to_string(), "this negotiation already has a clause Art. 7");
        assert_eq!(m.words(&Words::new(Lang::Ru)), "номер «Art. 7» в этих переговорах уже занят");
    }

    #[test]
    fn statuses_in_a_message_are_in_its_language() {
        let m = Msg::ClauseAlready { status: ClauseStatus::Parked };
        assert_eq!(m.to_string(), "the clause is already parked");
        assert!(m.words(&Words::new(Lang::Ru)).contains("отложен"), "{}", m.words(&Words::new(Lang::Ru)));
    }
}
