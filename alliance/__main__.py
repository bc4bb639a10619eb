"""``python -m alliance`` runs the server (same as ``alliance-server``)."""

from alliance.server import main

main()
