"""Syndication: RSS, Atom and JSON Feed; sitemaps, the news sitemap and robots.txt."""
