# The words of the documents Trilogue writes, in English. Every message here is also in kk.ftl and
# ru.ftl (a test fails otherwise). Names of statuses and kinds are looked up as KIND-NAME, NAME as the
# record stores it.

## Dates in a document's legal style

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date = { $day } { $month } { $year }

## Statuses and kinds

status-not_opened = not opened
status-open = open
status-agreed_in_principle = agreed in principle
status-tentatively_agreed = tentatively agreed
status-parked = parked
status-impasse = impasse
status-in_protocol = in the protocol of disagreements
status-withdrawn = withdrawn
negotiation-preparing = preparing
negotiation-in_session = in session
negotiation-tentative_settlement = tentative settlement
negotiation-ratified = approved
negotiation-rejected = rejected
negotiation-signed = signed
negotiation-in_force = in force
negotiation-suspended = suspended
session-plenary = plenary
session-caucus = caucus
session-working_group = working group
session-mediation = mediation
side-workers = workers
side-employers = employers
side-government = government
side-mediator = mediator
language-kk = Kazakh
language-ru = Russian
language-en = English
referral-working_group = the working group
referral-coordinators = the coordinators of the sides
referral-plenary = the commission's plenary
referral-conciliation = a conciliation commission
referral-mediator = a mediator
referral-arbitration = labour arbitration
further-talks = further talks
further-conciliation = a conciliation commission
further-next_round = the next round of negotiations
approval-discussion = discussion by the employees
approval-side = a side's approval
approval-signing = signing
approval-registration = registration

## Journal entries

event-status_changed = status → { $to }
event-negotiation_status_changed = agreement → { $to }
event-initialed = { $party } initialed version { $version }
event-version_tabled = { $party }: version { $version } tabled
event-session_scheduled = session { $number } scheduled
event-minutes_written = minutes of session { $number } written
event-negotiation_created = negotiation created
event-clause_added = clause added
event-initials_voided = initials voided
event-owner_set = workbench owner set
event-table_imported = table imported
event-agreement_imported = agreement imported
event-attendance_recorded = attendance recorded
event-organisation_added = organisation added
event-delegate_added = delegate added
event-delegate_edited = delegate changed
event-delegate_retired = delegate retired
event-clause_renumbered = clause renumbered
event-clause_moved = clause moved
event-clause_edited = clause changed
event-clause_from_library = clause started from the library
event-reservation_recorded = reservation recorded
event-approval_recorded = approval step recorded
event-commitment_added = commitment added
event-commitment_done = commitment done
event-ratification_recorded = approval vote recorded
event-because = { $what }: { $reason }
because-text_tabled = a text was tabled
because-all_initialed = every party initialed the same text
because-initials_voided = a new joint text (version { $version }) voids { $count ->
    [one] one initial
   *[other] { $count } initials
}
because-clause_reopened = a tentatively agreed clause was reopened: the settlement is back at the table
joint-text = joint text

## Shared

clause = Clause
status = Status
status-is = Status: { $status }
count-of = { $status }: { $count }
clauses-total = { $total ->
    [one] { $total } clause
   *[other] { $total } clauses
}: { $parts }
agreement-status = Agreement status: { $status }. { $counts }.
parties = Parties: { $names }.
joint = Joint text
base = Status quo
reference-joint = the joint text
reference-base = the status quo
reference-party = the text of { $party }
reference-since = each text as it stood at session { $number }
reference-since-day = each text as it stood at session { $number } ({ $date })
no-joint-text = No joint text yet.
no-text = No text tabled.
version = version { $id }
similarity = similarity { $value }
convergence = convergence { $value }
is-reference = reference
justification = Justification:
marked-how = inserted underlined, deleted struck through

## The agreement

texts-of = The texts of { $author }.
texts-of-marked = The texts of { $author }, marked against { $reference }.

## The comparison table and a clause's comparison

comparison-intro = Comparison table · { $count } clauses · changes marked against { $reference }: inserted underlined, deleted struck through · only tabled texts
comparison-texts-in = · texts in { $language }
compared-against = { $status } · compared against { $reference }

## The status report

report-title = Status report — { $title }
as-of = As of { $date }.
by-topic = Progress by topic
no-topic = (no topic)
topic = Topic
clauses = Clauses
where-they-stand = Where they stand
initials = Initials
cell-pending = pending
cell-initialed = initialed { $date }
cell-initialed-older = initialed { $date } (version { $version })
cell-voided = voided { $date }
sessions = Sessions
session-line = Session { $number } — { $date }, { $place } ({ $kind })
scheduled = scheduled
approval = Approval
step = Step
body = Body
date-column = Date
votes-for = For
votes-against = Against
abstaining = Abstaining
outcome = Outcome
approved = approved
rejected = rejected
step-of-side = { $step } ({ $side })
latest-events = Latest events

## The final agreement and its protocol of disagreements

final-protocol = { $title } — agreed terms, signed with a protocol of disagreements
final = { $title } — final agreement
final-draft = { $title } — draft: { $count ->
    [one] { $count } clause not yet agreed
   *[other] { $count } clauses not yet agreed
}
between = Between: { $names }.
carried-over = Carried over unchanged from the agreement in force.
initialed-by = Initialed: { $by } — version { $version }, SHA-256 { $hash }
reservation-of = Reservation of { $party }:
not-yet-agreed = Not yet agreed
annex = Annex: protocol of disagreements
further-procedure = Further procedure: { $further }
decided-on = decided on { $date }
in-impasse = In impasse
in-impasse-referred = In impasse, referred to { $to }
signatures = Signatures
side = Side
organisations = Organisations
signatory = Signatory
signature = Signature
for-side-workers = For the workers
for-side-employers = For the employers
for-side-government = For the government
for-side-mediator = For the mediator
for-organisations = For { $names }

## The packet

packet-heading = What changed since session { $number } ({ $date }, { $place })
packet-summary = { $changed ->
    [one] { $changed } clause changed
   *[other] { $changed } clauses changed
}; { $per }.
packet-new-texts = new texts — { $tracks }
packet-no-new-texts = no new texts
packet-changed = { $party } changed (version { $version }):
packet-tabled = { $party } tabled (version { $version }):
