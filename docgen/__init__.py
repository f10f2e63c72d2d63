"""docgen: MTTQ records in, ND30 Word documents out."""

__version__ = "0.2.0.dev0"

# The campaign a command uses when none is named (data/chien-dich/<id>/): the seed directive 1031.
DEFAULT_CAMPAIGN = "2022-trang-cong-dong"
