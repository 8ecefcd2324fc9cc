-- V3: the shared state of several nodes on one database (docs/cluster.md). Same SQL on H2 and
-- PostgreSQL. "if not exists": a database a pre-release build created with hbm2ddl=update may
-- have these tables already.

-- One row per callback service, locked (select ... for update) by every callback start of that
-- service: the queued cap, the daily same-parameter throttle and the capacity hold across nodes
-- and concurrent starts; the two rate windows of _throttle_callbacks_per_service_1/_2 live here.
-- CallbackAdmissionLocks.lock
create table if not exists callback_admission (
    service_name varchar(255) not null,
    window1_count integer not null,
    window1_start timestamp(6) with time zone,
    window2_count integer not null,
    window2_start timestamp(6) with time zone,
    primary key (service_name)
);

-- A comet notification for a session held by another node: written by the publishing node,
-- signalled by id (LISTEN/NOTIFY), delivered by the node holding the session, swept after 60 s.
create table if not exists comet_relay (
    id varchar(36) not null,
    created_at timestamp(6) with time zone not null,
    envelope_id varchar(32) not null,
    gms_user varchar(256) not null,
    message varchar(1000000),
    tag varchar(1024) not null,
    primary key (id)
);

-- CometRelays.deleteOld (CometRelayExpiry): the oldest rows with created_at < :t, in that order.
create index if not exists ix_comet_relay_created on comet_relay (created_at);
