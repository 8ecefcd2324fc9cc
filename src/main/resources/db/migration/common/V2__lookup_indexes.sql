-- V2: indexes for the lookups that V1 (the schema Hibernate generated) left to table scans.
-- Plain SQL that H2 and PostgreSQL both run as written. A database baselined at V1 (an old data
-- directory) gets them here too.

-- CallbackStore.ofAgent: agent_login = :a and state in (ROUTING, PROCESSING) order by
-- desired_time (GET /1/agent/callbacks, every agent's poll).
create index ix_callback_agent_state on callback (agent_login, state);

-- CallbackStore.positionInQueue: queue_name = :q and state = QUEUED and (desired_time, created_at)
-- before the callback's (GET /1/service/{id}/check-queue-position, polled by waiting customers);
-- CallbackStore.queued for given queues: queue_name in (...) and state = QUEUED order by desired_time.
create index ix_callback_queue_position on callback (queue_name, state, desired_time, created_at);

-- ChatFileStore.expire, the file retention sweep (ChatFile.pastRetention / pastRetentionOthers):
-- chat_session state = FINISHED and finished_at < :cutoff, joined to chat_file on chat_id.
create index ix_chat_session_finished on chat_session (state, finished_at);
