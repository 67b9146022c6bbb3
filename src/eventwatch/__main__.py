"""``python -m eventwatch``: same as the ``eventwatch`` command."""

from eventwatch.cli import main

main()
