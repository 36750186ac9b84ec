"""E-mail to the team, sent beside the visitor's request so that a slow mail server never
holds up the answer; what the mail is about is stored before it is sent."""

import logging
import smtplib
import threading

from django.core.mail import send_mail

logger = logging.getLogger(__name__)

_sending = set()
_lock = threading.Lock()


def send_in_background(subject, body, recipients, what):
    """Send a mail in a thread of its own; a failure is logged with `what` it was about.

    The thread is not a daemon: a worker that is shutting down waits for it, at most
    EMAIL_TIMEOUT for each step of the conversation with the mail server.
    """
    thread = threading.Thread(
        target=_send, args=(subject, body, recipients, what), name="send-mail"
    )
    with _lock:
        _sending.add(thread)
    thread.start()
    return thread


def _send(subject, body, recipients, what):
    try:
        send_mail(subject, body, None, recipients)
    except (OSError, smtplib.SMTPException):
        logger.exception("Could not send the notification of %s", what)
    finally:
        with _lock:
            _sending.discard(threading.current_thread())


def wait_for_mail(timeout=None):
    """Wait for the mail being sent, each at most `timeout` seconds."""
    with _lock:
        threads = list(_sending)
    for thread in threads:
        thread.join(timeout)
