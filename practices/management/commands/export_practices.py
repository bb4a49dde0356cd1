import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from practices.importers.export import export_jsonl


class Command(BaseCommand):
    help = "Export practices in the JSON Lines interchange format (see docs/)."

    def add_arguments(self, parser):
        parser.add_argument("--format", default="jsonl", choices=["jsonl"])
        parser.add_argument(
            "--output", type=Path, help="File to write (default: stdout)"
        )
        parser.add_argument("--live-only", action="store_true")

    def handle(self, *args, **options):
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as out:
                count = export_jsonl(out, live_only=options["live_only"])
        else:
            count = export_jsonl(sys.stdout, live_only=options["live_only"])
        self.stderr.write(f"{count} practices exported.")
