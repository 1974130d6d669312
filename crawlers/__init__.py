"""Stage 1 of Stopwijzer: Scrapy spiders that fetch app records from the sources."""
