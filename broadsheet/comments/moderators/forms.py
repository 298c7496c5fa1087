"""Small forms for moderators' actions."""

from django import forms

from broadsheet.comments.models import Comment


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Reason (kept in the log)", max_length=500, required=False)


class ModeratorEditForm(ReasonForm):
    text = forms.CharField(label="Text", widget=forms.Textarea(attrs={"rows": 6}))


class BanForm(ReasonForm):
    targets = forms.MultipleChoiceField(label="Ban by", widget=forms.CheckboxSelectMultiple)
    days = forms.IntegerField(
        label="For how many days (empty: until lifted)", min_value=1, required=False
    )

    def __init__(self, *args, comment: Comment, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = []
        if comment.email:
            choices.append(("email", f"Email address {comment.email}"))
            choices.append(("domain", f"Email domain {comment.email.rpartition('@')[2]}"))
        if comment.ip_hash:
            choices.append(("ip", f"IP hash {comment.ip_hash[:12]}…"))
        if comment.user_id:
            choices.append(("user", f"Account {comment.user}"))
        self.fields["targets"].choices = choices
