package dev.initkit.dbwait.probe;

/** Something db-wait waits for. Its {@link #display()} never holds a secret. */
public sealed interface Target permits DatabaseTarget, TcpTarget, HttpTarget {
  /** The target as users wrote it, without user info or secrets: for logs and the report. */
  String display();

  /** What kind of target: postgresql, mysql, tcp, http. */
  String kind();
}
