"""docgen: MTTQ records in, ND30 Word documents out."""

__version__ = "0.1.0"
