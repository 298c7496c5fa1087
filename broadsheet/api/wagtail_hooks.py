"""API keys in the admin (Settings → API keys): the key is shown once, when it is made."""

from django.contrib import messages
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from broadsheet.api.models import ApiKey


class CreateKeyView(generic.CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        self.issued = instance.issue()
        instance.save()
        self.form.save_m2m()
        return instance

    def get_success_message(self, instance):
        return None

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request,
            f"API key “{self.object}” made. Copy it now, it is not shown again: {self.issued}",
        )
        return response


class ApiKeyViewSet(ModelViewSet):
    model = ApiKey
    icon = "key"
    menu_label = "API keys"
    add_to_settings_menu = True
    add_view_class = CreateKeyView
    list_display = ["name", "user", "per_minute", "active", "created_at"]
    form_fields = ["name", "user", "per_minute", "allowed_origins", "active"]


@hooks.register("register_admin_viewset")
def register_api_keys():
    return ApiKeyViewSet("api_keys")
