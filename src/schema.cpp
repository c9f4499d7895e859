// schema: see include/paperdex/schema.h
