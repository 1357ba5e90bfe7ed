package dev.initkit.common.testkit;

/** What a child process returned and printed. */
public record ProcessResult(int exitCode, String stdout, String stderr) {}
