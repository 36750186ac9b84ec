"""Keeping the index current: each save, delete and change of links of declared content.

A change to a row re-indexes every item whose entry shows it: the row itself when it is
an item, its meeting when it is a session, the meetings whose sessions a partner led.
Deleted rows are looked at before they go (their links are gone afterwards).

Inside a transaction the items are noted, and indexed once each when it commits: an
editor's save of an article with its links and gallery is one indexing of the article,
not one per row, and a rolled-back save indexes nothing it did not keep. A search made
inside the same transaction indexes what is noted first (`flush`), so it sees its own
changes. Indexing reads an item as it is when it runs, so doing it again is harmless.
"""

import threading

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_delete

from . import indexing
from .registry import ModelSource, get

# model -> [(source name, lookup from the source's model to it, or None: the item itself)]
_watched = {}
# id(row being deleted) -> the items to index again once it is gone
_pending = {}
# This thread's items waiting for their transaction to commit ({(source name, pk)}).
_waiting = threading.local()


def watch(source):
    if isinstance(source, ModelSource):
        _follow(source.model, source.name, None)
        for model, lookup in source.related.items():
            _follow(model, source.name, lookup)
    else:
        for model in source.watch:
            _follow(model, source.name, None)
    m2m_changed.connect(_links_changed, dispatch_uid="search-links")


def _follow(model, name, lookup):
    entry = (name, lookup)
    if entry in _watched.setdefault(model, []):
        return
    _watched[model].append(entry)
    uid = f"search-{model._meta.label_lower}"
    post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}-save")
    pre_delete.connect(_deleting, sender=model, dispatch_uid=f"{uid}-deleting")
    post_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}-deleted")


def affected(instance):
    """{(source name, pk)} of the items whose entries show this row (pk None: a page)."""
    found = set()
    for name, lookup in _watched.get(type(instance), []):
        source = get(name)
        if not isinstance(source, ModelSource):
            found.add((name, None))
        elif lookup is None:
            found.add((name, instance.pk))
        else:
            pks = (
                source.model._base_manager.filter(**{lookup: instance.pk})
                .values_list("pk", flat=True)
                .distinct()
            )
            found.update((name, pk) for pk in pks)
    return found


def reindex(items):
    """Index these items again: now, or when the transaction around this commits."""
    if not items:
        return
    if not transaction.get_connection().in_atomic_block:
        _index(items)
        return
    waiting = _waiting_items()
    waiting.update(items)
    # Once per change, not once per transaction: a savepoint rolled back drops the
    # callbacks registered inside it, and the items would wait for the next change.
    transaction.on_commit(flush, robust=True)


def flush():
    """Index the items waiting for a commit now (a search in the same transaction)."""
    waiting = _waiting_items()
    if waiting:
        items = set(waiting)
        waiting.clear()
        _index(items)


def discard():
    """Forget the items waiting (their transaction was rolled back, as at a test's end)."""
    _waiting_items().clear()


def _waiting_items():
    if not hasattr(_waiting, "items"):
        _waiting.items = set()
    return _waiting.items


def _index(items):
    for name, pk in sorted(items, key=lambda item: (item[0], str(item[1]))):
        source = get(name)
        if isinstance(source, ModelSource):
            indexing.index_pk(source, pk)
        elif source is not None:
            indexing.index_page(source)


def _saved(sender, instance, raw=False, **kwargs):
    if not raw:  # fixtures load rows before their relations; rebuild the index after them
        reindex(affected(instance))


def _deleting(sender, instance, **kwargs):
    _pending[id(instance)] = affected(instance)


def _deleted(sender, instance, **kwargs):
    reindex(_pending.pop(id(instance), set()))


def _links_changed(sender, instance, action, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    items = affected(instance) if type(instance) in _watched else set()
    if pk_set and model in _watched:
        for row in model._base_manager.filter(pk__in=pk_set):
            items |= affected(row)
    reindex(items)


def index_pages_after_migrate(sender, **kwargs):
    """A deployment may change a page's text: every migrate indexes the pages again."""
    if sender.name != "search":
        return
    from django.db import connection

    from .models import IndexEntry
    from .registry import sources

    if IndexEntry._meta.db_table not in connection.introspection.table_names():
        return  # the search app was just migrated back to zero
    if not IndexEntry.objects.exclude(object_id="").exists():
        # The first migrate with search (or after the index was emptied): fill it.
        indexing.rebuild()
        return
    for source in sources():
        if not isinstance(source, ModelSource):
            indexing.index_page(source)


def connect_migrate():
    post_migrate.connect(index_pages_after_migrate, dispatch_uid="search-pages-after-migrate")
