package dev.initkit.common.log;

/** How each log line is written: plain text for people, JSON for log pipelines. */
public enum LogFormat {
  TEXT,
  JSON
}
