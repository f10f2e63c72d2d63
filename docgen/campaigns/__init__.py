"""Campaigns as data: one folder per directive under data/chien-dich/."""

from docgen.campaigns.campaign import Campaign, Level, load_campaign, DEFAULT_CAMPAIGN

__all__ = ["Campaign", "Level", "load_campaign", "DEFAULT_CAMPAIGN"]
