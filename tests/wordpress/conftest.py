"""A site to import into, the export written for these tests, and a copy of its uploads."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

from tests import factories

FIXTURES = Path(__file__).parent / "fixtures"
HARBOUR = FIXTURES / "harbour.xml"


def picture_bytes(colour: str, kind: str = "JPEG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(out, kind)
    return out.getvalue()


@pytest.fixture
def uploads(tmp_path) -> Path:
    """The old site's wp-content/uploads/, without lost.jpg (attachment 204)."""
    root = tmp_path / "uploads"
    (root / "2026" / "03").mkdir(parents=True)
    (root / "2026/03/harbour.jpg").write_bytes(picture_bytes("navy"))
    (root / "2026/03/slipway.png").write_bytes(picture_bytes("olive", "PNG"))
    (root / "2026/03/timetable.pdf").write_bytes(b"%PDF-1.4 not really")
    return root


@pytest.fixture
def site_home(db):
    home = factories.make_home()
    factories.name_test_site("The Test Gazette")
    return home


def run_import(*files, media: Path | str = "", extra: tuple = ()) -> dict:
    out = io.StringIO()
    arguments = [str(f) for f in files]
    if media:
        arguments += ["--media", str(media)]
    call_command("import_wxr", *arguments, *extra, stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def imported(site_home, uploads) -> dict:
    return run_import(HARBOUR, media=uploads)
