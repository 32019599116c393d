"""Back up the whole site (database and uploaded files) to one archive, and restore it.

The database goes into the archive as Django fixtures with every primary key as it was, content
types and permissions included, so a restore gives back the same site, also from SQLite to
PostgreSQL. Uploaded files are read and written through the storage (local disk or S3 alike).
Left out: the search index (rebuilt after a restore) and sessions (everyone logs in again).
"""

import io
import json
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT_VERSION = 1
# Content types and permissions load first: saving other objects may look content types up.
DATABASE_MEMBERS = {"types.json": ["contenttypes", "auth.permission"], "database.json": []}
MANIFEST_MEMBER = "manifest.json"
MEDIA_PREFIX = "media/"
EXCLUDED_MODELS = ["sessions", "wagtailsearch"]  # wagtailsearch holds only the search index


class BackupError(Exception):
    """An archive that cannot be restored here; the message says why, in plain words."""


def create_backup(*, target):
    """Write the database and every uploaded file to the .tar.gz archive `target`.

    Returns the manifest: when, which migrations, how many objects and files.
    """
    target = Path(target)
    with tempfile.TemporaryDirectory() as folder:
        dumps = {name: Path(folder) / name for name in DATABASE_MEMBERS}
        first = DATABASE_MEMBERS["types.json"]
        call_command("dumpdata", *first, output=str(dumps["types.json"]), verbosity=0)
        call_command(
            "dumpdata",
            exclude=[*EXCLUDED_MODELS, *first],
            output=str(dumps["database.json"]),
            verbosity=0,
        )
        objects = sum(len(json.loads(dump.read_text(encoding="utf-8"))) for dump in dumps.values())
        files = list(stored_files())
        manifest = {
            "format": FORMAT_VERSION,
            "created": timezone.now().isoformat(),
            "database_vendor": connection.vendor,
            "migrations": latest_migrations(),
            "objects": objects,
            "files": len(files),
        }
        with tarfile.open(target, "w:gz") as archive:
            _add_bytes(archive, MANIFEST_MEMBER, json.dumps(manifest, indent=2).encode())
            for name, dump in dumps.items():
                archive.add(dump, arcname=name)
            for name in files:
                info = tarfile.TarInfo(MEDIA_PREFIX + name)
                info.size = default_storage.size(name)
                info.mtime = int(timezone.now().timestamp())
                info.mode = 0o644
                with default_storage.open(name, "rb") as file:
                    archive.addfile(info, file)  # streamed: videos need not fit in memory
    return manifest


def restore_backup(*, source):
    """Replace this installation's database and files with those in the archive `source`.

    Refuses an archive from a newer or unknown schema. Everything in the database is replaced
    in one transaction, so a failure leaves the installation as it was.
    """
    try:
        archive = tarfile.open(source, "r:gz")  # noqa: SIM115 - closed by the with below
    except (tarfile.TarError, OSError) as error:
        raise BackupError("Dit is geen back-up van Hart voor de Jeugd.") from error
    with archive:
        manifest = _read_manifest(archive)
        missing = _missing_migrations(manifest["migrations"])
        if missing:
            raise BackupError(
                "Dit archief komt van een nieuwere versie (migraties: "
                + ", ".join(missing[:5])
                + "). Werk deze installatie eerst bij."
            )
        media = [
            (member, _safe_name(member.name[len(MEDIA_PREFIX) :]))
            for member in archive.getmembers()
            if member.isfile() and member.name.startswith(MEDIA_PREFIX)
        ]
        with tempfile.TemporaryDirectory() as folder:
            dumps = []
            for name in DATABASE_MEMBERS:
                dumps.append(Path(folder) / name)
                dumps[-1].write_bytes(_member_bytes(archive, name))
            with transaction.atomic():
                # Content types and permissions come from the archive, with their own ids.
                call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
                for dump in dumps:
                    call_command("loaddata", str(dump), verbosity=0)
        for member, name in media:
            if default_storage.exists(name):
                default_storage.delete(name)
            saved = default_storage.save(name, File(archive.extractfile(member), name=name))
            if saved != name:
                raise BackupError(f"Het bestand {name} kon niet onder zijn eigen naam terug.")
    call_command("update_index", verbosity=0)
    return {**manifest, "restored_files": len(media)}


def stored_files(folder=""):
    """Every file name in the default storage, below `folder`, in a stable order."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:  # no upload yet: the media folder does not exist
        return
    for name in sorted(files):
        yield str(PurePosixPath(folder, name)) if folder else name
    for sub in sorted(folders):
        yield from stored_files(str(PurePosixPath(folder, sub)) if folder else sub)


def latest_migrations():
    """{app label: [applied migration names]} of this database."""
    applied = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def _missing_migrations(archived):
    here = latest_migrations()
    return [
        f"{app}.{name}"
        for app, names in archived.items()
        for name in names
        if name not in here.get(app, [])
    ]


def _read_manifest(archive):
    try:
        manifest = json.loads(_member_bytes(archive, MANIFEST_MEMBER))
    except (KeyError, ValueError) as error:
        raise BackupError("Dit is geen back-up van Hart voor de Jeugd.") from error
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Onbekende versie van het back-upformaat: {manifest.get('format')}.")
    return manifest


def _member_bytes(archive, member):
    file = archive.extractfile(member)
    if file is None:
        raise BackupError(f"{member} ontbreekt in het archief.")
    return file.read()


def _safe_name(name):
    """A storage name from the archive, refused when it would climb out of the media folder."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError(f"Onveilige bestandsnaam in het archief: {name}")
    return str(path)


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o644
    archive.addfile(info, io.BytesIO(data))
