"""The reader's own account page; allauth's views do the sign-up, sign-in and the rest."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache


@never_cache
@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """Who is signed in, with links to manage the account. Never cached: it is per reader."""
    return render(request, "accounts/overview.html")
