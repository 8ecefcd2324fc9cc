/**
 * Group commit: short, independent writes of concurrent requests committed in one database
 * transaction, each request answered only once that commit returned. One commit then pays for many
 * writes (H2 writes one chunk per commit, PostgreSQL one WAL flush), and nothing is acknowledged
 * before it is durable. Used by the writes on the hottest paths (Storage API create).
 */
package org.opengms.persistence.group;
