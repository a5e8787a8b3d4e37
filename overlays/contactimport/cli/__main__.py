"""``python -m contactimport.cli``: the same as the ``contactimport`` command."""

from .app import main

raise SystemExit(main())
