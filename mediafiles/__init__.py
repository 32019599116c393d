"""Media files: upload checks, file types, durations, images, transcripts, the podcast feed
and webinar calendars. No models; the pages that use these live in `stories`."""
