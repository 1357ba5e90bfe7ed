package dev.initkit.depsfetch;

/**
 * Where HTTP requests to repositories go when not straight to the repository: settings.xml's proxy
 * ({@link ProxyServer}) or the environment's ({@link EnvironmentProxy}). Only one applies; the
 * settings file wins, as in Maven, which ignores the environment's variables.
 */
public sealed interface HttpProxy permits ProxyServer, EnvironmentProxy {}
