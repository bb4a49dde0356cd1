"""The dated dumps as background work: the weekly timer queues them once, and the
task worker writes them."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from practices.tasks import write_open_data_dumps

pytestmark = pytest.mark.django_db


def queued_dump_tasks() -> int:
    return DBTaskResult.objects.filter(
        task_path=write_open_data_dumps.module_path
    ).count()


def test_the_timer_queues_the_dumps_once(capsys):
    call_command("export_practices", "--dump", "--queue")
    call_command("export_practices", "--dump", "--queue")
    assert queued_dump_tasks() == 1
    assert "already queued" in capsys.readouterr().out


def test_the_task_writes_the_dated_dumps(settings, tmp_path, corpus):
    settings.OPEN_DATA_DUMP_DIR = tmp_path
    result = write_open_data_dumps.call()
    names = sorted(dump["name"] for dump in result["dumps"])
    written = sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".sha256")
    assert names == written
    assert any(name.endswith(".jsonl") for name in names)
