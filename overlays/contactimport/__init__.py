"""contactimport: typed clients, DataContract XML, import workflows and a CLI.

For the Which50 W50API and CheckMarket API v3 contact import APIs.
"""

__version__ = "0.1.0"
