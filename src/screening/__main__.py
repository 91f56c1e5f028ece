"""Run the screening command line: ``python -m screening``."""

from screening.cli import main

raise SystemExit(main())
