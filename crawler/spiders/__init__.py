"""One spider per official source, each on crawler.spiders.base.KamerwachtSpider."""
