# Что печатает командная строка, по-русски, рядом с каталогом ядра (crates/core/locales).
# Те же сообщения, что в en.ftl (иначе тест не проходит).

## Названия, которых нет в документах ядра

level-general = генеральное
level-sectoral = отраслевое
level-regional = региональное
level-enterprise = на уровне организации
priority-must_have = обязательно
priority-important = важно
priority-tradeable = предмет обмена
role-chair = председатель
role-coordinator = координатор
role-spokesperson = официальный представитель
role-member = член делегации
role-expert = эксперт
role-legal_counsel = юрист
role-secretary = секретарь
role-translator = переводчик
role-observer = наблюдатель

## Сбои

cli-error = ошибка: { $message }
cli-caused-by = {"  "}причина: { $message }
cli-cannot-write = не удалось записать { $path }
cli-docx-to-file = файл .docx записывается только в файл: укажите --out ФАЙЛ
cli-since-number = «{ $value }»: укажите номер заседания, например since:2
cli-no-session = заседания № { $number } нет; есть заседания: { $numbers }
cli-into-one-party = --into принимает одну сторону --party: организацию, чей это текст
cli-give-title = укажите название переговоров (--title): в документе нет единственного заголовка верхнего уровня
cli-party-spec = --party «{ $value }»: запишите как ОБОЗНАЧЕНИЕ:СТОРОНА:НАИМЕНОВАНИЕ, например FTU:workers:Федерация профсоюзов
cli-author-spec = --author принимает ИМЯ=ОРГАНИЗАЦИЯ: автора, как его называет Word, и обозначение организации: «{ $value }»
cli-ref-or-title = укажите --ref, --title или оба
cli-journal-altered = журнал изменён: запись { $event } ({ $kind }) не совпадает с цепочкой
cli-texts-altered = текст редакций { $versions } изменён: он больше не совпадает с хешем, с которым был сохранён

## Что сделала команда

cli-wrote = записан { $path }
cli-demo-loaded = демонстрационные переговоры { $id } в { $path }
cli-imported-table = импортировано пунктов: { $clauses }, сторон: { $parties } — переговоры { $id }: { $title }
cli-imported = импортировано пунктов: { $clauses } — переговоры { $id }: { $title }
cli-tabled-on = внесена { $day }
cli-saved-draft = сохранена как внутренний проект
cli-version-saved = редакция { $version } пункта { $reference } { $state } ({ $hash })
cli-version-tabled = редакция { $version } внесена { $at }
cli-clause-now = пункт { $reference } теперь: { $status }
cli-reopened = пункт { $reference } снова открыт с согласия: { $parties }
cli-agreement-now = соглашение теперь: { $status }
cli-scheduled-for = заседание { $number } назначено на { $at }
cli-attended = на заседании { $number } присутствовали представители: { $count }
cli-note-saved = внутренняя заметка к пункту { $reference } сохранена (никогда не экспортируется)
cli-minutes-written = протокол заседания { $number } записан
cli-initialed = { $party } завизировала редакцию { $version } пункта { $reference }; статус пункта: { $status }
cli-similarity = сходство { $value }
cli-intact = журнал и тексты переговоров { $id } не изменены
cli-negotiation-created = переговоры { $id }: { $title } — добавьте организации: `org add { $id } --side …`
cli-org-added = { $label } ({ $name }) — на стороне «{ $side }» в переговорах { $id }
cli-delegate-of = представитель { $id }: { $name } ({ $role }) от { $party }
cli-delegate = представитель { $id }: { $name } ({ $role })
cli-delegate-retired = { $name } выбыл(а) из делегации; в записи он(а) остаётся
cli-owner = эта рабочая база принадлежит { $party }
cli-clause-added = пункт { $id }: { $reference } { $title }
cli-clause-renamed = пункт { $id } теперь: { $reference } { $title }
cli-moved-before = пункт { $reference } теперь стоит перед { $before }
cli-moved-last = пункт { $reference } теперь последний
cli-grouped = { $reference } — раздел «{ $section }», темы: { $topics }; стандарты: { $standards }
cli-in-protocol = пункт { $reference } включён в протокол разногласий ({ $further })
cli-reservation = { $party } записывает оговорку к пункту { $reference }
cli-approval = записано: { $step }, { $day } — { $approved ->
    [yes] одобрено
   *[no] отклонено
}
cli-commitment = обязательство { $id }: { $text } — { $responsible }, срок { $day }
cli-commitment-done = обязательство { $id } выполнено { $day }

## Списки

cli-joint = согласованный
cli-party-n = сторона { $id }
cli-clause-n = пункт { $id }
cli-negotiation-n = переговоры { $id }
cli-session-n = заседание { $number }
cli-no-negotiations = переговоров пока нет: `trilogue-cli demo` загружает пример, `import-table` импортирует таблицу
cli-clauses-count = { $count ->
    [one] { $count } пункт
    [few] { $count } пункта
   *[many] { $count } пунктов
}
cli-draft-mark = (проект)
cli-private-draft-mark = {" "}(внутренний проект)
cli-nothing-found = ничего не найдено
cli-in-title = название
cli-section = раздел: { $value }
cli-topics = темы: { $value }
cli-standards = стандарты: { $value }
cli-stage-draft = стадия: только наши проекты, ничего не внесено
cli-stage-tabled = стадия: внесено стороной { $party }
cli-stage-countered = стадия: встречные предложения, последнее — от { $party }
cli-status-quo = действующая редакция
cli-tabled-at = внесена { $at }
cli-from = {" "}от { $party }
cli-letter = , письмо { $value }
cli-private-draft = ВНУТРЕННИЙ ПРОЕКТ
cli-by = автор: { $author }
cli-initials = визы
cli-void-since = АННУЛИРОВАНА с { $at }
cli-initial-line = { $party }: ред. { $version } ({ $hash }), завизировал(а) { $by }, { $at }
cli-language-missing = (текста пока нет)
cli-waits-revision = (ждёт согласования с текстом на другом языке)
cli-number-differs = тексты расходятся в числе { $number } ({ $counts })
cli-list-differs = в списках текстов разное число пунктов ({ $counts })
cli-reservations = оговорки
cli-private-note = внутренняя заметка ({ $priority }, { $at })  [никогда не экспортируется]
cli-red-line = красная линия: { $value }
cli-tripartite = трёхстороннее
cli-bipartite = двустороннее
cli-status-level = статус: { $status }   уровень: { $level }   { $kind }
cli-closing-all = ничего не согласовано, пока не согласовано всё
cli-closing-protocol = согласованные положения подписываются с протоколом разногласий
cli-closing = завершение: { $rule }   аутентичные тексты: { $languages }
cli-parties = стороны: { $value }
cli-sessions-held = проведено заседаний: { $count }
cli-next-session = следующее заседание: № { $number }, { $at }, { $place }
cli-held = проведено
cli-scheduled = назначено
cli-agenda = повестка: { $value }
cli-tabled = внесено
cli-initialed-heading = завизировано
cli-since-voided = (впоследствии аннулирована)
cli-minutes = протокол заседания
cli-col-clause = пункт
cli-col-status = статус
cli-pending = ожидается
cli-voided-on = аннулирована { $day }
cli-no-side = без стороны
cli-retired-on = выбыл(а) { $day }
cli-done-on = выполнено { $day }
cli-overdue = ПРОСРОЧЕНО
cli-open = открыто

## Приём файла стороны

cli-read-as-1251 = примечание: { $source } прочитан как Windows-1251 («CSV» электронной таблицы); в следующий раз сохраните как «CSV UTF-8»
cli-lost-letters = внимание: внутри кириллического слова стоит вопросительный знак (впервые в строке { $line }): в Windows-1251 нет казахских букв ә ғ қ ң ө ұ ү һ, и таблица их заменила; попросите отправителя прислать файл в UTF-8
cli-author-as-recorded = как записано ранее
cli-author-to-record = будет записано при приёме
cli-author-recorded = записано
cli-tracked-changes = исправления автора { $author }: вставок { $insertions }, удалений { $deletions }, приняты — текст { $party } ({ $recorded })
cli-by-mark = {" "}(по нашей метке)
cli-by-title = {" "}(по названию)
cli-by-order = {" "}(по порядку)
cli-new-clause = новый пункт
cli-matches = соответствует { $reference }{ $how }
cli-matches-unnamed = соответствует{ $how }
cli-text-new = новый
cli-text-changed = изменён
cli-text-same = без изменений
cli-against-sent = {" "}(+{ $inserted } −{ $deleted } слов по сравнению с отправленной нами ред. { $version })
cli-line-n = строка { $line }
cli-not-in-file = нет в файле: оставлен как есть
cli-intake-summary = { $preview ->
    [yes] будет внесено текстов: { $tabled }; будет добавлено пунктов: { $added }; нет в файле пунктов: { $missing } — ничего не записано (предпросмотр)
   *[no] внесено текстов: { $tabled }; добавлено пунктов: { $added }; нет в файле пунктов: { $missing }
}
cli-server-needs-url = укажите сервер общей записи: --db postgres://ПОЛЬЗОВАТЕЛЬ@СЕРВЕР/БАЗА
cli-server-installed = общая запись создана на { $url }
cli-server-needs-password = передайте первый пароль нового участника на стандартный ввод
cli-server-member-added = { $role } — участник, сторона { $side }
cli-server-owner = вы владелец записи: вы создаёте её и добавляете участников, и не входите ни в одну сторону
cli-copied = скопировано переговоров: { $negotiations }, строк: { $rows }, в { $to }; каждая запись журнала сохраняет свой хеш
cli-copy-where = копируйте из файла рабочей базы на сервер (--to postgres://…) или с сервера в файл рабочей базы
