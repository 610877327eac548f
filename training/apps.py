from django.apps import AppConfig


class TrainingConfig(AppConfig):
    # Installed only where the folder exists (a checkout, not the image): the train_* commands.
    name = "training"
    verbose_name = "Model training"
