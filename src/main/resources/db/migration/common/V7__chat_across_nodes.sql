-- V7: chat across nodes (docs/cluster.md, "Chat across nodes"). The nodes share who is ready
-- (agent_presence, one row an agent, read whole by a routing pass), which agents left a chat
-- (not routed back to them), when a chat last saw activity (the idle timeout of whichever
-- node sweeps) and how far its polling customer read. The agent's chat count comes from chat_session (state, agent_login).
create table if not exists agent_presence (
    login varchar(255) not null,
    ready boolean not null,
    ready_since timestamp(6) with time zone not null,
    logged_in_since timestamp(6) with time zone,
    node_name varchar(255) not null,
    primary key (login)
);
alter table chat_session add column if not exists left_by varchar(1024);
alter table chat_session add column if not exists last_activity timestamp(6) with time zone;
-- how many events a polling customer was shown, whichever node answered the poll
alter table chat_session add column if not exists client_seen integer;
-- the node holding a client session bound to the chat (its events go there, not to the device)
alter table chat_session add column if not exists bound_node varchar(255);
-- when the chat's agent got it (business time), for the handle time the cluster counts
alter table chat_session add column if not exists answered_at timestamp(6) with time zone;
-- the chat statistics of the whole cluster, one row a queue (PostgreSQL only)
create table if not exists chat_queue_figures (
    queue_name varchar(255) not null,
    answered bigint not null,
    handled bigint not null,
    handle_seconds bigint not null,
    primary key (queue_name)
);
-- a routing pass counts each agent's assigned chats
create index if not exists ix_chat_session_agent on chat_session (agent_login, state);
