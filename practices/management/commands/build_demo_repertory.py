from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from practices.demo.builder import build_demo_records
from practices.importers.jsonl import write_jsonl

DEFAULT_OUTPUT = Path(settings.BASE_DIR) / "practices" / "demo" / "repertory.jsonl"


class Command(BaseCommand):
    help = "Regenerate the shipped demo repertory from the real catalogues in ../shared/data."

    def add_arguments(self, parser):
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=Path(settings.BASE_DIR).parent / "shared" / "data",
        )
        parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)

    def handle(self, *args, **options):
        data_dir = options["data_dir"]
        if not data_dir.is_dir():
            raise CommandError(
                f"{data_dir} is missing: the real catalogues are needed to rebuild the demo."
            )
        with open(options["output"], "w", encoding="utf-8") as out:
            count = write_jsonl(build_demo_records(data_dir), out)
        self.stdout.write(f"{count} demo records written to {options['output']}.")
