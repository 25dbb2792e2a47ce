package org.coopera.recommendations;

import java.util.UUID;

/**
 * A cluster ceased to exist because its members left it (a split left it with fewer than two).
 * Published in the transaction that dissolves it, before the cluster row is removed.
 */
public record ClusterDissolved(UUID clusterId, String stateIso3, String label) {}
