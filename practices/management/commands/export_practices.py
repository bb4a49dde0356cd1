import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from practices.dataset.dumps import write_dumps
from practices.importers.export import export_jsonl
from practices.tasks import start_dumps


class Command(BaseCommand):
    help = (
        "Export practices in the JSON Lines interchange format (see docs/), or with "
        "--dump write today's dated open data dumps (CSV and JSON Lines, with SHA-256)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", default="jsonl", choices=["jsonl"])
        parser.add_argument(
            "--output", type=Path, help="File to write (default: stdout)"
        )
        parser.add_argument("--live-only", action="store_true")
        parser.add_argument(
            "--dump",
            action="store_true",
            help="Write the dated open data dumps linked from the open data page",
        )
        parser.add_argument(
            "--queue",
            action="store_true",
            help="With --dump: queue the dumps for the task worker (the weekly timer)",
        )
        parser.add_argument(
            "--directory",
            type=Path,
            help="Where --dump writes (default: settings.OPEN_DATA_DUMP_DIR)",
        )

    def handle(self, *args, **options):
        if options["dump"] and options["queue"]:
            queued = start_dumps()
            self.stdout.write(
                "dumps queued for the task worker"
                if queued
                else "dumps already queued or being written"
            )
            return
        if options["dump"]:
            for dump in write_dumps(directory=options["directory"]):
                self.stdout.write(
                    f"{dump.name}  {dump.size} bytes  sha256 {dump.sha256}"
                )
            return
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as out:
                count = export_jsonl(out, live_only=options["live_only"])
        else:
            count = export_jsonl(sys.stdout, live_only=options["live_only"])
        self.stderr.write(f"{count} practices exported.")
