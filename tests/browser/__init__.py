"""Browser tests: the built site, opened in Debian's Chromium, as a reader sees it."""
