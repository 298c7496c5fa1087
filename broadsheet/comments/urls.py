from django.urls import path

from broadsheet.comments.views import authors, readers

app_name = "comments"

urlpatterns = [
    path("post/<int:article_id>/", readers.post_comment, name="post"),
    path("token/<int:article_id>/", readers.form_token, name="token"),
    path("<int:pk>/", readers.permalink, name="permalink"),
    path("<int:pk>/status/", authors.comment_status, name="status"),
    path("<int:pk>/reply/", readers.reply, name="reply"),
    path("<int:pk>/like/", readers.like, name="like"),
    path("<int:pk>/report/", readers.report, name="report"),
    path("<int:pk>/edit/", authors.edit, name="edit"),
    path("<int:pk>/delete/", authors.delete, name="delete"),
    path("unsubscribe/<str:token>/", authors.unsubscribe, name="unsubscribe"),
]
