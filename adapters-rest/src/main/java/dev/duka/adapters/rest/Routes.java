package dev.duka.adapters.rest;

/**
 * One feature's routes. {@link #declare()} runs inside the {@code /api/v1} path of Javalin's {@code
 * ApiBuilder} (at the root when {@link #atRoot()}), so implementations call its static {@code get},
 * {@code post}, {@code path}…
 */
@FunctionalInterface
public interface Routes {
  void declare();

  /** True for routes declared at the root of the server, such as files, not under the API. */
  default boolean atRoot() {
    return false;
  }
}
