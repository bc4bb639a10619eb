"""Plain words for every sync error code, as the command line says them.

The app's screens say the same things in their own (translated) words; the codes listed here
are the ones both must know (``desktop.views.sync_texts`` has one sentence for each).
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "offline": "the alliance server cannot be reached (no network, or the address is wrong)",
    "timeout": "the alliance server did not answer in time",
    "tls": "the server's certificate could not be verified (wrong address, or give --ca-file)",
    "bad_url": "the server address must start with http:// or https://",
    "bad_answer": "the server's answer was not understood (is this an alliance server?)",
    "protocol": "the server speaks another protocol version; update Merchant Desk or the server",
    "server_busy": "the alliance server is busy or its database is down; try again later",
    "server_error": "the alliance server failed; try again later",
    "rate_limited": "too many attempts; wait a few minutes",
    "unauthorized": "the server no longer accepts this PC; pair it again",
    "device_revoked": "this PC was removed from the alliance; pair it again with a new code",
    "enrolment_code_invalid": "the enrolment code is not valid",
    "enrolment_code_used": "the enrolment code was already used; ask the alliance for a new one",
    "enrolment_code_expired": "the enrolment code has expired; ask the alliance for a new one",
    "enrolment_code_locked": "the enrolment code is locked after too many wrong tries",
    "too_many_attempts": "too many enrolment attempts from this network; wait 10 minutes",
    "already_paired": "this shop is already in an alliance ({detail}); use --again to re-pair",
    "not_paired": "this shop has not joined an alliance; run merchant-desk pair first",
    "reenrol_required": "this database was restored from a backup; pair it again (new code)",
    "credential_lost": "this PC's sync key is missing or does not fit; pair it again",
    "owner_required": "only the owner can join an alliance (a staff PIN was given)",
    "pin_wrong": "the owner PIN is wrong",
    "event_id_reused": "the server already has one of this shop's events with another content;"
    " the shop database may be damaged or copied: contact support (nothing was sent)",
    "device_seq_taken": "the server already has other events under these numbers; this"
    " database may be a copy of another PC's: pair it again (nothing was sent)",
    "content_hash_mismatch": "an event in this shop's outbox is damaged (its checksum does not"
    " match); contact support (nothing was sent)",
    "pin_required": "give the owner PIN (--owner-pin or MERCHANT_DESK_OWNER_PIN)",
}


def message(code: str, detail: str = "") -> str:
    return MESSAGES.get(code, "sync failed: {detail}").format(detail=detail or code)
