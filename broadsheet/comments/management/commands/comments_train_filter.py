"""``broadsheet comments_train_filter``: train and calibrate the spam filter now, not in a task."""

from django.core.management.base import BaseCommand

from broadsheet.comments import learning


class Command(BaseCommand):
    help = "Train the site's spam filter now from every moderators' decision (and calibrate it)."

    def handle(self, *args, **options) -> None:
        trained = learning.retrain()
        if trained is None:
            spam, ham = learning.decision_counts()
            self.stdout.write(
                f"Only {spam} spam and {ham} not-spam decisions: the starter model stays in "
                f"force until there are {learning.MIN_DECISIONS} of each."
            )
            return
        spam, ham = trained.decisions
        self.stdout.write(f"Trained on {spam} spam and {ham} not-spam decisions.")
