"""The finder's judged contexts and the harness that scores the finder against plain
search on them (`manage.py finder evaluate`, `make finder-eval`)."""
