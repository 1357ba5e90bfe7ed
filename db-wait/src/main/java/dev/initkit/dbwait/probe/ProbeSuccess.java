package dev.initkit.dbwait.probe;

/**
 * A successful check.
 *
 * @param serverVersion what the server says it is, or null when it does not say (TCP)
 */
public record ProbeSuccess(String serverVersion) {}
