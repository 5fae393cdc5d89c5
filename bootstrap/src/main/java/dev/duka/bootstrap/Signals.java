package dev.duka.bootstrap;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT end the server cleanly: shutdown hooks drain requests and close the database,
 * and the process exits 0 (not the JVM's default 143), so supervisors see a clean stop.
 */
final class Signals {
  private Signals() {}

  static void exitZeroOnTerminate() {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(
            new Signal(name), signal -> new Thread(() -> System.exit(0), "duka-exit").start());
      } catch (IllegalArgumentException unsupported) {
        // the platform does not have this signal; the JVM's default handling stays
      }
    }
  }
}
