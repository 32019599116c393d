"""Sharing: how a member shares a story and keeps track of it.

The share forms, the privacy guard, the submission services (a draft page for the redactie,
changes, withdrawal) and "Mijn bijdragen". The page types these forms fill, their workflow and
its e-mails belong to `stories`; this app holds no models and sits above it.
"""
