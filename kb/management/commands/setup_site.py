from django.core.management.base import BaseCommand

from pages.site_setup import ensure_site


class Command(BaseCommand):
    help = (
        "Create the locales, home pages, practice indexes and the about, privacy and "
        "contact pages where missing (safe to run again; never overwrites edits)."
    )

    def handle(self, *args, **options):
        home = ensure_site()
        self.stdout.write(f"Site ready: home page '{home.title}'.")
