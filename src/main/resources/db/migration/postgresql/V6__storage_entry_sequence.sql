-- V6: storage_entry ids come from a sequence Hibernate takes 50 at a time (its pooled optimizer),
-- no longer from the identity column, so that the keys of one create reach the database as one
-- JDBC batch instead of an insert and a generated-key read each. The pooled optimizer hands out
-- the 49 values below each one it reads, so the sequence starts 50 above the highest id already
-- given (setval with false: the next nextval returns exactly that). The column keeps its identity
-- default, unused.
create sequence storage_entry_seq increment by 50;
select setval('storage_entry_seq', (select coalesce(max(id), 0) + 50 from storage_entry), false);
