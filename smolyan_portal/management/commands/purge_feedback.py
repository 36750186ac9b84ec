"""Delete handled accessibility feedback past its retention period (run daily from cron)."""

from django.core.management.base import BaseCommand

from smolyan_portal.models import FEEDBACK_RETENTION_MONTHS, Feedback


class Command(BaseCommand):
    help = (
        f"Delete accessibility feedback handled more than {FEEDBACK_RETENTION_MONTHS} months ago, "
        "as the privacy notice promises. Unhandled messages are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        expired = Feedback.objects.expired()
        if dry_run:
            self.stdout.write(f"{expired.count()} handled messages would be deleted.")
            return
        deleted, _by_model = expired.delete()
        self.stdout.write(f"{deleted} handled messages deleted.")
