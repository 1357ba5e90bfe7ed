package dev.initkit.dbwait.probe;

import dev.initkit.dbwait.sql.InitScript;
import java.util.List;

/**
 * What db-wait may create when it is missing.
 *
 * @param createDatabase whether to create the target's database when the server says it does not
 *     exist ({@code --create-database})
 * @param initScripts the {@code --init-sql} scripts to run once ready, in order; empty for none
 * @param adminUser who creates it and runs the scripts ({@code --admin-user}), or null for the
 *     target's user
 * @param adminPassword that user's password, asked on every attempt, or null for the target's
 */
public record DatabaseSetup(
    boolean createDatabase,
    List<InitScript> initScripts,
    String adminUser,
    PasswordSource adminPassword) {
  public static final DatabaseSetup NONE = new DatabaseSetup(false, List.of(), null, null);

  public DatabaseSetup {
    initScripts = List.copyOf(initScripts);
  }

  public boolean hasInitScripts() {
    return !initScripts.isEmpty();
  }
}
