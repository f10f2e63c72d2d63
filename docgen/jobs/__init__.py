"""Jobs that compose several layers for one command (the api calls them)."""
