-- Personal API tokens: shown once, stored as SHA-256, scoped to one tenant and the owner's role there.
create table api_token (
    tenant_id     varchar(36)  not null references tenant (id),
    id            varchar(36)  not null primary key,
    user_id       varchar(36)  not null references app_user (id),
    name          varchar(100) not null,
    token_hash    varchar(64)  not null,
    created_at    timestamp with time zone not null,
    last_used_at  timestamp with time zone,
    revoked_at    timestamp with time zone,
    constraint api_token_hash_uk unique (token_hash)
);
create index api_token_user_ix on api_token (user_id);
