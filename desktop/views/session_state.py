"""Who is at the counter: one object every screen shares."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.models.staff import Actor


class SessionState(QObject):
    """The signed-in staff member, or ``None`` for the shared "Counter" sign-in.

    GUI thread only. ``actor_changed`` carries the new :class:`Actor` (or ``None``).
    """

    actor_changed = Signal(object)

    def __init__(self, actor: Actor | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._actor = actor

    @property
    def actor(self) -> Actor | None:
        return self._actor

    @actor.setter
    def actor(self, actor: Actor | None) -> None:
        if actor == self._actor:
            return
        self._actor = actor
        self.actor_changed.emit(actor)

    @property
    def is_owner(self) -> bool:
        return self._actor is not None and self._actor.is_owner
