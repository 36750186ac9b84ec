# Bulgarian dates as Bulgarian offices write them: "21.06.2023 г.", "21.06.2023 г., 10:00 ч.".
# Django's own Bulgarian format spells the month with a capital ("21 Юни 2023"), which
# Bulgarian does not; pages that spell the month out use the long_date filter instead.
# "г." and "ч." stay with their figures (no-break spaces): a narrow admin column breaks
# a date and time after the comma, never before "г.".
DATE_FORMAT = "d.m.Y\u00a0г."
DATETIME_FORMAT = "d.m.Y\u00a0г., H:i\u00a0ч."
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
