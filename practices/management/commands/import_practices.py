from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from practices.importers.batch import run_import
from practices.importers.formats import FORMATS, row_reader
from practices.records.record import ImportFileError
from practices.services import MissingPracticeIndex
from practices.translation import translate_pending


class Command(BaseCommand):
    help = "Import practices from the OGP or Participedia exports, or our JSON Lines format."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--format", required=True, choices=FORMATS)
        parser.add_argument(
            "--facets", type=Path, help="Participedia facets file to join on id"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Validate and report only"
        )
        parser.add_argument(
            "--skip-invalid", action="store_true", help="Import the valid rows"
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publish what is imported"
        )
        parser.add_argument("--max-problems", type=int, default=50)

    def handle(self, *args, **options):
        try:
            reader = row_reader(options["format"], options["file"], options["facets"])
            report = run_import(
                reader,
                publish=options["publish"],
                dry_run=options["dry_run"],
                skip_invalid=options["skip_invalid"],
            )
        except (ImportFileError, MissingPracticeIndex) as exc:
            raise CommandError(f"{options['file']}: {exc}") from exc
        self.stdout.write(report.summary())
        limit = options["max_problems"]
        for problem in report.rejected[:limit]:
            self.stdout.write(f"  rejected {problem}")
        if len(report.rejected) > limit:
            self.stdout.write(f"  … and {len(report.rejected) - limit} more problems")
        if report.warnings:
            self.stdout.write(f"{len(report.warnings)} warnings, for example:")
            for warning in report.warnings[:10]:
                self.stdout.write(f"  warning {warning}")
        if report.aborted:
            raise CommandError("import aborted: invalid rows")
        if options["publish"] and not options["dry_run"]:
            # Published practices in one language get the other, in bulk, here rather
            # than one by one in the index queue's worker.
            translated = translate_pending(progress=True)
            self.stdout.write(translated.summary())
