from django.db.models import Avg, DurationField, ExpressionWrapper, F

from .models import Message, MessageStatus


def response_statistics(messages=None, year=None):
    """Received, replied and the average days to reply, for the public list and the annual website report."""
    messages = Message.objects.all() if messages is None else messages
    if year:
        messages = messages.filter(submitted_at__year=year)
    replied = messages.filter(status=MessageStatus.REPLIED, replied_at__isnull=False)
    duration = replied.annotate(took=ExpressionWrapper(F("replied_at") - F("submitted_at"), output_field=DurationField()))
    average = duration.aggregate(avg=Avg("took"))["avg"]
    return {
        "received": messages.count(), "replied": replied.count(), "published": messages.filter(published=True).count(),
        "average_days": round(max(average.total_seconds(), 0) / 86400, 1) if average is not None else None,
    }
