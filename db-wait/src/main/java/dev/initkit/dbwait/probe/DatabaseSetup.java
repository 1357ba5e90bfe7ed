package dev.initkit.dbwait.probe;

/**
 * What db-wait may create when it is missing.
 *
 * @param createDatabase whether to create the target's database when the server says it does not
 *     exist ({@code --create-database})
 * @param adminUser who creates it ({@code --admin-user}), or null for the target's user
 * @param adminPassword that user's password, asked on every attempt, or null for the target's
 */
public record DatabaseSetup(
    boolean createDatabase, String adminUser, PasswordSource adminPassword) {
  public static final DatabaseSetup NONE = new DatabaseSetup(false, null, null);
}
