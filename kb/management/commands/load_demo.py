from django.core.management.base import BaseCommand, CommandError

from pages.site_setup import ensure_site
from practices.demo.repertory import (
    load_demo_repertory,
    retire_dropped_demo_practices,
)


class Command(BaseCommand):
    help = "Create the site, its home pages and the demo repertory (safe to run again)."

    def handle(self, *args, **options):
        home = ensure_site()
        self.stdout.write(f"Site ready: home page '{home.title}'.")
        report = load_demo_repertory()
        self.stdout.write(f"Demo repertory: {report.summary()}")
        if report.aborted:
            for problem in report.rejected[:20]:
                self.stderr.write(f"  {problem}")
            raise CommandError("the demo repertory did not load")
        retired = retire_dropped_demo_practices()
        if retired:
            self.stdout.write(
                f"Unpublished {len(retired)} demo pages no longer in the demo: "
                + ", ".join(sorted({page.source_id for page in retired}))
            )
