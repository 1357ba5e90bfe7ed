package dev.initkit.dbwait.probe;

import dev.initkit.common.cli.Secret;

/**
 * What db-wait may create when it is missing.
 *
 * @param createDatabase whether to create the target's database when the server says it does not
 *     exist ({@code --create-database})
 * @param adminUser who creates it ({@code --admin-user}), or null for the target's user
 * @param adminPassword that user's password, or null for the target's password
 */
public record DatabaseSetup(boolean createDatabase, String adminUser, Secret adminPassword) {
  public static final DatabaseSetup NONE = new DatabaseSetup(false, null, null);
}
