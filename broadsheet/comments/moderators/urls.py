from django.urls import path

from broadsheet.comments.moderators import article, filter_status, views

app_name = "comments_admin"

urlpatterns = [
    path("", views.queue, name="index"),
    path("queue/<slug:name>/", views.queue, name="queue"),
    path("bulk/", views.bulk, name="bulk"),
    path("log/", views.log, name="log"),
    path("spam-filter/", filter_status.spam_filter, name="spam_filter"),
    path("article/<int:page_id>/", article.article_comments, name="article"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/<slug:verb>/", views.act, name="act"),
]
