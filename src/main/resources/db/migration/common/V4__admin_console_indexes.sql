-- V4: the admin console's callback list, paged by keyset (desired time, then id), with and
-- without a service filter (CallbackQueryJpql via CallbackConsoleResource, GET /1/admin/callbacks).
-- Same SQL on H2 and PostgreSQL.
create index ix_callback_desired_id on callback (desired_time, id);
create index ix_callback_service_desired_id on callback (service_name, desired_time, id);
