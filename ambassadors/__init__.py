"""The regio-ambassadeurs: the question form on their region's page, and what they hear
about their region (issue 17)."""
