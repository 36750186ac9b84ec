"""Backups that restore: one archive of the database, the media files and a manifest.

`manage.py backup` writes the archive and `manage.py restore` puts it back and checks it
against its manifest. The database part is in `database.py`, the archive and the media
in `archive.py`; docs/deploy.md says how to run both on a schedule and in a drill.

Not django-dbbackup: it would run pg_dump and SQLite's backup for us, but it writes the
database and the media as separate files with no manifest, and its restore neither refuses
a database that holds data or an archive of newer migrations, nor checks what it restored.
Those are most of what is here; the part it would replace is the two short calls in
`database.py`, and owning them lets the counts be read in pg_dump's own snapshot.
"""


class BackupError(Exception):
    """A backup or a restore cannot go on; the message says why and what to do."""
