# Trilogue құжаттарының сөздері, қазақ тілінде. Терминдер глоссарий бойынша (../shared/glossary.md);
# сенімсіз терминдердің таңдауы ui/src/lib/locales/kk.json ішіндегі _notes бөлімінде түсіндірілген.
# Сан есімнен кейін зат есім жекеше түрде қалады; реттік сандар «3-отырыс» түрінде жазылады.

## Заңдық стильдегі күндер: «2026 жылғы 27 қазан»

month-1 = қаңтар
month-2 = ақпан
month-3 = наурыз
month-4 = сәуір
month-5 = мамыр
month-6 = маусым
month-7 = шілде
month-8 = тамыз
month-9 = қыркүйек
month-10 = қазан
month-11 = қараша
month-12 = желтоқсан
date = { $year } жылғы { $day } { $month }

## Мәртебелер мен түрлер

status-not_opened = ашылмаған
status-open = талқылануда
status-agreed_in_principle = қағидатты түрде келісілді
status-tentatively_agreed = алдын ала келісілді
status-parked = кейінге қалдырылды
status-impasse = реттелмеген келіспеушілік
status-in_protocol = келіспеушіліктер хаттамасында
status-withdrawn = кері қайтарып алынды
negotiation-preparing = дайындық
negotiation-in_session = келіссөздер жүріп жатыр
negotiation-tentative_settlement = алдын ала келісім
negotiation-ratified = мақұлданды
negotiation-rejected = қабылданбады
negotiation-signed = қол қойылды
negotiation-in_force = күшінде
negotiation-suspended = тоқтатыла тұрды
session-plenary = пленарлық отырыс
session-caucus = тараптың ішкі кеңесі
session-working_group = жұмыс тобы
session-mediation = медиация
side-workers = жұмыскерлер
side-employers = жұмыс берушілер
side-government = үкімет
side-mediator = медиатор
language-kk = Қазақ тілінде
language-ru = Орыс тілінде
language-en = Ағылшын тілінде
referral-working_group = жұмыс тобына
referral-coordinators = тараптардың үйлестірушілеріне
referral-plenary = комиссияның пленарлық отырысына
referral-conciliation = татуластыру комиссиясына
referral-mediator = медиаторға
referral-arbitration = еңбек төрелігіне
further-talks = келіссөздерді жалғастыру
further-conciliation = татуластыру комиссиясы
further-next_round = келіссөздердің келесі кезеңі
approval-discussion = жұмыскерлердің талқылауы
approval-side = тараптың мақұлдауы
approval-signing = қол қою
approval-registration = хабарламалық тіркеу

## Журнал жазбалары

event-status_changed = мәртебе → { $to }
event-negotiation_status_changed = келісім → { $to }
event-initialed = { $party }: { $version }-ред. бұрыштама қойылды
event-version_tabled = { $party }: { $version }-ред. енгізілді
event-session_scheduled = { $number }-отырыс белгіленді
event-minutes_written = { $number }-отырыстың хаттамасы жазылды
event-negotiation_created = келіссөздер құрылды
event-clause_added = тармақ қосылды
event-initials_voided = бұрыштамалар күшін жойды
event-owner_set = файл иесі көрсетілді
event-table_imported = кесте импортталды
event-agreement_imported = келісім импортталды
event-attendance_recorded = қатысу белгіленді
event-organisation_added = ұйым қосылды
event-delegate_added = делегат қосылды
event-delegate_edited = делегат өзгертілді
event-delegate_retired = делегат құрамнан шықты
event-clause_renumbered = тармақтың нөмірі өзгертілді
event-clause_moved = тармақ жылжытылды
event-clause_edited = тармақ өзгертілді
event-clause_from_library = тармақ үлгі тұжырымнан басталды
event-reservation_recorded = ескертпе жазылды
event-approval_recorded = мақұлдау кезеңі жазылды
event-commitment_added = іс-шара қосылды
event-commitment_done = іс-шара орындалды
event-ratification_recorded = мақұлдау туралы дауыс беру жазылды
event-because = { $what }: { $reason }
because-text_tabled = мәтін енгізілді
because-all_initialed = барлық тараптар бір мәтінге бұрыштама қойды
because-initials_voided = жаңа келісілген мәтін ({ $version }-нұсқа) { $count } бұрыштаманың күшін жояды
because-clause_reopened = алдын ала келісілген тармақ қайта ашылды: реттеу қайтадан келіссөздер үстеліне оралды
joint-text = келісілген мәтін

## Жалпы

clause = Тармақ
status = Мәртебе
status-is = Мәртебесі: { $status }
count-of = { $status }: { $count }
clauses-total = { $total } тармақ: { $parts }
agreement-status = Келісімнің мәртебесі: { $status }. { $counts }.
parties = Тараптар: { $names }.
joint = Келісілген мәтін
base = Қолданыстағы редакция
reference-joint = келісілген мәтінмен
reference-base = қолданыстағы редакциямен
reference-party = { $party } тарабының мәтінімен
reference-since = әр тараптың { $number }-отырыстағы мәтінімен
reference-since-day = әр тараптың { $number }-отырыстағы ({ $date }) мәтінімен
no-joint-text = Келісілген мәтін әлі жоқ.
no-text = Мәтін енгізілмеген.
version = { $id }-ред.
similarity = ұқсастық { $value }
convergence = жақындасу { $value }
is-reference = салыстыру негізі
justification = Негіздеме:
marked-how = қосылғанның асты сызылған, алынғаны сызылып тасталған

## Келісім

texts-of = Мәтіндер: { $author }.
texts-of-marked = Мәтіндер: { $author }; өзгерістер { $reference } салыстырылған.

## Салыстырмалы кесте және тармақты салыстыру

comparison-intro = Салыстырмалы кесте · { $count } тармақ · өзгерістер { $reference } салыстырылған: қосылғанның асты сызылған, алынғаны сызылып тасталған · тек енгізілген мәтіндер
comparison-texts-in = · { $language }
compared-against = { $status } · { $reference } салыстырылған

## Келіссөздер барысы туралы ақпарат

report-title = Келіссөздер барысы туралы ақпарат — { $title }
as-of = { $date } жағдай бойынша.
by-topic = Тақырыптар бойынша барыс
no-topic = (тақырыпсыз)
topic = Тақырып
clauses = Тармақтар
where-they-stand = Жағдайы
initials = Тараптардың бұрыштамалары
cell-pending = күтілуде
cell-initialed = бұрыштама қойылды: { $date }
cell-initialed-older = бұрыштама қойылды: { $date } ({ $version }-ред.)
cell-voided = күшін жойды: { $date }
sessions = Отырыстар
session-line = { $number }-отырыс — { $date }, { $place } ({ $kind })
scheduled = белгіленді
approval = Мақұлдау
step = Кезең
body = Орган
date-column = Күні
votes-for = Жақтап
votes-against = Қарсы
abstaining = Қалыс қалды
outcome = Нәтижесі
approved = мақұлданды
rejected = қабылданбады
step-of-side = { $step } ({ $side })
latest-events = Соңғы оқиғалар

## Келісімнің қорытынды мәтіні және келіспеушіліктер хаттамасы

final-protocol = { $title } — келіспеушіліктер хаттамасымен қол қойылатын келісілген талаптар
final = { $title } — келісімнің қорытынды мәтіні
final-draft = { $title } — жоба: { $count } тармақ әлі келісілмеген
between = Тараптар: { $names }.
carried-over = Қолданыстағы келісімнен өзгеріссіз сақталады.
initialed-by = Бұрыштама қойылды: { $by } — { $version }-ред., SHA-256 { $hash }
reservation-of = { $party } ескертпесі:
not-yet-agreed = Әлі келісілмеген
annex = Қосымша: келіспеушіліктер хаттамасы
further-procedure = Әрі қарайғы тәртіп: { $further }
decided-on = шешім күні { $date }
in-impasse = Реттелмеген келіспеушілік
in-impasse-referred = Реттелмеген келіспеушілік, { $to } жіберілді
signatures = Қолдар
side = Тарап
organisations = Ұйымдар
signatory = Қол қоюшы
signature = Қолы
for-side-workers = Жұмыскерлер атынан
for-side-employers = Жұмыс берушілер атынан
for-side-government = Үкімет атынан
for-side-mediator = Медиатор
for-organisations = { $names } атынан

## Отырысқа арналған материалдар

packet-heading = { $number }-отырыс басталғаннан бері не өзгерді ({ $date }, { $place })
packet-summary = { $changed } тармақ өзгерді; { $per }.
packet-new-texts = жаңа мәтіндер — { $tracks }
packet-no-new-texts = жаңа мәтін жоқ
packet-changed = { $party } мәтінін өзгертті ({ $version }-ред.):
packet-tabled = { $party } мәтінін енгізді ({ $version }-ред.):
