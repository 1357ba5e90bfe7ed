package dev.initkit.dbwait.sql;

/**
 * What the init step did on one database.
 *
 * @param applied scripts run and recorded by this run
 * @param skipped scripts found recorded with the same checksum, so not run again
 */
public record InitSqlResult(int applied, int skipped) {}
