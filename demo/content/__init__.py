"""The demo site's Dutch texts: pages, taxonomy, members, stories, replies and recordings."""
