from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from practices.demo.case_file import CASES_DIR, CaseError
from practices.demo.repertory import DEMO_FILE, write_demo_repertory


class Command(BaseCommand):
    help = (
        "Write the demo repertory (practices/demo/repertory.jsonl, the interchange "
        "format) from the written cases in practices/demo/cases/."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=Path, default=CASES_DIR)
        parser.add_argument("--output", type=Path, default=DEMO_FILE)

    def handle(self, *args, **options):
        try:
            count = write_demo_repertory(options["cases"], options["output"])
        except CaseError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{count} practices written to {options['output']}.")
