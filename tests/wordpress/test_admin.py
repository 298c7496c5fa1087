"""The admin's "Import from WordPress" screen: upload, dry run report, then the import."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from broadsheet.articles.models import ArticlePage
from broadsheet.comments.models import Comment
from broadsheet.wordpress.models import ImportRun
from tests.wordpress.conftest import HARBOUR

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_folder(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"


@pytest.fixture
def administrator(client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "pw")
    client.force_login(user)
    return user


def upload(client, uploads):
    export = SimpleUploadedFile("harbour.xml", HARBOUR.read_bytes(), content_type="text/xml")
    return client.post(
        "/admin/wordpress-import/",
        {"export": export, "media_dir": str(uploads), "section_for": "regatta=rowing"},
    )


def test_upload_runs_a_dry_run_first_and_shows_its_report(
    site_home, uploads, administrator, client, settings
):
    response = upload(client, uploads)
    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/wordpress-import/{run.pk}/"
    assert run.dry_run and run.state == ImportRun.State.DONE
    assert run.report["kinds"]["post"]["counts"]["created"] == 6
    assert ArticlePage.objects.count() == 0  # a dry run changes nothing
    assert run.export.path.startswith(str(settings.VAR_DIR / "wordpress-imports"))
    assert not run.export.path.startswith(str(settings.MEDIA_ROOT))
    page = client.get(response["Location"]).content.decode()
    assert "Run the import" in page
    assert "skipped 107: status trash" in page
    assert "lost.jpg is not in the media folder" in page


def test_the_import_starts_from_the_dry_run_and_reports_progress(
    site_home, uploads, administrator, client
):
    upload(client, uploads)
    dry = ImportRun.objects.get()
    response = client.post(f"/admin/wordpress-import/{dry.pk}/start/")
    run = ImportRun.objects.exclude(pk=dry.pk).get()
    assert response["Location"] == f"/admin/wordpress-import/{run.pk}/"
    assert not run.dry_run and run.state == ImportRun.State.DONE
    # Indexing for search comes last: six articles, two plain pages.
    assert (run.stage, run.done, run.total) == ("indexing", 8, 8)
    assert ArticlePage.objects.count() == 6
    assert Comment.objects.count() == 5
    assert ArticlePage.objects.get(slug="regatta-results").get_parent().slug == "rowing"
    assert "Run the import" not in client.get(response["Location"]).content.decode()


def test_only_administrators_see_the_screen(site_home, client):
    editor = get_user_model().objects.create_user("ed", "ed@example.org", "pw", is_staff=True)
    editor.user_permissions.add(*_admin_access())
    client.force_login(editor)
    refused = client.get("/admin/wordpress-import/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail's refusal
    assert "Import from WordPress" not in client.get("/admin/").content.decode()


def _admin_access():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename="access_admin")
