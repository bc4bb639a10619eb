"""Sync error codes → plain words for the shop (translated), and short times for the status.

One sentence for every code of ``desktop.sync.messages.MESSAGES`` (the command line's words),
said the way the app's screens say it: "join again" rather than a command-line flag.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from desktop.models.clock import local_time


def _t(text: str) -> str:
    return QCoreApplication.translate("SyncTexts", text)


def sync_error_text(code: str | None, detail: str = "") -> str:
    """The sentence for a failed sync or join; unknown codes still say something useful."""
    if not code:
        return ""
    texts = {
        "offline": _t("The alliance server cannot be reached (no network, or a wrong address)."),
        "timeout": _t("The alliance server did not answer in time."),
        "tls": _t(
            "The server's certificate could not be verified: check the address, or choose "
            "the certificate file the organiser gave you."
        ),
        "bad_url": _t("The server address must start with http:// or https://."),
        "bad_answer": _t("The server's answer was not understood. Is this an alliance server?"),
        "protocol": _t(
            "The server speaks another version. Update Merchant Desk, or ask the organiser."
        ),
        "server_busy": _t("The alliance server is busy. It is tried again by itself."),
        "server_error": _t("The alliance server failed. It is tried again by itself."),
        "rate_limited": _t("Too many attempts. Wait a few minutes."),
        "unauthorized": _t("The server no longer accepts this PC. Join again with a new code."),
        "device_revoked": _t(
            "This PC was removed from the alliance. Join again with a new code from the organiser."
        ),
        "enrolment_code_invalid": _t("That invitation code is not valid. Check it and try again."),
        "enrolment_code_used": _t(
            "That invitation code was already used. Ask the organiser for a new one."
        ),
        "enrolment_code_expired": _t(
            "That invitation code has expired. Ask the organiser for a new one."
        ),
        "enrolment_code_locked": _t(
            "That invitation code is locked after too many wrong tries. Ask the organiser "
            "for a new one."
        ),
        "too_many_attempts": _t("Too many tries from this network. Wait 10 minutes."),
        "already_paired": _t("This shop is already in an alliance."),
        "not_paired": _t("This shop has not joined an alliance."),
        "reenrol_required": _t(
            "This shop was restored from a backup. Join the alliance again with a new "
            "invitation code (Settings → Alliance)."
        ),
        "credential_lost": _t(
            "This PC's sync key is missing or does not fit. Join the alliance again with a "
            "new code."
        ),
        "owner_required": _t("Only the owner can join an alliance."),
        "pin_wrong": _t("Wrong PIN."),
        "pin_required": _t("Only the owner can join an alliance."),
        "event_id_reused": _t(
            "The server already has one of this shop's records with other content. The "
            "database may be damaged or copied: contact support. Nothing was sent."
        ),
        "device_seq_taken": _t(
            "The server already has other records under these numbers. This database may be "
            "a copy of another PC's: join again with a new code. Nothing was sent."
        ),
        "content_hash_mismatch": _t(
            "A record waiting to be sent is damaged. Contact support. Nothing was sent."
        ),
    }
    text = texts.get(code)
    if text is not None:
        return text
    return _t("Sync failed: %1").replace("%1", detail or code)


def sync_time_text(at_utc: dt.datetime | None, *, now: dt.datetime, tz: str) -> str:
    """ "10:42" today, "03-01 10:42" on another day, "—" for never."""
    if at_utc is None:
        return "—"
    at, today = local_time(at_utc, tz), local_time(now, tz)
    return at.strftime("%H:%M") if at.date() == today.date() else at.strftime("%m-%d %H:%M")


def age_text(at_utc: dt.datetime | None, *, now: dt.datetime) -> str:
    """How long ago: "never", "5 minutes ago", "3 hours ago", "2 days ago"."""
    if at_utc is None:
        return _t("never")
    seconds = max(0, int((now - at_utc).total_seconds()))
    if seconds < 3600:
        minutes = seconds // 60
        return (
            _t("1 minute ago") if minutes == 1 else _t("%1 minutes ago").replace("%1", str(minutes))
        )
    if seconds < 2 * 86400:
        hours = seconds // 3600
        return _t("1 hour ago") if hours == 1 else _t("%1 hours ago").replace("%1", str(hours))
    return _t("%1 days ago").replace("%1", str(seconds // 86400))
