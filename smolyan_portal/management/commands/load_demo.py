"""manage.py load_demo: fill an empty database with the demo content, in Bulgarian and English."""

import secrets

import reversion
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection, transaction
from django.utils import translation

from smolyan_portal.demo.bulk import BulkLoader
from smolyan_portal.demo.loader import DemoDataError, DemoLoader

DEMO_USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Load the demo content (the Smolyan +CityxChange meeting of June 2023, its projects, "
        "partners, article and documents). Running it again changes nothing. With DEBUG on it "
        "also creates the superuser 'admin' and prints its password."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset-password",
            action="store_true",
            help="Set and print a new password for the demo superuser (DEBUG only).",
        )
        parser.add_argument(
            "--bulk",
            type=int,
            metavar="N",
            help=(
                "Instead, add N generated articles with meetings, sessions, site visits, "
                "partners, projects and documents in proportion, for measuring at scale. "
                "Running it again with the same N adds nothing."
            ),
        )

    def handle(self, *args, reset_password=False, bulk=None, **options):
        if reset_password and not settings.DEBUG:
            raise CommandError("--reset-password works only with DEBUG on.")
        if bulk is not None:
            return self._bulk(bulk)

        loader = DemoLoader(self._report)
        try:
            # Outside a request no language is active; the models' translated fields and
            # slugs must not depend on the environment the command happens to run in.
            with translation.override("bg"), transaction.atomic():
                with reversion.create_revision():
                    reversion.set_comment("Demo content loaded by manage.py load_demo")
                    loader.run()
                login = self._demo_superuser(reset_password) if settings.DEBUG else None
        except (DemoDataError, DatabaseError, OSError, ValueError) as error:
            loader.discard_stored_files()
            hint = " Has `manage.py migrate` been run?" if isinstance(error, DatabaseError) else ""
            raise CommandError(f"Loading the demo content failed: {error}.{hint}") from error
        except BaseException:
            loader.discard_stored_files()
            raise

        # Printed only once the transaction has committed, so a password shown is a real one.
        if login:
            self.stdout.write(login)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def _bulk(self, count):
        if count < 1:
            raise CommandError("--bulk needs a number of articles of 1 or more.")
        try:
            with translation.override("bg"), transaction.atomic():
                created = BulkLoader(count, self._report).run()
        except DatabaseError as error:
            raise CommandError(
                f"Loading the generated content failed: {error}. Has `manage.py migrate` been run?"
            ) from error
        if created:
            # Statistics for the query planner, which SQLite gathers only when asked: without
            # them it finds an article by its slug by reading every published article. On
            # PostgreSQL a vacuum as well, as autovacuum would do some time later: the new
            # search entries wait in the pending lists of their full-text indexes until one.
            # (Not inside a caller's transaction, where no vacuum runs.)
            vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
        done = "is ready" if created else "was already there"
        self.stdout.write(self.style.SUCCESS(f"The generated set of {count} articles {done}."))

    def _report(self, label, created, present):
        parts = []
        if created:
            parts.append(f"{created} created")
        if present:
            parts.append(f"{present} already present")
        self.stdout.write(f"{label}: {', '.join(parts) or 'none'}")

    def _demo_superuser(self, reset_password):
        """Create the demo superuser or give it a new password; return what to print."""
        User = get_user_model()
        user = User._default_manager.filter(**{User.USERNAME_FIELD: DEMO_USERNAME}).first()
        if user is not None and not user.is_superuser:
            return f"A user “{DEMO_USERNAME}” exists but is not a superuser; it was left as it is."
        if user is not None and not reset_password:
            return (
                f"The demo superuser “{DEMO_USERNAME}” already exists; its password is unchanged. "
                "Run `manage.py load_demo --reset-password` to set and print a new one."
            )
        password = secrets.token_urlsafe(12)
        if user is None:
            User._default_manager.create_superuser(
                **{User.USERNAME_FIELD: DEMO_USERNAME}, email="", password=password
            )
            done = "Demo superuser created"
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
            done = "New password set for the demo superuser"
        return self.style.WARNING(
            f"{done}. Log in at /admin/ with\n"
            f"  username: {DEMO_USERNAME}\n"
            f"  password: {password}\n"
            "(shown because DEBUG is on; it is not stored anywhere else)"
        )
