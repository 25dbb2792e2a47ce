package org.coopera.recommendations;

import java.util.List;

/**
 * What a maintenance command may ask of the registry: the real recommendations it ships (read from
 * the OHCHR matrices of {@code classpath:demo/recommendations/}, not from the database), and a
 * rebuild of the search index after rows were written outside the application's own services.
 */
public interface RegistryMaintenance {

  /** The recommendations of the shipped OHCHR matrices, in file order. */
  List<SampleText> shippedSamples();

  /** Rebuilds the whole search index from the database; answers how long it took in ms. */
  long rebuildSearchIndex();
}
