package dev.initkit.gitfetch;

import dev.initkit.common.failure.UsageException;
import java.net.URI;
import java.util.Optional;

/**
 * The {@code Cookie} header for a request, read when it is needed: the cookie file is re-read on
 * each attempt, so a rotated Secret is picked up.
 */
@FunctionalInterface
public interface CookieSource {
  Optional<String> header(URI url) throws UsageException;
}
