# What the command line prints, in English, beside the core's catalogue (crates/core/locales).
# kk.ftl and ru.ftl hold the same messages (a test fails otherwise).

## Names the core's documents do not use

level-general = general
level-sectoral = sectoral
level-regional = regional
level-enterprise = enterprise
priority-must_have = must have
priority-important = important
priority-tradeable = tradeable
role-chair = chair
role-coordinator = coordinator
role-spokesperson = spokesperson
role-member = member
role-expert = expert
role-legal_counsel = legal counsel
role-secretary = secretary
role-translator = translator
role-observer = observer

## Failures

cli-error = error: { $message }
cli-caused-by = {"  "}caused by: { $message }
cli-cannot-write = cannot write { $path }
cli-docx-to-file = a .docx goes to a file: give --out FILE
cli-since-number = '{ $value }': give a session number, as since:2
cli-no-session = there is no session { $number }; the sessions are: { $numbers }
cli-into-one-party = --into takes one --party: the organisation whose text this is
cli-give-title = give the negotiation a --title: the document has no single top-level heading to take it from
cli-party-spec = --party '{ $value }': write it as LABEL:SIDE:NAME, for example FTU:workers:Federation of Trade Unions
cli-author-spec = --author takes NAME=ORG, the author as Word names them and the organisation's label: '{ $value }'
cli-ref-or-title = give --ref, --title or both
cli-journal-altered = the journal was altered: event { $event } ({ $kind }) does not match the chain
cli-texts-altered = the text of version(s) { $versions } was altered: it no longer matches the hash it was saved with

## What a command did

cli-wrote = wrote { $path }
cli-demo-loaded = demo negotiation { $id } in { $path }
cli-imported-table = imported { $clauses } clauses of { $parties } parties as negotiation { $id }: { $title }
cli-imported = imported { $clauses } clauses as negotiation { $id }: { $title }
cli-tabled-on = tabled { $day }
cli-saved-draft = saved as a private draft
cli-version-saved = version { $version } of { $reference } { $state } ({ $hash })
cli-version-tabled = version { $version } tabled at { $at }
cli-clause-now = { $reference } is now { $status }
cli-reopened = { $reference } is open again, with the consent of { $parties }
cli-agreement-now = the agreement is now { $status }
cli-scheduled-for = session { $number } scheduled for { $at }
cli-attended = { $count } delegate(s) attended session { $number }
cli-note-saved = private note on { $reference } saved (never exported)
cli-minutes-written = minutes of session { $number } written
cli-initialed = { $party } initialed version { $version } of { $reference }; the clause is { $status }
cli-similarity = similarity { $value }
cli-intact = the journal and the texts of negotiation { $id } are intact
cli-negotiation-created = negotiation { $id }: { $title } — add its organisations with `org add { $id } --side …`
cli-org-added = { $label } ({ $name }) sits on the { $side } side of negotiation { $id }
cli-delegate-of = delegate { $id }: { $name } ({ $role }) for { $party }
cli-delegate = delegate { $id }: { $name } ({ $role })
cli-delegate-retired = { $name } has retired; they stay in the record
cli-owner = this workbench is { $party }'s
cli-clause-added = clause { $id }: { $reference } { $title }
cli-clause-renamed = clause { $id } is now { $reference } { $title }
cli-moved-before = { $reference } now comes before { $before }
cli-moved-last = { $reference } now comes last
cli-grouped = { $reference } — section '{ $section }', topics: { $topics }; standards: { $standards }
cli-in-protocol = { $reference } is entered in the protocol of disagreements ({ $further })
cli-reservation = { $party } records a reservation on { $reference }
cli-approval = recorded: { $step } on { $day } — { $approved ->
    [yes] approved
   *[no] rejected
}
cli-commitment = commitment { $id }: { $text } — { $responsible } by { $day }
cli-commitment-done = commitment { $id } done on { $day }

## Listings

cli-joint = joint
cli-party-n = party { $id }
cli-clause-n = clause { $id }
cli-negotiation-n = negotiation { $id }
cli-session-n = session { $number }
cli-no-negotiations = no negotiations yet: `trilogue-cli demo` loads an example, `import-table` imports one
cli-clauses-count = { $count } clauses
cli-draft-mark = (draft)
cli-private-draft-mark = {" "}(private draft)
cli-nothing-found = nothing found
cli-in-title = title
cli-section = section: { $value }
cli-topics = topics: { $value }
cli-standards = standards: { $value }
cli-stage-draft = stage: our drafts only, nothing tabled
cli-stage-tabled = stage: tabled by { $party }
cli-stage-countered = stage: countered, last by { $party }
cli-status-quo = status quo
cli-tabled-at = tabled { $at }
cli-from = {" "}from { $party }
cli-letter = , letter { $value }
cli-private-draft = PRIVATE DRAFT
cli-by = by { $author }
cli-initials = initials
cli-void-since = VOID since { $at }
cli-initial-line = { $party }: v{ $version } ({ $hash }) by { $by } at { $at }
cli-language-missing = (no text yet)
cli-waits-revision = (waits to be brought in line with the other language)
cli-number-differs = the texts differ in the number { $number } ({ $counts })
cli-list-differs = the texts' lists have different numbers of items ({ $counts })
cli-reservations = reservations
cli-private-note = private note ({ $priority }, { $at })  [never exported]
cli-red-line = red line: { $value }
cli-tripartite = tripartite
cli-bipartite = bipartite
cli-status-level = status: { $status }   level: { $level }   { $kind }
cli-closing-all = nothing is agreed until everything is agreed
cli-closing-protocol = the agreed terms are signed with a protocol of disagreements
cli-closing = closing: { $rule }   authentic: { $languages }
cli-parties = parties: { $value }
cli-sessions-held = sessions held: { $count }
cli-next-session = next session: no. { $number } on { $at } at { $place }
cli-held = held
cli-scheduled = scheduled
cli-agenda = agenda: { $value }
cli-tabled = tabled
cli-initialed-heading = initialed
cli-since-voided = (since voided)
cli-minutes = minutes
cli-col-clause = clause
cli-col-status = status
cli-pending = pending
cli-voided-on = voided { $day }
cli-no-side = no side
cli-retired-on = retired { $day }
cli-done-on = done { $day }
cli-overdue = OVERDUE
cli-open = open

## Taking a party's file in

cli-read-as-1251 = note: { $source } was read as Windows-1251 (a spreadsheet's "CSV"); save as CSV UTF-8 next time
cli-lost-letters = warning: a question mark stands inside a Cyrillic word (first on line { $line }): Windows-1251 cannot hold the Kazakh letters ә ғ қ ң ө ұ ү һ, which the spreadsheet replaced; ask the sender for a UTF-8 file
cli-author-as-recorded = as recorded before
cli-author-to-record = recorded so when taken in
cli-author-recorded = recorded
cli-tracked-changes = tracked changes by { $author }: { $insertions } insertion(s), { $deletions } deletion(s), taken as accepted — { $party }'s ({ $recorded })
cli-by-mark = {" "}(by our mark)
cli-by-title = {" "}(by title)
cli-by-order = {" "}(by order)
cli-new-clause = new clause
cli-matches = matches { $reference }{ $how }
cli-matches-unnamed = matches{ $how }
cli-text-new = new
cli-text-changed = changed
cli-text-same = unchanged
cli-against-sent = {" "}(+{ $inserted } −{ $deleted } words against v{ $version } we sent)
cli-line-n = line { $line }
cli-not-in-file = not in the file: left as it is
cli-intake-summary = { $preview ->
    [yes] would table { $tabled } text(s); would add { $added } clause(s); { $missing } clause(s) not in the file — nothing written (preview)
   *[no] tabled { $tabled } text(s); added { $added } clause(s); { $missing } clause(s) not in the file
}
cli-server-needs-url = give the shared record's server with --db postgres://USER@HOST/DATABASE
cli-server-installed = the shared record is set up at { $url }
cli-server-needs-password = give the new member's first password on standard input
cli-server-member-added = { $role } is a member, for the side of the { $side }
cli-server-owner = you are the record's owner: you set it up and add its members, and belong to no side
cli-copied = copied { $negotiations } negotiation(s), { $rows } rows, to { $to }; every journal entry keeps its hash
cli-copy-where = copy from a workbench file to a server (--to postgres://…), or from a server to a workbench file
