"""`python -m bench.compare`: our search beside Wagtail's built-in OpenSearch search.

Runs against the database and node of the current settings (by default the
development ones `make run` fills), after `make index`. The measurements are in
bench/wagtail_compare.py.
"""

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.compare", description=__doc__
    )
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument(
        "--no-reindex", action="store_true", help="keep Wagtail's index as it is"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings.dev")
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    # Models can only be imported once Django is set up.
    from bench.wagtail_compare import compare

    compare(args.repetitions, reindex_wagtail=not args.no_reindex, out=print)
    return 0


if __name__ == "__main__":
    sys.exit(main())
