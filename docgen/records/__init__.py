"""Records: administrative units, Front pages, people, and the submissions that hold them."""
