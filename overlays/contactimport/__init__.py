"""contactimport: typed clients, DataContract XML, import workflows and a CLI for W50API and CheckMarket v3."""

__version__ = "0.1.0"
