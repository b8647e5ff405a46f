-- The tenant's strategy revision (issue 19): raised by the database itself in every statement that writes a table
-- the strategy pages show (strategies, goals, measures, milestones, status options, rounds, assessments, reviews,
-- responsible units, goal indicators, extra fields), so that no write path can forget it. Rendered parts of the
-- strategy pages are kept per revision; every instance sees a change with the next read.
create table strategy_revision (
    tenant_id  varchar(36) not null primary key references tenant (id),
    revision   bigint      not null
);

-- once per statement (transition tables): a bulk import raises it once, not per row
create function strategy_revision_inserted() returns trigger language plpgsql as $$
begin
    insert into strategy_revision (tenant_id, revision)
        select distinct tenant_id, 1 from inserted
        on conflict (tenant_id) do update set revision = strategy_revision.revision + 1;
    return null;
end $$;

create function strategy_revision_updated() returns trigger language plpgsql as $$
begin
    insert into strategy_revision (tenant_id, revision)
        select distinct tenant_id, 1 from updated
        on conflict (tenant_id) do update set revision = strategy_revision.revision + 1;
    return null;
end $$;

create function strategy_revision_deleted() returns trigger language plpgsql as $$
begin
    insert into strategy_revision (tenant_id, revision)
        select distinct tenant_id, 1 from deleted
        on conflict (tenant_id) do update set revision = strategy_revision.revision + 1;
    return null;
end $$;

do $$
declare
    t text;
begin
    foreach t in array array['strategy', 'goal', 'measure', 'measure_unit', 'milestone', 'status_option',
                             'reporting_round', 'assessment', 'assessment_review', 'node_extra_field',
                             'goal_indicator', 'responsible_unit']
    loop
        execute format('create trigger %1$s_revision_ins after insert on %1$s referencing new table as inserted '
                       'for each statement execute function strategy_revision_inserted()', t);
        execute format('create trigger %1$s_revision_upd after update on %1$s referencing new table as updated '
                       'for each statement execute function strategy_revision_updated()', t);
        execute format('create trigger %1$s_revision_del after delete on %1$s referencing old table as deleted '
                       'for each statement execute function strategy_revision_deleted()', t);
    end loop;
end $$;
