from django.urls import path

from broadsheet.wire import views

app_name = "wire_desk"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.detail, name="item"),
    path("<int:pk>/write-up/", views.write_up, name="write_up"),
    path("<int:pk>/acknowledge/", views.acknowledge, name="acknowledge"),
]
