from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from practices.demo.case_file import CaseError, read_cases
from practices.demo.content_report import build_report
from practices.importers.jsonl import read_jsonl
from practices.records.record import ImportFileError


class Command(BaseCommand):
    help = (
        "How deep the written content is, per language: sections filled, words, "
        "shared and deferring sentences, languages, titles, figures without "
        "provenance. Reads the written demo cases, or an interchange file."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--file",
            type=Path,
            help="an interchange (JSON Lines) file instead of the demo cases",
        )
        parser.add_argument(
            "--country", help="only practices of this country (ISO code, e.g. MX)"
        )

    def handle(self, *args, **options):
        try:
            if options["file"]:
                rows = list(read_jsonl(options["file"]))
                records = [row.record for row in rows if row.record]
                provenance = None
            else:
                cases = read_cases()
                records = [r for case in cases for r in case.to_records()]
                provenance = {case.key: case.provenance for case in cases}
        except (CaseError, ImportFileError) as exc:
            raise CommandError(str(exc)) from exc
        if options["country"]:
            records = [r for r in records if r.country == options["country"].upper()]
        report = build_report(records, provenance)
        self.stdout.write("\n".join(report.lines()))
