"""``POST /subscriptions/bounces/``: bounces and complaints posted by a mail provider.

Authenticated by a shared secret (``BROADSHEET_BOUNCE_WEBHOOK_SECRET``) in an
``Authorization: Bearer …`` header, compared in constant time. The body is the JSON shape
``bounces.parse_webhook`` documents; a malformed body is refused whole with a 400 that says
why, so the provider retries rather than losing events.
"""

import json
import secrets

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from broadsheet.newsletters import actions, bounces


@csrf_exempt
@never_cache
@require_POST
def receive(request: HttpRequest) -> JsonResponse:
    secret = getattr(settings, "BROADSHEET_BOUNCE_WEBHOOK_SECRET", "")
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not secret:
        return JsonResponse({"error": "The bounce webhook is not configured."}, status=404)
    if not secrets.compare_digest(given.encode(), secret.encode()):
        return JsonResponse({"error": "Wrong or missing secret."}, status=401)
    try:
        events = bounces.parse_webhook(json.loads(request.body))
    except (ValueError, UnicodeDecodeError) as error:
        return JsonResponse({"error": str(error)}, status=400)
    known = sum(
        actions.record_bounce(
            email=event.email, kind=event.kind, detail=event.detail, message_id=event.message_id
        )
        for event in events
    )
    return JsonResponse({"received": len(events), "known": known})
