"""Search: engine interface, query model, schema, indexer and query builder, one module per
backend (embedded default and Elasticsearch). Built by the search-and-site issue; empty until then."""
