package org.coopera.platform;

import java.util.List;

/**
 * What a module opens to anonymous visitors, as path patterns (e.g. {@code /states/**}). Everything
 * not declared here requires sign-in. A module declares a bean; the security configuration collects
 * them all, so opening a page never means editing another module.
 */
public interface PublicPaths {

  /** Pages anyone may read (GET). */
  default List<String> pages() {
    return List.of();
  }

  /** API resources anyone may read (GET) without a token. */
  default List<String> api() {
    return List.of();
  }
}
