"""The demo site and synthetic benchmark content: `load_demo`, `generate_content` and their data.

For local and test installations only (HVDJ_ALLOW_DEMO_CONTENT); no other app imports it.
"""
