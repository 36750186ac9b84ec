"""Keeping the index current: each save, delete and change of links of declared content.

A change to a row re-indexes every item whose entry shows it: the row itself when it is
an item, its meeting when it is a session, the meetings whose sessions a partner led.
Deleted rows are looked at before they go (their links are gone afterwards).
"""

from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_delete

from . import indexing
from .registry import ModelSource, get

# model -> [(source name, lookup from the source's model to it, or None: the item itself)]
_watched = {}
# id(row being deleted) -> the items to index again once it is gone
_pending = {}


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
