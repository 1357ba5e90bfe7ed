package dev.initkit.gitfetch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A signature that passed: on what, in which format, by which trusted key.
 *
 * @param object {@code commit}, or {@code tag} when the ref asked for is an annotated tag
 * @param format {@code openpgp} or {@code ssh}
 * @param key the signing key's fingerprint (OpenPGP: 40 hex digits; SSH: {@code SHA256:…})
 * @param signer the key's primary user id (OpenPGP) or the principal that allowed it (SSH)
 */
public record VerifiedSignature(String object, String format, String key, Optional<String> signer) {
  public VerifiedSignature {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(signer, "signer");
  }

  /** For log lines: {@code openpgp key 1A2B… (Ada <ada@example.org>)}. */
  public String describe() {
    return format + " key " + key + signer.map(s -> " (" + s + ")").orElse("");
  }

  /** The report's {@code result.signature} object. */
  public Map<String, Object> toReport() {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("object", object);
    report.put("format", format);
    report.put("key", key);
    signer.ifPresent(s -> report.put("signer", s));
    return report;
  }
}
