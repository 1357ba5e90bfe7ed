package dev.initkit.depsfetch;

/** A checksum a repository may publish beside each file; verified in the order given. */
public enum ChecksumAlgorithm {
  SHA512("SHA-512"),
  SHA256("SHA-256"),
  SHA1("SHA-1"),
  MD5("MD5");

  private final String resolverName;

  ChecksumAlgorithm(String resolverName) {
    this.resolverName = resolverName;
  }

  /** The name Maven Resolver knows it by. */
  public String resolverName() {
    return resolverName;
  }
}
