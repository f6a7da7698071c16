# Слова документов Trilogue на русском языке. Термины — по глоссарию (../shared/glossary.md):
# пункт, согласованный текст, действующая редакция, визы, протокол разногласий.

## Даты в юридическом стиле: «27 октября 2026 г.»

month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря
date = { $day } { $month } { $year } г.

## Статусы и виды

status-not_opened = не открыт
status-open = обсуждается
status-agreed_in_principle = согласовано в принципе
status-tentatively_agreed = предварительно согласовано
status-parked = отложено
status-impasse = неурегулированные разногласия
status-in_protocol = в протоколе разногласий
status-withdrawn = снято
negotiation-preparing = подготовка
negotiation-in_session = идут переговоры
negotiation-tentative_settlement = предварительное согласование
negotiation-ratified = одобрено
negotiation-rejected = отклонено
negotiation-signed = подписано
negotiation-in_force = действует
negotiation-suspended = приостановлено
session-plenary = пленарное заседание
session-caucus = внутреннее совещание стороны
session-working_group = рабочая группа
session-mediation = медиация
side-workers = работники
side-employers = работодатели
side-government = правительство
side-mediator = медиатор
language-kk = На казахском языке
language-ru = На русском языке
language-en = На английском языке
referral-working_group = рабочей группе
referral-coordinators = координаторам сторон
referral-plenary = пленарному заседанию комиссии
referral-conciliation = примирительной комиссии
referral-mediator = медиатору
referral-arbitration = трудовому арбитражу
further-talks = дальнейшие переговоры
further-conciliation = примирительная комиссия
further-next_round = следующий раунд переговоров
approval-discussion = обсуждение работниками
approval-side = одобрение стороной
approval-signing = подписание
approval-registration = уведомительная регистрация

## Записи журнала

event-status_changed = статус → { $to }
event-negotiation_status_changed = соглашение → { $to }
event-initialed = { $party }: ред. { $version } завизирована
event-version_tabled = { $party }: ред. { $version } внесена
event-session_scheduled = назначено заседание { $number }
event-minutes_written = записан протокол заседания { $number }
event-negotiation_created = переговоры созданы
event-clause_added = пункт добавлен
event-initials_voided = визы аннулированы
event-owner_set = указан владелец файла
event-table_imported = таблица импортирована
event-agreement_imported = соглашение импортировано
event-attendance_recorded = присутствие отмечено
event-organisation_added = организация добавлена
event-delegate_added = делегат добавлен
event-delegate_edited = делегат изменён
event-delegate_retired = делегат выбыл
event-clause_renumbered = пункт перенумерован
event-clause_moved = пункт перемещён
event-clause_edited = пункт изменён
event-clause_from_library = пункт начат с типовой формулировки
event-reservation_recorded = оговорка записана
event-approval_recorded = этап одобрения записан
event-commitment_added = мероприятие добавлено
event-commitment_done = мероприятие выполнено
event-ratification_recorded = голосование об одобрении записано
event-because = { $what }: { $reason }
because-text_tabled = внесен текст
because-all_initialed = все стороны завизировали один и тот же текст
because-initials_voided = новый согласованный текст (версия { $version }) аннулирует { $count ->
    [one] { $count } визу
    [few] { $count } визы
   *[other] { $count } виз
}
because-clause_reopened = предварительно согласованный пункт вновь открыт: урегулирование снова на столе переговоров
joint-text = согласованный текст

## Общее

clause = Пункт
status = Статус
status-is = Статус: { $status }
count-of = { $status }: { $count }
clauses-total = { $total ->
    [one] { $total } пункт
    [few] { $total } пункта
    [many] { $total } пунктов
   *[other] { $total } пункта
}: { $parts }
agreement-status = Статус соглашения: { $status }. { $counts }.
parties = Стороны: { $names }.
joint = Согласованный текст
base = Действующая редакция
reference-joint = согласованным текстом
reference-base = действующей редакцией
reference-party = текстом стороны { $party }
reference-since = текстом каждой стороны на заседании { $number }
reference-since-day = текстом каждой стороны на заседании { $number } ({ $date })
no-joint-text = Согласованного текста пока нет.
no-text = Текст не внесён.
version = ред. { $id }
similarity = сходство { $value }
convergence = сближение { $value }
is-reference = основа сравнения
justification = Обоснование:
marked-how = добавленное подчёркнуто, удалённое зачёркнуто

## Соглашение

texts-of = Тексты: { $author }.
texts-of-marked = Тексты: { $author }; изменения по сравнению с { $reference }.

## Сравнительная таблица и сравнение пункта

comparison-intro = Сравнительная таблица · пунктов: { $count } · изменения по сравнению с { $reference }: добавленное подчёркнуто, удалённое зачёркнуто · только внесённые тексты
comparison-texts-in = · { $language }
compared-against = { $status } · по сравнению с { $reference }

## Информация о ходе переговоров

report-title = Информация о ходе переговоров — { $title }
as-of = По состоянию на { $date }
by-topic = Ход по темам
no-topic = (без темы)
topic = Тема
clauses = Пункты
where-they-stand = Состояние
initials = Визы сторон
cell-pending = ожидается
cell-initialed = завизировано { $date }
cell-initialed-older = завизировано { $date } (ред. { $version })
cell-voided = аннулировано { $date }
sessions = Заседания
session-line = Заседание { $number } — { $date }, { $place } ({ $kind })
scheduled = назначено
approval = Одобрение
step = Этап
body = Орган
date-column = Дата
votes-for = За
votes-against = Против
abstaining = Воздержались
outcome = Итог
approved = одобрено
rejected = отклонено
step-of-side = { $step } ({ $side })
latest-events = Последние события

## Итоговый текст соглашения и протокол разногласий

final-protocol = { $title } — согласованные условия, подписываемые с протоколом разногласий
final = { $title } — итоговый текст соглашения
final-draft = { $title } — проект: не согласовано { $count ->
    [one] { $count } пункт
    [few] { $count } пункта
    [many] { $count } пунктов
   *[other] { $count } пункта
}
between = Стороны: { $names }.
carried-over = Сохраняется без изменений из действующего соглашения.
initialed-by = Завизировано: { $by } — ред. { $version }, SHA-256 { $hash }
reservation-of = Оговорка { $party }:
not-yet-agreed = Ещё не согласовано
annex = Приложение: протокол разногласий
further-procedure = Дальнейший порядок: { $further }
decided-on = решение от { $date }
in-impasse = Неурегулированные разногласия
in-impasse-referred = Неурегулированные разногласия, передано { $to }
signatures = Подписи
side = Сторона
organisations = Организации
signatory = Подписант
signature = Подпись
for-side-workers = За работников
for-side-employers = За работодателей
for-side-government = За Правительство
for-side-mediator = Медиатор
for-organisations = За { $names }

## Материалы к заседанию

packet-heading = Что изменилось с начала заседания { $number } ({ $date }, { $place })
packet-summary = { $changed ->
    [one] Изменён { $changed } пункт
    [few] Изменены { $changed } пункта
    [many] Изменено { $changed } пунктов
   *[other] Изменено { $changed } пункта
}; { $per }.
packet-new-texts = новые тексты — { $tracks }
packet-no-new-texts = новых текстов нет
packet-changed = { $party } изменила текст (ред. { $version }):
packet-tabled = { $party } внесла текст (ред. { $version }):
