from django.core.management.base import BaseCommand

from desk.links import CheckPolicy, check_sources


class Command(BaseCommand):
    help = (
        "Check every practice's source URLs (timeouts, bounded concurrency, per-host "
        "rate limit, robots.txt) and record the results for the broken links report."
    )

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, help="Parallel requests")
        parser.add_argument("--timeout", type=float, help="Seconds per request")
        parser.add_argument(
            "--per-host-interval",
            type=float,
            help="Minimum seconds between two requests to one host",
        )

    def handle(self, *args, **options):
        policy = CheckPolicy.from_settings(
            workers=options["workers"],
            timeout=options["timeout"],
            per_host_interval=options["per_host_interval"],
        )
        report = check_sources(policy)
        self.stdout.write(report.summary())
