"""``python -m crossroads …`` runs the ``crossroads`` command (see :mod:`crossroads.cli`)."""
from crossroads.cli import main

raise SystemExit(main())
