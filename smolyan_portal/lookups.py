"""A case-insensitive match that knows Cyrillic on every database we run on."""

from django.db.backends.signals import connection_created
from django.db.models import CharField, TextField, Transform


class Casefold(Transform):
    """`title_bg__casefold__contains=word.casefold()`.

    SQLite's own lower() and LIKE fold ASCII letters only, so "смолян" would not find
    "Смолян"; on SQLite a Python function does the folding, elsewhere LOWER() does.
    """

    lookup_name = "casefold"
    function = "LOWER"

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="PY_CASEFOLD", **extra_context)


def _casefold(value):
    return value.casefold() if isinstance(value, str) else value


def add_sqlite_casefold(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("PY_CASEFOLD", 1, _casefold, deterministic=True)


def register():
    CharField.register_lookup(Casefold)
    TextField.register_lookup(Casefold)
    connection_created.connect(add_sqlite_casefold, dispatch_uid="smolyan_casefold")
