# Bulgarian dates as Bulgarian offices write them: "21.06.2023 г.", "21.06.2023 г., 10:00 ч.".
# Django's own Bulgarian format spells the month with a capital ("21 Юни 2023"), which
# Bulgarian does not; pages that spell the month out use the long_date filter instead.
DATE_FORMAT = "d.m.Y г."
DATETIME_FORMAT = "d.m.Y г., H:i ч."
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
