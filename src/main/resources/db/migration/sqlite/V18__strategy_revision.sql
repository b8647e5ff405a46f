-- The tenant's strategy revision (issue 19): raised by the database itself with every row written to a table the
-- strategy pages show (strategies, goals, measures, milestones, status options, rounds, assessments, reviews,
-- responsible units, goal indicators, extra fields), so that no write path can forget it. Rendered parts of the
-- strategy pages are kept per revision; every instance sees a change with the next read. (SQLite has row triggers
-- only; PostgreSQL raises it once per statement.)
create table strategy_revision (
    tenant_id  varchar(36) not null primary key references tenant (id),
    revision   bigint      not null
);

create trigger strategy_revision_ins after insert on strategy
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger strategy_revision_upd after update on strategy
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger strategy_revision_del after delete on strategy
begin
    insert into strategy_revision (tenant_id, revision) values (old.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger goal_revision_ins after insert on goal
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger goal_revision_upd after update on goal
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger goal_revision_del after delete on goal
begin
    insert into strategy_revision (tenant_id, revision) values (old.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger measure_revision_ins after insert on measure
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger measure_revision_upd after update on measure
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger measure_revision_del after delete on measure
begin
    insert into strategy_revision (tenant_id, revision) values (old.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger measure_unit_revision_ins after insert on measure_unit
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger measure_unit_revision_upd after update on measure_unit
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger measure_unit_revision_del after delete on measure_unit
begin
    insert into strategy_revision (tenant_id, revision) values (old.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger milestone_revision_ins after insert on milestone
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger milestone_revision_upd after update on milestone
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger milestone_revision_del after delete on milestone
begin
    insert into strategy_revision (tenant_id, revision) values (old.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger status_option_revision_ins after insert on status_option
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger status_option_revision_upd after update on status_option
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger status_option_revision_del after delete on status_option
begin
    insert into strategy_revision (tenant_id, revision) values (old.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger reporting_round_revision_ins after insert on reporting_round
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger reporting_round_revision_upd after update on reporting_round
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger reporting_round_revision_del after delete on reporting_round
begin
    insert into strategy_revision (tenant_id, revision) values (old.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger assessment_revision_ins after insert on assessment
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger assessment_revision_upd after update on assessment
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger assessment_revision_del after delete on assessment
begin
    insert into strategy_revision (tenant_id, revision) values (old.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger assessment_review_revision_ins after insert on assessment_review
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger assessment_review_revision_upd after update on assessment_review
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger assessment_review_revision_del after delete on assessment_review
begin
    insert into strategy_revision (tenant_id, revision) values (old.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger node_extra_field_revision_ins after insert on node_extra_field
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger node_extra_field_revision_upd after update on node_extra_field
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger node_extra_field_revision_del after delete on node_extra_field
begin
    insert into strategy_revision (tenant_id, revision) values (old.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger goal_indicator_revision_ins after insert on goal_indicator
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger goal_indicator_revision_upd after update on goal_indicator
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger goal_indicator_revision_del after delete on goal_indicator
begin
    insert into strategy_revision (tenant_id, revision) values (old.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger responsible_unit_revision_ins after insert on responsible_unit
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger responsible_unit_revision_upd after update on responsible_unit
begin
    insert into strategy_revision (tenant_id, revision) values (new.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;

create trigger responsible_unit_revision_del after delete on responsible_unit
begin
    insert into strategy_revision (tenant_id, revision) values (old.tenant_id, 1)
        on conflict (tenant_id) do update set revision = revision + 1;
end;
