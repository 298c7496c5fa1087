"""Reader pages (cacheable, under /newsletters/) and the uncached steps (/subscriptions/)."""

from django.urls import path

from broadsheet.newsletters import feeds, views, webhook

pages = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.archive, name="archive"),
    path("<slug:slug>/feed/", feeds.EditionsFeed(), name="feed"),
    path("<slug:slug>/<int:pk>/", views.edition, name="edition"),
]

steps = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("account/", views.subscribe_account, name="account"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("opened/<str:token>/", views.opened, name="opened"),
    path("clicked/<str:token>/", views.clicked, name="clicked"),
    path("bounces/", webhook.receive, name="bounces"),
]
