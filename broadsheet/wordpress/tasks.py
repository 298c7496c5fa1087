"""The admin's imports run here, on the worker (``TASKS``), updating their progress as they go."""

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from broadsheet.wordpress.context import Options
from broadsheet.wordpress.importer import import_wxr
from broadsheet.wordpress.models import ImportRun

PROGRESS_EVERY = 25


@task()
def run_import(run_id: int) -> str:
    run = ImportRun.objects.get(pk=run_id)
    ImportRun.objects.filter(pk=run_id).update(state=ImportRun.State.RUNNING)

    def progress(stage: str, done: int, total: int) -> None:
        if done % PROGRESS_EVERY == 0 or done == total:
            ImportRun.objects.filter(pk=run_id).update(stage=stage, done=done, total=total)

    options = Options(
        media_dir=run.media_dir, dry_run=run.dry_run, section_for=dict(run.section_for)
    )
    try:
        report = import_wxr([run.export.path], options=options, progress=progress)
    except Exception as error:
        finish(run_id, ImportRun.State.FAILED, {"errors": [f"{type(error).__name__}: {error}"]})
        raise
    state = ImportRun.State.FAILED if report.errors else ImportRun.State.DONE
    finish(run_id, state, report.as_dict())
    return state


def finish(run_id: int, state: str, report: dict) -> None:
    with transaction.atomic():
        ImportRun.objects.filter(pk=run_id).update(
            state=state, report=report, finished_at=timezone.now()
        )
