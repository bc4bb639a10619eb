"""``python -m desktop``: the command line, which starts the app when given no command."""

import sys

import desktop.cli

sys.exit(desktop.cli.main())
