"""What the newsletters app announces to apps above it (webhooks, for one)."""

import django.dispatch

#: Sent with ``edition=`` once every address of an edition has been tried.
edition_sent = django.dispatch.Signal()
