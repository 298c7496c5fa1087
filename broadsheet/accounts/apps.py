from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Reader accounts: django-allauth's sign-up, verification and sign-in, in our templates."""

    name = "broadsheet.accounts"
    label = "accounts"
    verbose_name = "Reader accounts"
