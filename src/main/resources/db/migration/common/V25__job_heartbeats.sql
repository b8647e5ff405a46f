-- A running background job is claimed by the instance that runs it: it writes its progress and a heartbeat
-- (epoch milliseconds) every few seconds, so that every instance can show the progress, and a job whose instance
-- was killed is failed by any other instance once its heartbeat is old.
alter table background_job add column instance_id varchar(200);
alter table background_job add column heartbeat_at bigint;
alter table background_job add column progress_done integer;
alter table background_job add column progress_total integer;
