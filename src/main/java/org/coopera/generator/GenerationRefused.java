package org.coopera.generator;

/** A generation run asked of a database that a run already filled. */
public class GenerationRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  GenerationRefused(String message) {
    super(message);
  }
}
