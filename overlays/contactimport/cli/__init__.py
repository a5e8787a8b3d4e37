"""The ``contactimport`` command line: W50 and CheckMarket imports from CSV files, and the sandbox.

Exit codes (:class:`ExitCode`): 0 success; 1 finished, but some contacts were rejected or flagged
(also: every CSV row was rejected, so nothing was sent); 2 usage error (bad options, unreadable
file, a file without contacts, missing credentials); 3 API or network error (an interrupted import
can be resumed with ``--resume``); 4 the import ran and the server reports it failed; 130
interrupted with Ctrl-C (resumable). The state file of an import is kept while it can be resumed
and removed when the import ended (finished, or failed on the server).
"""

from .app import ExitCode, cli, main

__all__ = ["ExitCode", "cli", "main"]
