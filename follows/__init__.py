"""Following themes, regions, change tasks, dialogues and searches, and the digests that tell
followers what is new (issue 17)."""
