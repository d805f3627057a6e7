"""The Flask site and versioned JSON API. Built by the search-and-site issue; empty until then."""
