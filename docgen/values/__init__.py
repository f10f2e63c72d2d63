"""Values a campaign's form holds, and how Vietnamese documents write them (`formats`)."""
