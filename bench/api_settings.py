"""Settings of bench/api.py: the e2e stack's production settings, the anonymous API limit lifted
(every request of the load comes from 127.0.0.1), and, for the comparison only, Wagtail's own
API (``wagtail.api.v2`` on Django REST framework) at /wagtail-api/v2/. The product does not
switch it on; see docs/api.md, "Why django-ninja".
"""

from tests.e2e.settings import *  # noqa: F403
from tests.e2e.settings import INSTALLED_APPS

BROADSHEET_API_ANONYMOUS_PER_MINUTE = 100_000_000
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2", "rest_framework"]
ROOT_URLCONF = "bench.api_urls"
