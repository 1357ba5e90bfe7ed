package dev.initkit.depsfetch;

/** SHA-256 in the tests, computed independently of the code under test. */
final class TestRepositoryHashes {
  private TestRepositoryHashes() {}

  static String sha256(byte[] content) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
