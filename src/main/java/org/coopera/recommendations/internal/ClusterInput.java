package org.coopera.recommendations.internal;

/**
 * A recommendation to be clustered.
 *
 * @param id the recommendation's id, reported back in the {@link Cluster}
 * @param text its text
 * @param groupKey what it came with, such as its session or cycle; the clusterer does not use it to
 *     decide, it reports which groups a cluster spans (the same ask made again in a later cycle)
 */
record ClusterInput(String id, String text, String groupKey) {}
