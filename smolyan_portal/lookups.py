"""Case-insensitive matching that knows Cyrillic on SQLite too.

Django's `icontains` (every admin list's search, every autocomplete) is SQL's LIKE.
PostgreSQL compares UPPER() of both sides, which knows every alphabet; SQLite's own LIKE
folds ASCII letters only, so "смолян" would not find "Смолян". On SQLite, LIKE is
therefore replaced for each connection by a Python function with the same syntax
(`%`, `_`, ESCAPE) that folds the case of every letter.
"""

import functools
import re

from django.db.backends.signals import connection_created


@functools.lru_cache(maxsize=512)
def _pattern(pattern, escape):
    parts, index = [], 0
    while index < len(pattern):
        char = pattern[index]
        if escape and char == escape and index + 1 < len(pattern):
            parts.append(re.escape(pattern[index + 1]))
            index += 2
            continue
        parts.append(".*" if char == "%" else "." if char == "_" else re.escape(char))
        index += 1
    return re.compile("".join(parts), re.DOTALL)


def like(pattern, value, escape=None):
    """SQL's `value LIKE pattern ESCAPE escape`, ignoring case in any alphabet."""
    if pattern is None or value is None:
        return None
    compiled = _pattern(str(pattern).casefold(), escape)
    return compiled.fullmatch(str(value).casefold()) is not None


def add_sqlite_like(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        for arguments in (2, 3):
            connection.connection.create_function("like", arguments, like, deterministic=True)


def register():
    connection_created.connect(add_sqlite_like, dispatch_uid="smolyan_unicode_like")
