from django.core.management.base import BaseCommand

from desk.duplicates import refresh_duplicates


class Command(BaseCommand):
    help = (
        "Look for near-duplicate published practices (same country and language, "
        "similar title and summary) and store the pairs for the editors' report."
    )

    def handle(self, *args, **options):
        report = refresh_duplicates()
        self.stdout.write(
            f"{report.pairs} possible duplicate pairs among {report.pages} published "
            f"pages ({report.seconds:.1f}s)."
        )
