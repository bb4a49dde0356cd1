from django.core.management.base import BaseCommand

from practices.copied_slugs import copied_slugs, rename_copied_slugs


class Command(BaseCommand):
    help = (
        "List the translations still at their original's slug (made before "
        "translations were named after their titles) and, with --apply, rename "
        "them: a published one is published again and its old address redirects "
        "(301) to the new one."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--apply", action="store_true", help="rename them (default: only list)"
        )

    def handle(self, *args, apply: bool, **options):
        found = copied_slugs()
        for item in found:
            note = " (waits: a draft is pending)" if item.waits_for_draft else ""
            self.stdout.write(
                f"{item.page.url_path} -> {item.new_slug} "
                f"[{'live' if item.page.live else 'draft'}]{note}"
            )
        if apply:
            renamed = rename_copied_slugs(found)
            self.stdout.write(f"{renamed} of {len(found)} renamed.")
        else:
            self.stdout.write(f"{len(found)} to rename; run with --apply to do it.")
