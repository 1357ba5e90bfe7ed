package dev.initkit.common.sample;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A bare picocli hello-world: the start-up floor that the benchmarks compare every tool with.
 * Nothing of initkit's frame, on purpose.
 */
@Command(name = "hello", mixinStandardHelpOptions = true, version = "hello 1")
public final class HelloWorldCommand implements Callable<Integer> {
  @Option(names = "--name", defaultValue = "world", description = "Whom to greet.")
  String name;

  @Override
  public Integer call() {
    System.out.println("hello, " + name);
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new HelloWorldCommand()).execute(args));
  }
}
