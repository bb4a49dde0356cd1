from django.core.management.base import BaseCommand, CommandError

from contributions import kept_uploads
from contributions.models import Submission
from contributions.submission import erase_personal_data, expired_submissions


class Command(BaseCommand):
    help = (
        "Erase contributors' personal data: past the retention period (default), "
        "or one submitter's on request (--email or --reference). Every erasure is logged."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email")
        parser.add_argument("--reference")

    def handle(self, *args, **options):
        if options["email"] and options["reference"]:
            raise CommandError("give --email or --reference, not both")
        if options["email"]:
            targets = Submission.objects.filter(
                submitter_email__iexact=options["email"]
            )
            reason = "request"
        elif options["reference"]:
            targets = Submission.objects.filter(reference=options["reference"].upper())
            reason = "request"
        else:
            targets = expired_submissions()
            reason = "retention"
        count = erase_personal_data(targets.filter(erased_at__isnull=True), reason)
        kept_uploads.remove_expired()
        self.stdout.write(
            f"Erased the personal data of {count} contribution(s) ({reason})."
        )
