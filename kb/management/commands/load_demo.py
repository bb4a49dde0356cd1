from django.core.management.base import BaseCommand

from pages.site_setup import ensure_site


class Command(BaseCommand):
    help = "Create the site, its home pages and the demo repertory (safe to run again)."

    def handle(self, *args, **options):
        home = ensure_site()
        self.stdout.write(f"Site ready: home page '{home.title}' (id {home.pk}).")
