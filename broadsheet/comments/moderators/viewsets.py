"""Plain model screens inside the Comments menu: bans, word lists, policy overrides."""

from wagtail.admin.viewsets.model import ModelViewSet

from broadsheet.comments.models import Ban, BannedWord, CommentPolicyOverride


class BanViewSet(ModelViewSet):
    model = Ban
    icon = "cross"
    menu_label = "Bans"
    add_to_admin_menu = False
    list_display = ["__str__", "reason", "created_at", "expires_at", "lifted_at"]
    list_filter = ["kind"]
    search_fields = ["value", "reason"]
    form_fields = ["kind", "value", "user", "reason", "expires_at", "lifted_at"]


class BannedWordViewSet(ModelViewSet):
    model = BannedWord
    icon = "warning"
    menu_label = "Banned and suspect words"
    add_to_admin_menu = False
    list_display = ["word", "kind"]
    list_filter = ["kind"]
    search_fields = ["word"]


class PolicyOverrideViewSet(ModelViewSet):
    model = CommentPolicyOverride
    icon = "cog"
    menu_label = "Section and article rules"
    add_to_admin_menu = False
    list_display = ["page", "mode", "auto_close_days", "max_depth"]


ban_viewset = BanViewSet("comment_bans")
banned_word_viewset = BannedWordViewSet("comment_words")
policy_override_viewset = PolicyOverrideViewSet("comment_policies")
