"""Back up the whole site (database and uploaded files) to one archive, and restore it.

The database part comes in one of two forms, named in the archive's manifest:

- `pg_dump` (PostgreSQL): pg_dump's custom format (`--no-owner`), which pg_dump writes to a
  temporary file that goes into the archive from there, so the dump is never held in memory.
  `pg_restore --clean --if-exists --no-owner --single-transaction` puts it back, exactly:
  sequences, indexes and everything else the ORM does not see included.
- `json` (portable): Django fixtures with every primary key as it was, content types and
  permissions included, which `dumpdata` streams into a file and `loaddata` reads from one.
  Always on SQLite; on PostgreSQL with `backup --portable`. It restores into either database,
  so it is the way from SQLite to PostgreSQL.

A restore into a fresh database works for both: pg_restore creates the tables, and before
fixtures are loaded the migrations run. Uploaded files are read and written through the
storage (local disk or S3 alike), streamed. Left out: the search index (rebuilt after a
restore) and sessions (everyone logs in again).

pg_dump and pg_restore are called directly rather than through django-dbbackup: dbbackup
writes the database and the media as separate files through storage settings of its own,
has no place for our manifest and migration check, and would be a dependency for the two
commands it would run for us.
"""

import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT_VERSION = 2
READABLE_FORMATS = {1, 2}  # 1: from before pg_dump, always fixtures
PG_DUMP, PORTABLE = "pg_dump", "json"
PG_DUMP_MEMBER = "database.pgdump"
# Content types and permissions load first: saving other objects may look content types up.
FIXTURE_MEMBERS = {"types.json": ["contenttypes", "auth.permission"], "database.json": []}
MANIFEST_MEMBER = "manifest.json"
MEDIA_PREFIX = "media/"
EXCLUDED_APPS = ["sessions", "wagtailsearch"]  # wagtailsearch holds only the search index
# pg_dump keeps these tables but not their rows.
EXCLUDED_TABLE_DATA = ["django_session", "wagtailsearch_*"]
# libpq's environment variables for the connection settings pg_dump and pg_restore need.
LIBPQ_ENVIRONMENT = {
    "HOST": "PGHOST",
    "PORT": "PGPORT",
    "USER": "PGUSER",
    "PASSWORD": "PGPASSWORD",
}
LIBPQ_OPTIONS = {"sslmode": "PGSSLMODE", "connect_timeout": "PGCONNECT_TIMEOUT"}


class BackupError(Exception):
    """An archive that cannot be made or restored here; the message says why, in plain words."""


def create_backup(*, target: str | os.PathLike[str], portable: bool = False) -> dict[str, Any]:
    """Write the database and every uploaded file to the .tar.gz archive `target`; on
    PostgreSQL through pg_dump unless `portable` asks for fixtures.

    Returns the manifest: when, which form, which migrations, how many objects and files.
    """
    target = Path(target)
    database = PORTABLE if portable or connection.vendor != "postgresql" else PG_DUMP
    with tempfile.TemporaryDirectory() as folder:
        dumps = _dump_database(Path(folder), database)
        files = list(stored_files())
        manifest = {
            "format": FORMAT_VERSION,
            "created": timezone.now().isoformat(),
            "database_vendor": connection.vendor,
            "database": database,
            "migrations": latest_migrations(),
            "objects": count_objects(),
            "files": len(files),
        }
        with tarfile.open(target, "w:gz") as archive:
            _add_bytes(archive, MANIFEST_MEMBER, json.dumps(manifest, indent=2).encode())
            for name, dump in dumps.items():
                archive.add(dump, arcname=name)  # streamed from the file
            for name in files:
                info = tarfile.TarInfo(MEDIA_PREFIX + name)
                info.size = default_storage.size(name)
                info.mtime = int(timezone.now().timestamp())
                info.mode = 0o644
                with default_storage.open(name, "rb") as file:
                    archive.addfile(info, file)  # streamed: videos need not fit in memory
    return manifest


def restore_backup(*, source: str | os.PathLike[str]) -> dict[str, Any]:
    """Replace this installation's database and files with those in the archive `source`.

    Refuses an archive with migrations this version does not have. The database is replaced
    in one transaction, so a failure leaves it as it was.
    """
    try:
        archive = tarfile.open(source, "r:gz")  # noqa: SIM115 - closed by the with below
    except (tarfile.TarError, OSError) as error:
        raise BackupError("Dit is geen back-up van Hart voor de Jeugd.") from error
    with archive:
        manifest = _read_manifest(archive)
        database = manifest.get("database", PORTABLE)
        if database == PG_DUMP and connection.vendor != "postgresql":
            raise BackupError(
                "Deze back-up is met pg_dump van PostgreSQL gemaakt en past alleen in "
                "PostgreSQL. Maak voor een overstap een back-up met `manage.py backup "
                "--portable`."
            )
        unknown = _unknown_migrations(manifest["migrations"])
        if unknown:
            raise BackupError(
                "Dit archief komt van een nieuwere versie (migraties: "
                + ", ".join(unknown[:5])
                + "). Werk deze installatie eerst bij."
            )
        media = [
            (member, _safe_name(member.name[len(MEDIA_PREFIX) :]))
            for member in archive.getmembers()
            if member.isfile() and member.name.startswith(MEDIA_PREFIX)
        ]
        with tempfile.TemporaryDirectory() as folder:
            if database == PG_DUMP:
                _restore_pg_dump(archive, Path(folder))
            else:
                _restore_fixtures(archive, Path(folder))
        # Content type ids cached before the restore may stand for other models now.
        ContentType.objects.clear_cache()
        for member, name in media:
            if default_storage.exists(name):
                default_storage.delete(name)
            saved = default_storage.save(name, File(archive.extractfile(member), name=name))
            if saved != name:
                raise BackupError(f"Het bestand {name} kon niet onder zijn eigen naam terug.")
    call_command("update_index", verbosity=0)
    return {**manifest, "restored_files": len(media)}


def stored_files(folder: str = "") -> Iterator[str]:
    """Every file name in the default storage, below `folder`, in a stable order."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:  # no upload yet: the media folder does not exist
        return
    for name in sorted(files):
        yield str(PurePosixPath(folder, name)) if folder else name
    for sub in sorted(folders):
        yield from stored_files(str(PurePosixPath(folder, sub)) if folder else sub)


def latest_migrations() -> dict[str, list[str]]:
    """{app label: [applied migration names]} of this database."""
    applied: dict[str, list[str]] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def count_objects() -> int:
    """How many rows the backed-up models hold: the manifest's measure of a backup."""
    return sum(
        model._base_manager.count()
        for model in apps.get_models()
        if model._meta.managed and model._meta.app_label not in EXCLUDED_APPS
    )


def postgresql_tool(name: str) -> str:
    """The path of pg_dump or pg_restore, or a BackupError that says what to do."""
    program = shutil.which(name)
    if program is None:
        raise BackupError(
            f"{name} is niet gevonden. Installeer de programma's van PostgreSQL (het pakket "
            "postgresql-client, van dezelfde of een nieuwere versie dan de server), of maak "
            "een draagbare back-up met `manage.py backup --portable`."
        )
    return program


def _dump_database(folder: Path, database: str) -> dict[str, Path]:
    """{archive member: file} of the database in the form asked for."""
    if database == PG_DUMP:
        dump = folder / PG_DUMP_MEMBER
        excluded = [f"--exclude-table-data={table}" for table in EXCLUDED_TABLE_DATA]
        _run("pg_dump", "--format=custom", "--no-owner", *excluded, f"--file={dump}")
        return {PG_DUMP_MEMBER: dump}
    dumps = {name: folder / name for name in FIXTURE_MEMBERS}
    first = FIXTURE_MEMBERS["types.json"]
    call_command("dumpdata", *first, output=str(dumps["types.json"]), verbosity=0)
    call_command(
        "dumpdata",
        exclude=[*EXCLUDED_APPS, *first],
        output=str(dumps["database.json"]),
        verbosity=0,
    )
    return dumps


def _restore_pg_dump(archive: tarfile.TarFile, folder: Path) -> None:
    dump = _extract(archive, PG_DUMP_MEMBER, folder)
    connection.close()  # pg_restore drops the tables; hold no lock on them
    _run(
        "pg_restore",
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        f"--dbname={connection.settings_dict['NAME']}",
        str(dump),
    )
    if _needs_migrating():  # an archive from an older version
        call_command("migrate", interactive=False, verbosity=0)


def _restore_fixtures(archive: tarfile.TarFile, folder: Path) -> None:
    dumps = [_extract(archive, name, folder) for name in FIXTURE_MEMBERS]
    if _needs_migrating():  # a fresh database: the tables come first
        call_command("migrate", interactive=False, verbosity=0)
    with transaction.atomic():
        # Content types and permissions come from the archive, with their own ids.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        for dump in dumps:
            call_command("loaddata", str(dump), verbosity=0)


def _run(tool: str, *arguments: str) -> None:
    environment = dict(os.environ)
    settings = connection.settings_dict
    for key, variable in LIBPQ_ENVIRONMENT.items():
        if settings.get(key):
            environment[variable] = str(settings[key])
    for key, variable in LIBPQ_OPTIONS.items():
        if settings.get("OPTIONS", {}).get(key):
            environment[variable] = str(settings["OPTIONS"][key])
    environment["PGDATABASE"] = settings["NAME"]
    result = subprocess.run(  # noqa: S603 - our own arguments, no shell
        [postgresql_tool(tool), *arguments],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"{tool} gaf een fout: {result.stderr.strip()[-1000:]}")


def _needs_migrating() -> bool:
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def _unknown_migrations(archived: dict[str, list[str]]) -> list[str]:
    """The archive's migrations that this version of the code does not have."""
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    return [
        f"{app}.{name}"
        for app, names in archived.items()
        for name in names
        if (app, name) not in known
    ]


def _read_manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    try:
        manifest = json.loads(_member_bytes(archive, MANIFEST_MEMBER))
    except (KeyError, ValueError) as error:
        raise BackupError("Dit is geen back-up van Hart voor de Jeugd.") from error
    if manifest.get("format") not in READABLE_FORMATS:
        raise BackupError(f"Onbekende versie van het back-upformaat: {manifest.get('format')}.")
    return manifest


def _member_bytes(archive: tarfile.TarFile, member: str) -> bytes:
    file = archive.extractfile(member)
    if file is None:
        raise BackupError(f"{member} ontbreekt in het archief.")
    return file.read()


def _extract(archive: tarfile.TarFile, member: str, folder: Path) -> Path:
    """The archive member written to a file in `folder`, in chunks."""
    try:
        source = archive.extractfile(member)
    except KeyError:
        source = None
    if source is None:
        raise BackupError(f"{member} ontbreekt in het archief.")
    target = folder / member
    with source, target.open("wb") as file:
        shutil.copyfileobj(source, file)
    return target


def _safe_name(name: str) -> str:
    """A storage name from the archive, refused when it would climb out of the media folder."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError(f"Onveilige bestandsnaam in het archief: {name}")
    return str(path)


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o644
    archive.addfile(info, io.BytesIO(data))
