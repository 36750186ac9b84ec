"""The names of countries as the EU's institutions write them, in Bulgarian and English.

django-countries' own Bulgarian names are partly wrong ("Холандия", "Денмарк", "ЛАтвия",
"Монтенегро") and its English ones partly long ("United States of America"). This one
list, given to django-countries as COUNTRIES_OVERRIDE, names the countries partners of
the portal come from: the EU, the rest of Europe and its neighbours, with the short names
of the Interinstitutional Style Guide. The Bulgarian is in our catalogue, under the
context "country" so that no other string of the same English words is changed.
"""

from django.utils.translation import pgettext_lazy

COUNTRY_NAMES = {
    # The member states of the EU.
    "AT": pgettext_lazy("country", "Austria"),
    "BE": pgettext_lazy("country", "Belgium"),
    "BG": pgettext_lazy("country", "Bulgaria"),
    "CY": pgettext_lazy("country", "Cyprus"),
    "CZ": pgettext_lazy("country", "Czechia"),
    "DE": pgettext_lazy("country", "Germany"),
    "DK": pgettext_lazy("country", "Denmark"),
    "EE": pgettext_lazy("country", "Estonia"),
    "ES": pgettext_lazy("country", "Spain"),
    "FI": pgettext_lazy("country", "Finland"),
    "FR": pgettext_lazy("country", "France"),
    "GR": pgettext_lazy("country", "Greece"),
    "HR": pgettext_lazy("country", "Croatia"),
    "HU": pgettext_lazy("country", "Hungary"),
    "IE": pgettext_lazy("country", "Ireland"),
    "IT": pgettext_lazy("country", "Italy"),
    "LT": pgettext_lazy("country", "Lithuania"),
    "LU": pgettext_lazy("country", "Luxembourg"),
    "LV": pgettext_lazy("country", "Latvia"),
    "MT": pgettext_lazy("country", "Malta"),
    "NL": pgettext_lazy("country", "Netherlands"),
    "PL": pgettext_lazy("country", "Poland"),
    "PT": pgettext_lazy("country", "Portugal"),
    "RO": pgettext_lazy("country", "Romania"),
    "SE": pgettext_lazy("country", "Sweden"),
    "SI": pgettext_lazy("country", "Slovenia"),
    "SK": pgettext_lazy("country", "Slovakia"),
    # The rest of Europe and the EU's neighbours.
    "AD": pgettext_lazy("country", "Andorra"),
    "AL": pgettext_lazy("country", "Albania"),
    "AM": pgettext_lazy("country", "Armenia"),
    "AZ": pgettext_lazy("country", "Azerbaijan"),
    "BA": pgettext_lazy("country", "Bosnia and Herzegovina"),
    "BY": pgettext_lazy("country", "Belarus"),
    "CH": pgettext_lazy("country", "Switzerland"),
    "GB": pgettext_lazy("country", "United Kingdom"),
    "GE": pgettext_lazy("country", "Georgia"),
    "IS": pgettext_lazy("country", "Iceland"),
    "LI": pgettext_lazy("country", "Liechtenstein"),
    "MC": pgettext_lazy("country", "Monaco"),
    "MD": pgettext_lazy("country", "Moldova"),
    "ME": pgettext_lazy("country", "Montenegro"),
    "MK": pgettext_lazy("country", "North Macedonia"),
    "NO": pgettext_lazy("country", "Norway"),
    "RS": pgettext_lazy("country", "Serbia"),
    "RU": pgettext_lazy("country", "Russia"),
    "SM": pgettext_lazy("country", "San Marino"),
    "TR": pgettext_lazy("country", "Türkiye"),
    "UA": pgettext_lazy("country", "Ukraine"),
    # Partners further away that EU projects often have.
    "CA": pgettext_lazy("country", "Canada"),
    "US": pgettext_lazy("country", "United States"),
}
