from django.db.models.signals import post_save
from django.dispatch import receiver

from . import text
from .models import SearchTerm


@receiver(post_save, sender=SearchTerm)
def teach_segmenter(sender, instance, **kwargs):
    text.add_word(instance.word)
