"""The admin's "Import from WordPress" screen: upload, a dry run's report, then the import."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from broadsheet.wordpress.management.commands.import_wxr import section_mapping
from broadsheet.wordpress.models import ImportRun
from broadsheet.wordpress.tasks import run_import


class UploadForm(forms.Form):
    export = forms.FileField(label=_("WordPress export (WXR file)"))
    media_dir = forms.CharField(
        label=_("Folder with a copy of wp-content/uploads/ on the server"),
        required=False,
        help_text=_("Leave empty to fetch each file from the old site."),
    )
    section_for = forms.CharField(
        label=_("Sections for categories"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One CATEGORY=SECTION-SLUG per line."),
    )

    def clean_section_for(self) -> dict[str, str]:
        lines = [line for line in self.cleaned_data["section_for"].splitlines() if line.strip()]
        try:
            return section_mapping(lines)
        except Exception as error:
            raise forms.ValidationError(str(error)) from error


def _administrators_only(request) -> None:
    if not request.user.is_superuser:
        raise PermissionDenied


def index(request):
    _administrators_only(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        run = ImportRun.objects.create(
            export=form.cleaned_data["export"],
            dry_run=True,
            media_dir=form.cleaned_data["media_dir"],
            section_for=form.cleaned_data["section_for"],
            created_by=request.user,
        )
        run_import.enqueue(run.pk)
        return redirect("wordpress_import:run", pk=run.pk)
    runs = ImportRun.objects.all()[:20]
    return TemplateResponse(request, "wordpress/admin/index.html", {"form": form, "runs": runs})


def detail(request, pk: int):
    _administrators_only(request)
    run = get_object_or_404(ImportRun, pk=pk)
    return TemplateResponse(request, "wordpress/admin/run.html", {"run": run})


@require_POST
def start(request, pk: int):
    """The real import of a file whose dry run an administrator has read."""
    _administrators_only(request)
    dry = get_object_or_404(ImportRun, pk=pk, dry_run=True, state=ImportRun.State.DONE)
    run = ImportRun.objects.create(
        export=dry.export.name,
        dry_run=False,
        media_dir=dry.media_dir,
        section_for=dry.section_for,
        created_by=request.user,
    )
    run_import.enqueue(run.pk)
    return redirect("wordpress_import:run", pk=run.pk)
