from django.urls import path

from broadsheet.comments import views, views_more

app_name = "comments"

urlpatterns = [
    path("post/<int:article_id>/", views.post_comment, name="post"),
    path("token/<int:article_id>/", views.form_token, name="token"),
    path("<int:pk>/", views.permalink, name="permalink"),
    path("<int:pk>/status/", views.comment_status, name="status"),
    path("<int:pk>/reply/", views.reply, name="reply"),
    path("<int:pk>/like/", views_more.like, name="like"),
    path("<int:pk>/report/", views_more.report, name="report"),
    path("<int:pk>/edit/", views_more.edit, name="edit"),
    path("<int:pk>/delete/", views_more.delete, name="delete"),
    path("unsubscribe/<str:token>/", views_more.unsubscribe, name="unsubscribe"),
]
