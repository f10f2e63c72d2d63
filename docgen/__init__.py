"""docgen: MTTQ records in, ND30 Word documents out."""

__version__ = "0.2.0.dev0"
