"""The backup archive: one uncompressed tar holding the database copy, the media files and
`manifest.json`, which says what the archive must give back.

The tar is not compressed: the pictures and the pg_dump file are compressed already, and a
plain tar lets a restore find the manifest without reading through the media.
"""

import datetime
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage

from smolyan_portal.backup import BackupError

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE_MEMBERS = {"postgresql": "database/postgresql.dump", "sqlite": "database/sqlite3.db"}
MEDIA_PREFIX = "media/"
NAME_PATTERN = re.compile(r"^smolyan-backup-(\d{8}T\d{6}Z)(?:-(\d+))?\.tar$")
CHUNK = 1024 * 1024


def new_archive_path(folder, now=None):
    """A new archive's path in `folder`, named by the UTC time: they sort by age."""
    now = now or datetime.datetime.now(datetime.UTC)
    stem = f"smolyan-backup-{now:%Y%m%dT%H%M%SZ}"
    path, number = folder / f"{stem}.tar", 1
    while path.exists():
        path, number = folder / f"{stem}-{number}.tar", number + 1
    return path


def archives_in(folder):
    """The backup archives in `folder`, oldest first."""
    found = []
    for path in folder.iterdir():
        if match := NAME_PATTERN.match(path.name):
            # A second archive of the same second ("…Z-1.tar") is the newer one.
            found.append(((match.group(1), int(match.group(2) or 0)), path))
    return [path for _key, path in sorted(found)]


def prune(folder, keep):
    """Delete all but the `keep` newest archives of `folder`; return the deleted paths."""
    old = archives_in(folder)[:-keep] if keep > 0 else []
    for path in old:
        path.unlink()
    return old


def code_version():
    """The version of the code: the project's, and the git commit when there is one."""
    base = Path(settings.BASE_DIR)
    with open(base / "pyproject.toml", "rb") as project:
        version = {"version": tomllib.load(project)["project"]["version"]}
    try:
        described = subprocess.run(
            ["git", "describe", "--tags", "--always", "--dirty"],
            cwd=base,
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return version
    if described.returncode == 0 and described.stdout.strip():
        version["git"] = described.stdout.strip()
    return version


def describe_code(code):
    """A manifest's code version in words, e.g. "1.0.0 (git v1.0.0-12-gcdc9376)"."""
    return f"{code.get('version', '?')}" + (f" (git {code['git']})" if code.get("git") else "")


def local_media_root():
    """MEDIA_ROOT when uploads are stored there; None with object storage (S3)."""
    if isinstance(default_storage, FileSystemStorage):
        return Path(settings.MEDIA_ROOT)
    return None


def media_files(root):
    """(name relative to root, path) of every file under root, in a stable order."""
    if root is None or not root.is_dir():
        return []
    return [
        (path.relative_to(root).as_posix(), path)
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_symlink()
    ]


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class Progress:
    """A bar of bytes copied on stderr, redrawn in place; silent when it is not a terminal."""

    def __init__(self, label, total_bytes, stream=None, width=30):
        self.label, self.total, self.width = label, total_bytes, width
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() and total_bytes > 0
        self.done, self.shown_at, self.started = 0, 0.0, time.monotonic()

    def advance(self, count):
        self.done += count
        now = time.monotonic()
        if self.enabled and (now - self.shown_at > 0.1 or self.done >= self.total):
            self.shown_at = now
            filled = self.width * self.done // self.total
            self.stream.write(
                f"\r{self.label} [{'#' * filled}{'.' * (self.width - filled)}] "
                f"{self.done / 1e6:,.1f} of {self.total / 1e6:,.1f} MB {now - self.started:5.1f}s"
            )
            self.stream.flush()

    def finish(self):
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()


class _HashingReader:
    """A file read by tarfile, hashed and counted on the way."""

    def __init__(self, source, progress):
        self.source, self.progress = source, progress
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.source.read(size)
        self.digest.update(data)
        self.progress.advance(len(data))
        return data


class ArchiveWriter:
    """A tar written under a temporary name and renamed only once it is complete."""

    def __init__(self, path):
        self.path = path
        self.partial = path.with_name(path.name + ".partial")
        self.tar = tarfile.open(self.partial, "w", format=tarfile.PAX_FORMAT)

    def add_file(self, name, source_path, progress):
        """Add the file at `source_path` as `name`; return its SHA-256."""
        info = tarfile.TarInfo(name)
        status = source_path.stat()
        info.size, info.mtime, info.mode = status.st_size, int(status.st_mtime), 0o644
        with open(source_path, "rb") as source:
            reader = _HashingReader(source, progress)
            self.tar.addfile(info, reader)
        return reader.digest.hexdigest()

    def add_json(self, name, data):
        payload = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True).encode()
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = len(payload), int(time.time()), 0o644
        self.tar.addfile(info, _BytesReader(payload))

    def commit(self):
        self.tar.close()
        self.partial.rename(self.path)

    def discard(self):
        try:
            self.tar.close()
        except OSError:
            pass  # The disk that failed the archive may fail its last block too.
        finally:
            self.partial.unlink(missing_ok=True)


class _BytesReader:
    def __init__(self, payload):
        self.payload, self.offset = payload, 0

    def read(self, size=-1):
        end = len(self.payload) if size < 0 else self.offset + size
        data, self.offset = self.payload[self.offset : end], min(end, len(self.payload))
        return data


class ArchiveReader:
    """An archive opened for a restore: its manifest, its database copy, its media."""

    def __init__(self, path):
        self.path = Path(path)
        try:
            self.tar = tarfile.open(self.path, "r:")
            self.manifest = json.load(self.tar.extractfile(MANIFEST))
        except (OSError, tarfile.TarError, KeyError, ValueError) as error:
            raise BackupError(f"{self.path} is not a readable backup archive: {error}.") from error
        if self.manifest.get("format") != FORMAT:
            raise BackupError(
                f"{self.path} has archive format {self.manifest.get('format')}; "
                f"this code reads format {FORMAT}."
            )

    def close(self):
        self.tar.close()

    def extract_database(self, folder):
        """Write the database copy into `folder`, checked against its manifest checksum."""
        database = self.manifest["database"]
        target = Path(folder) / PurePosixPath(database["file"]).name
        digest = self._copy_member(database["file"], target, None)
        if digest != database["sha256"]:
            raise BackupError(
                f"The database copy in {self.path} does not match its checksum: "
                "the archive is damaged."
            )
        return target

    def extract_media(self, root, progress):
        """Write the media files under `root`; return {name: SHA-256 of what was written}."""
        written = {}
        for member in self.tar:
            if not member.name.startswith(MEDIA_PREFIX):
                continue
            name = member.name[len(MEDIA_PREFIX) :]
            relative = PurePosixPath(name)
            # A name may not climb out of the media folder, nor be anything but a file.
            if not member.isfile() or relative.is_absolute() or ".." in relative.parts:
                raise BackupError(f"{self.path} holds an unsafe media entry: {member.name!r}.")
            target = root.joinpath(*relative.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            written[name] = self._copy_member(member, target, progress)
        return written

    def _copy_member(self, member, target, progress):
        source = self.tar.extractfile(member)
        if source is None:
            raise BackupError(f"{self.path} lacks {member}.")
        digest = hashlib.sha256()
        with source, open(target, "wb") as output:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                output.write(chunk)
                if progress is not None:
                    progress.advance(len(chunk))
        return digest.hexdigest()


def free_bytes(folder):
    return shutil.disk_usage(folder).free
