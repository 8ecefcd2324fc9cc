-- V5: the node list (docs/cluster.md, "Nodes"). Each node writes its own row at start, at every
-- heartbeat and when it leaves; any node reads them all for the admin console. A handful of
-- rows, read by primary key or all at once: no other index.
create table if not exists cluster_node (
    name varchar(255) not null,
    started_at timestamp(6) with time zone not null,
    last_heartbeat timestamp(6) with time zone not null,
    left_at timestamp(6) with time zone,
    server varchar(255),
    java varchar(64),
    primary key (name)
);
