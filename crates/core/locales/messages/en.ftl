# What Trilogue tells its user, in English: one message per code of `crate::message::Msg`, with the
# values the code carries. kk.ftl and ru.ftl hold the same messages (a test fails otherwise).

## Errors around the messages

not-a-workbench = { $path } is not a Trilogue workbench: { $why }
newer-schema = { $path } was written by a newer version of Trilogue (schema { $found }, this one knows up to { $known }); update Trilogue to open it — the file was left untouched
at-line = { $source }, line { $line }: { $message }
at-cell = { $source }, line { $line }, column { $column }: { $message }
in-document = { $source }: { $message }
disk-full = the disk holding the workbench is full: nothing of this change was written — free some space and try again
disk-read-only = the workbench is read-only (the file, or the disk it is on): it can be read but not changed, and nothing was written
disk-failed = the disk holding the workbench could not be written or read (is it full, or removed?): nothing of this change was written
database-failed = database error: { $detail }
migration-failed = migration failed: { $detail }
io-failed = { $detail }

## Things not found

no-negotiation = negotiation { $id } was not found
no-negotiation-titled = no negotiation is named '{ $title }': give its id or exact title
no-clause = clause { $id } was not found
no-clause-ref = no clause has the ref '{ $reference }'
no-party = organisation { $id } is not in this negotiation
no-party-labelled = no organisation '{ $label }' in this negotiation (its organisations: { $labels }, or joint)
no-session = session { $id } was not found
no-session-number = there is no session no. { $number } in this negotiation
no-version = version { $id } was not found
no-delegate = delegate { $id } was not found
no-delegate-named = no delegate named '{ $name }' in this negotiation
no-commitment = commitment { $id } was not found
no-standard = standard { $code } was not found
no-library-clause = no model clause '{ $key }' in the library (keys: { $keys })
no-session-held = no session has been held yet
no-reference-column = the comparison has no such reference column

## What the user typed, refused

unknown-name = unknown { $kind ->
        [side] side
        [role] role
        [level] level
        [closingrule] closing rule
        [further] further procedure
        [approvalstep] approval step
        [negotiationstatus] status of the agreement
        [clausestatus] status
        [referral] referral
        [sessionkind] kind of session
        [priority] priority
       *[other] { $kind }
    } '{ $value }': use one of { $allowed }
unknown-language = unknown language '{ $value }': use kk, ru or en
text-too-large = { $part ->
    [status-quo] the status-quo text
    [minutes] the minutes
    [note] the note
   *[text] the text
} is { $bytes } bytes; a clause text may be at most { $max } bytes (1 MiB)
not-a-day = '{ $value }' is not a date: write it as YYYY-MM-DD
not-a-time = '{ $value }' is not a date: write when it was received as 2026-11-20 or 2026-11-20T10:00:00+05:00
received-in-future = a text cannot have been received after now ({ $value })
clause-needs-ref = a clause needs a reference, such as 'Art. 7'
clause-before-itself = a clause cannot be moved before itself
negotiation-needs-title = a negotiation needs a title
label-not-allowed = '{ $label }' cannot be an organisation's label
organisation-needs-name = say the full name of the organisation labelled '{ $label }'
not-a-colour = '{ $value }' is not a colour: write it as #1f618d
delegate-needs-name = a delegate needs a name
delegate-retired = { $name } has retired from the delegation
attendee-not-delegate = an attendee must be a delegate of one of this negotiation's parties
reason-required = say why the status changes (a reason is required)
impasse-needs-referral = say who the impasse is referred to: the working group, the coordinators, the plenary, a conciliation commission, a mediator or labour arbitration
protocol-needs-next = say what comes next for this point: further talks, conciliation or the next round
approval-needs-side = say which side's internal approval this is
negative-votes = votes cannot be negative
commitment-needs-text = a commitment says what is to be done and who is responsible
reservation-needs-text = say what the reservation is
mediator-does-not-initial = { $party } is the mediator: only the parties initial
draft-not-initialable = version { $version } is a private draft: table it before it is initialed
delegate-not-of-side = delegate { $delegate } is not a serving delegate of { $party }'s side
not-a-document-reference = a document is marked against the joint text, the status quo or a party's text
not-authentic = { $lang } is not an authentic language of this negotiation (its languages: { $authentic })
language-missing = the text in { $lang ->
    [kk] Kazakh
    [ru] Russian
   *[en] English
} is missing: a clause is initialed in every authentic language at once
languages-wait = the text in { $langs } waits to be brought in line with the other language's: revise it before initialing
session-elsewhere = session { $id } belongs to another negotiation
clause-elsewhere = clause { $id } belongs to another negotiation
server-not-file = { $url } is a shared record on a PostgreSQL server, not a workbench file: give the path of a file
url-not-file = { $url } is a URL, not a workbench file: give the path of a file
not-a-shared-record = { $url } holds no Trilogue shared record: its owner sets one up with `trilogue server install`
not-a-member = { $role } is not a member of this shared record: ask its owner to add you (`trilogue server add-member`)
not-a-role-name = “{ $value }” cannot be a login name: use lower-case Latin letters, digits and _, starting with a letter
not-your-name = on a shared record, what you do is recorded under your own login, never under another name
not-your-side = you initial only for an organisation of your own side
not-permitted = your login may not do this on the shared record: ask its owner
demo-on-server = on a shared record the demo is loaded by its owner, into a record that holds no negotiation yet: try it in a workbench file, or ask the owner
no-owner-on-server = on a shared record everyone works for their own organisation, the one they logged in for: there is no “whose workbench” to choose
not-a-server-address = “{ $value }” is not a server’s address: it reads postgres://login@server:5432/database
server-unreachable = { $url } cannot be reached: { $detail }
wrong-password = the password of { $role } is not the one the server knows
copy-by-owner = only the shared record’s owner copies it in or out: log in as the role that installed it
copy-needs-owner = “{ $title }” has drafts or private notes but belongs to no side: say whose workbench it is (Set up) before copying it to a server, so that only that side reads them
copy-column-missing = the workbench has no column { $column } in { $table }: bring both to the same version of Trilogue first

## What the record already holds

clause-ref-taken = this negotiation already has a clause { $reference }
copy-target-not-empty = the place to copy to holds { $negotiations } negotiations already: copy into an empty shared record or a new workbench file
clause-ref-ambiguous = several negotiations have a clause '{ $reference }': name the negotiation too, or give the clause's id
label-taken = two organisations are labelled '{ $label }'
negotiation-title-ambiguous = several negotiations are titled '{ $title }': give the id ({ $ids })
commitment-done = commitment { $id } was already done on { $day }
already-initialed = { $party } has already initialed this text
same-text = the text is the same as version { $version } on this track: nothing to save
already-tabled = version { $version } was already tabled, at { $at }
agreed-without-initials = { $reference } is tentatively agreed but has no initials
initialed-text-changed = the text of { $reference } no longer matches the hash its parties initialed: run verify
protocol-without-entry = { $reference } is in the protocol but has no entry

## Moves the rules do not allow

clause-already = the clause is already { $status }
clause-cannot-move = the clause cannot go from { $from } to { $to }; from { $from } it can go to { $allowed }
agreement-already = the agreement is already { $status }
agreement-cannot-move = the agreement cannot go from { $from } to { $to }; from { $from } it can go to { $allowed }
agreed-needs-initials = a clause is tentatively agreed only when every party has initialed the same text
reopen-needs-consent = a tentatively agreed clause is reopened only with every side's consent; missing: { $missing }
no-protocol = this negotiation closes when everything is agreed: it has no protocol of disagreements
not-initialable = a clause that is { $status } cannot be initialed
settlement-open = { $protocol ->
    [yes] a tentative settlement needs every opened clause initialed, withdrawn or entered in the protocol of disagreements
   *[no] a tentative settlement needs every opened clause initialed or withdrawn
}; { $count } clause(s) are not: { $clauses }
ratify-needs-approval = the agreement is ratified only when a side or the employees have approved it and none rejected it: record the approval steps first
reject-needs-rejection = the agreement is rejected only by a recorded approval step that rejected it
step-not-now = { $step } is recorded when the agreement is { $allowed }; it is { $status }

## Files that are not workbenches

not-sqlite = it is not an SQLite database file
not-a-database = it cannot be read as a database ({ $detail })
foreign-database = it is another application's database
schema-changed = its { $kind } '{ $name }' was changed outside Trilogue; it was left untouched
schema-foreign = it holds a { $kind } '{ $name }' that Trilogue did not create; it was left untouched
schema-missing = Trilogue's { $kind } '{ $name }' is missing; it was left untouched

## Files that cannot be imported

not-utf8 = the file is not UTF-8 text: save it as UTF-8 and try again
csv-lone-return = a carriage return without a line feed
csv-quote-never-closed = a quoted cell is never closed: a quote is missing, or a quote inside the cell is not doubled
csv-text-after-quote = text follows the closing quote of a cell: a quote inside a quoted cell must be doubled ("")
csv-quote-in-field = a quote inside a cell that is not quoted: quote the whole cell and double the quote ("")
csv-not-text = the file is not UTF-8 text: save it as UTF-8 (CSV UTF-8) and import again
csv-too-large = the cell holds { $bytes } bytes; a clause text may be at most { $max } bytes (1 MiB)
table-empty = the file is empty: it needs a header row `ref,title,<party>,…`
header-cell-empty = the header cell is empty: every column needs a name
header-twice = '{ $name }' is already the header of column { $column }
header-start = the header must begin `ref,title`, not '{ $name }'
party-after-joint = party column '{ $name }' comes after joint or base
header-too-short = the header must begin `ref,title`
header-no-party = the header names no party: add a column per party after `ref,title`
row-cells = this row has { $cells } cells where the header has { $header }
row-no-ref = the clause has no ref
ref-twice = ref '{ $reference }' is already used on line { $line }
no-heading = no heading found: each clause of the agreement must start with a heading (# Article 1 …)
number-twice = clause number '{ $reference }' is used twice (first in heading { $heading })
not-an-organisation = '{ $label }' is not an organisation of this negotiation (its organisations: { $labels }; or joint)
not-docx = it is not a Word document (.docx): { $detail }
docx-too-many-parts = it holds { $parts } parts; a Word document holds far fewer
docx-part-unreadable = its part { $part } cannot be read: { $detail }
docx-odd-path = it holds a part with an odd path ({ $part })
docx-zip-bomb = its part { $part } would expand to { $bytes } bytes: refused as a zip bomb
docx-part-too-large = its part { $part } is larger than { $max } MB
docx-no-main-part = it is not a Word document: it has no main document part
xml-malformed = { $part }: malformed XML at byte { $at }: { $detail }
xml-doc-type = { $part }: it declares a document type, which a Word document never does
xml-too-deep = { $part }: nested deeper than { $depth } levels

## The app's files and dialogs

file-too-large = { $name } is { $mb } MB: Trilogue reads files up to { $max } MB
choose-again = choose the file again: another was read since
say-whose-text = say whose text this file is
write-failed = { $name } could not be written: { $detail }
print-failed = the print dialog could not be opened: { $detail }

## The record itself, unreadable

unreadable = { $what } could not be read: { $detail }
