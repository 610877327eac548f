"""The message path: receive (with the crisis escalation in the same transaction), process
(read, decide, answer) and its Celery tasks.

It sits above `conversations` and `escalations` and owns no models, so neither app has to
import the other's write path: conversations stores messages, escalations opens hand-offs,
and this layer calls both in order.
"""
