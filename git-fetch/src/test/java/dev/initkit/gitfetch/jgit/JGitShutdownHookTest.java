package dev.initkit.gitfetch.jgit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import org.eclipse.jgit.internal.util.CleanupService;
import org.junit.jupiter.api.Test;

class JGitShutdownHookTest {
  @Test
  void jgitKeepsItsCleanupForAFrameworkThatNeverRunsIt() throws Exception {
    JGitShutdownHook.leaveOut();

    CleanupService service = CleanupService.getInstance();
    Field osgi = CleanupService.class.getDeclaredField("isOsgi");
    osgi.setAccessible(true);
    assertThat(osgi.getBoolean(service)).isTrue();
  }
}
