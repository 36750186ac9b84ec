"""Backups that restore: one archive of the database, the media files and a manifest.

`manage.py backup` writes the archive and `manage.py restore` puts it back and checks it
against its manifest. The database part is in `database.py`, the archive and the media
in `archive.py`; docs/deploy.md says how to run both on a schedule and in a drill.
"""


class BackupError(Exception):
    """A backup or a restore cannot go on; the message says why and what to do."""
