"""``python -m crossroads …`` runs the ``crossroads`` command (see :mod:`crossroads.cli`)."""
from crossroads.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
