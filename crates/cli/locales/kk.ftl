# Командалық жол қазақша басып шығаратыны, ядро каталогының жанында (crates/core/locales).
# en.ftl-дегі хабарлардың бәрі осында да бар (әйтпесе тест өтпейді).

## Ядро құжаттарында жоқ атаулар

level-general = бас
level-sectoral = салалық
level-regional = өңірлік
level-enterprise = ұйым деңгейіндегі
priority-must_have = міндетті
priority-important = маңызды
priority-tradeable = айырбасқа болады
role-chair = төраға
role-coordinator = үйлестіруші
role-spokesperson = ресми өкіл
role-member = делегация мүшесі
role-expert = сарапшы
role-legal_counsel = заңгер
role-secretary = хатшы
role-translator = аудармашы
role-observer = бақылаушы

## Сәтсіздіктер

cli-error = қате: { $message }
cli-caused-by = {"  "}себебі: { $message }
cli-cannot-write = { $path } жазылмады
cli-docx-to-file = .docx тек файлға жазылады: --out ФАЙЛ беріңіз
cli-since-number = «{ $value }»: отырыс нөмірін беріңіз, мысалы since:2
cli-no-session = { $number }-отырыс жоқ; бар отырыстар: { $numbers }
cli-into-one-party = --into бір --party қабылдайды: мәтін кімдікі болса, сол ұйым
cli-give-title = келіссөздердің атауын беріңіз (--title): құжатта жалғыз жоғарғы деңгейлі тақырып жоқ
cli-party-spec = --party «{ $value }»: БЕЛГІ:ТАРАП:АТАУ түрінде жазыңыз, мысалы FTU:workers:Кәсіподақтар федерациясы
cli-author-spec = --author АТЫ=ҰЙЫМ қабылдайды: Word атаған автор және ұйымның белгісі: «{ $value }»
cli-ref-or-title = --ref, --title немесе екеуін де беріңіз
cli-journal-altered = журнал өзгертілген: { $event } жазба ({ $kind }) тізбекке сәйкес келмейді
cli-texts-altered = { $versions } редакция(лар)ның мәтіні өзгертілген: ол сақталған кездегі хэшке енді сәйкес келмейді

## Команда не істеді

cli-wrote = { $path } жазылды
cli-demo-loaded = { $id } үлгі келіссөздер: { $path }
cli-imported-table = { $clauses } тармақ, { $parties } тарап импортталды — { $id } келіссөздер: { $title }
cli-imported = { $clauses } тармақ импортталды — { $id } келіссөздер: { $title }
cli-tabled-on = { $day } енгізілді
cli-saved-draft = ішкі жоба ретінде сақталды
cli-version-saved = { $reference } тармағының { $version }-редакциясы { $state } ({ $hash })
cli-version-tabled = { $version }-редакция енгізілді: { $at }
cli-clause-now = { $reference } тармағы енді: { $status }
cli-reopened = { $reference } тармағы қайта ашылды, келісім бергендер: { $parties }
cli-agreement-now = келісім енді: { $status }
cli-scheduled-for = { $number }-отырыс белгіленді: { $at }
cli-attended = { $number }-отырысқа { $count } өкіл қатысты
cli-note-saved = { $reference } тармағына ішкі ескертпе сақталды (ешқашан экспортталмайды)
cli-minutes-written = { $number }-отырыстың хаттамасы жазылды
cli-initialed = { $party } { $reference } тармағының { $version }-редакциясына бұрыштама қойды; тармақ мәртебесі: { $status }
cli-similarity = ұқсастығы { $value }
cli-intact = { $id } келіссөздердің журналы мен мәтіндері бүтін
cli-negotiation-created = { $id } келіссөздер: { $title } — ұйымдарын қосыңыз: `org add { $id } --side …`
cli-org-added = { $label } ({ $name }) — { $id } келіссөздерде «{ $side }» тарапында
cli-delegate-of = { $id } өкіл: { $name } ({ $role }), { $party } атынан
cli-delegate = { $id } өкіл: { $name } ({ $role })
cli-delegate-retired = { $name } делегациядан шықты; жазбада қалады
cli-owner = бұл жұмыс базасы { $party } тарапынікі
cli-clause-added = { $id } тармақ: { $reference } { $title }
cli-clause-renamed = { $id } тармақ енді: { $reference } { $title }
cli-moved-before = { $reference } енді { $before } алдында тұр
cli-moved-last = { $reference } енді соңғы
cli-grouped = { $reference } — бөлім «{ $section }», тақырыптар: { $topics }; стандарттар: { $standards }
cli-in-protocol = { $reference } келіспеушіліктер хаттамасына енгізілді ({ $further })
cli-reservation = { $party } { $reference } тармағына ескертпе жазды
cli-approval = жазылды: { $step }, { $day } — { $approved ->
    [yes] мақұлданды
   *[no] қабылданбады
}
cli-commitment = { $id } міндеттеме: { $text } — { $responsible }, мерзімі { $day }
cli-commitment-done = { $id } міндеттеме { $day } орындалды

## Тізімдер

cli-joint = келісілген
cli-party-n = { $id } тарап
cli-clause-n = { $id } тармақ
cli-negotiation-n = { $id } келіссөздер
cli-session-n = { $number }-отырыс
cli-no-negotiations = әзірге келіссөздер жоқ: `trilogue-cli demo` үлгіні жүктейді, `import-table` кестені импорттайды
cli-clauses-count = { $count } тармақ
cli-draft-mark = (жоба)
cli-private-draft-mark = {" "}(ішкі жоба)
cli-nothing-found = ештеңе табылмады
cli-in-title = атауы
cli-section = бөлім: { $value }
cli-topics = тақырыптар: { $value }
cli-standards = стандарттар: { $value }
cli-stage-draft = кезең: тек біздің жобалар, ештеңе енгізілмеген
cli-stage-tabled = кезең: { $party } енгізді
cli-stage-countered = кезең: қарсы ұсыныстар, соңғысы { $party } тарапынан
cli-status-quo = қолданыстағы редакция
cli-tabled-at = { $at } енгізілді
cli-from = {" "}{ $party } тарапынан
cli-letter = , хат { $value }
cli-private-draft = ІШКІ ЖОБА
cli-by = авторы: { $author }
cli-initials = бұрыштамалар
cli-void-since = { $at } бастап КҮШІН ЖОЙДЫ
cli-initial-line = { $party }: { $version }-ред. ({ $hash }), бұрыштама қойған { $by }, { $at }
cli-language-missing = (мәтін әлі жоқ)
cli-waits-revision = (басқа тілдегі мәтінмен сәйкестендіруді күтеді)
cli-number-differs = мәтіндер { $number } санында сәйкес келмейді ({ $counts })
cli-list-differs = мәтіндердің тізімдеріндегі тармақтар саны әртүрлі ({ $counts })
cli-reservations = ескертпелер
cli-private-note = ішкі ескертпе ({ $priority }, { $at })  [ешқашан экспортталмайды]
cli-red-line = қызыл сызық: { $value }
cli-tripartite = үшжақты
cli-bipartite = екіжақты
cli-status-level = мәртебе: { $status }   деңгей: { $level }   { $kind }
cli-closing-all = бәрі келісілмейінше ештеңе келісілген жоқ
cli-closing-protocol = келісілген ережелерге келіспеушіліктер хаттамасымен қол қойылады
cli-closing = аяқталуы: { $rule }   түпнұсқа мәтіндер: { $languages }
cli-parties = тараптар: { $value }
cli-sessions-held = өткізілген отырыстар: { $count }
cli-next-session = келесі отырыс: { $number }-отырыс, { $at }, { $place }
cli-held = өткізілді
cli-scheduled = белгіленді
cli-agenda = күн тәртібі: { $value }
cli-tabled = енгізілді
cli-initialed-heading = бұрыштама қойылды
cli-since-voided = (кейін күшін жойды)
cli-minutes = отырыс хаттамасы
cli-col-clause = тармақ
cli-col-status = мәртебе
cli-pending = күтілуде
cli-voided-on = { $day } күшін жойды
cli-no-side = тарапсыз
cli-retired-on = { $day } шықты
cli-done-on = { $day } орындалды
cli-overdue = МЕРЗІМІ ӨТКЕН
cli-open = ашық

## Тараптың файлын қабылдау

cli-read-as-1251 = ескерту: { $source } Windows-1251 ретінде оқылды (электрондық кестенің «CSV»-і); келесі жолы «CSV UTF-8» ретінде сақтаңыз
cli-lost-letters = назар аударыңыз: кирилл сөзінің ішінде сұрақ белгісі тұр (алғаш { $line }-жолда): Windows-1251-де ә ғ қ ң ө ұ ү һ қазақ әріптері жоқ, кесте оларды ауыстырған; жіберушіден UTF-8 файлын сұраңыз
cli-author-as-recorded = бұрын жазылғандай
cli-author-to-record = қабылдағанда осылай жазылады
cli-author-recorded = жазылды
cli-tracked-changes = { $author } түзетулері: { $insertions } қосу, { $deletions } жою, қабылданды — { $party } мәтіні ({ $recorded })
cli-by-mark = {" "}(біздің белгі бойынша)
cli-by-title = {" "}(атауы бойынша)
cli-by-order = {" "}(реті бойынша)
cli-new-clause = жаңа тармақ
cli-matches = { $reference } сәйкес{ $how }
cli-matches-unnamed = сәйкес{ $how }
cli-text-new = жаңа
cli-text-changed = өзгерген
cli-text-same = өзгеріссіз
cli-against-sent = {" "}(біз жіберген { $version }-ред. салыстырғанда +{ $inserted } −{ $deleted } сөз)
cli-line-n = { $line }-жол
cli-not-in-file = файлда жоқ: сол күйінде қалды
cli-intake-summary = { $preview ->
    [yes] { $tabled } мәтін енгізілер еді; { $added } тармақ қосылар еді; файлда жоқ тармақтар: { $missing } — ештеңе жазылмады (алдын ала қарау)
   *[no] { $tabled } мәтін енгізілді; { $added } тармақ қосылды; файлда жоқ тармақтар: { $missing }
}
cli-server-needs-url = ортақ жазбаның серверін көрсетіңіз: --db postgres://ПАЙДАЛАНУШЫ@СЕРВЕР/БАЗА
cli-server-installed = ортақ жазба { $url } мекенжайында құрылды
cli-server-needs-password = жаңа қатысушының алғашқы құпиясөзін стандартты енгізуге беріңіз
cli-server-member-added = { $role } — қатысушы, тарап: { $side }
cli-server-owner = сіз жазбаның иесісіз: оны құрып, қатысушыларды қосасыз, ешбір тарапқа кірмейсіз
cli-copied = { $to } ішіне көшірілді: келіссөздер — { $negotiations }, жолдар — { $rows }; журналдың әр жазбасы өз хешін сақтайды
cli-copy-where = жұмыс базасы файлынан серверге (--to postgres://…) немесе серверден жұмыс базасы файлына көшіріңіз
