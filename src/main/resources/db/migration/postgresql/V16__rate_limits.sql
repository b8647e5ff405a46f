-- Token buckets of the rate limits for anonymous requests (issue 19), one row per client address, written by
-- Bucket4j; on PostgreSQL shared by every instance (SQLite installations keep them in memory and never use it).
create table rate_limit_bucket (
    id         varchar(200) not null primary key,
    state      bytea,
    expires_at bigint
);
