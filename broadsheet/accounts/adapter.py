"""How allauth's account flows fit Broadsheet (``ACCOUNT_ADAPTER`` points here)."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import user_username
from allauth.core import context
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest
from wagtail.models import Site

from broadsheet.core.models import SiteSettings


class AccountAdapter(DefaultAccountAdapter):
    def populate_username(self, request: HttpRequest, user: AbstractBaseUser) -> None:
        """Give readers who chose no username a neutral one, never derived from their email.

        allauth would build it from the address ("jo.bloggs@..." -> "jo.bloggs"), and user
        names can appear in public next to comments, where an email must never show.
        """
        if not user_username(user):
            user_username(user, self.generate_unique_username(["reader"]))

    def format_email_subject(self, subject: str) -> str:
        """Prefix subjects with the site's name from Site settings, not the host name."""
        request = context.request
        site = Site.find_for_request(request) if request is not None else None
        name = SiteSettings.for_site(site).site_name if site else settings.WAGTAIL_SITE_NAME
        return f"[{name}] {subject}"
