"""What a page says about itself: canonical URL, Open Graph, Twitter cards, JSON-LD, feed links."""
